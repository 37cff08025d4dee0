/**
 * The one schema for free text a person types (names, reasons, labels, imported text), and the one for
 * identifiers that go into another service's URL or credentials. Invisible text must not pass as
 * required text: three zero-width spaces are not a reason, and a right-to-left override in an issuer
 * name would show a different name in an authenticator app.
 */
import { z } from 'zod';
import { DEFAULT_LOCALE } from './i18n/locales';
import { translate, type MessageKey } from './i18n/translator';

/**
 * The schema's messages are the catalogue's English text (what zod keeps as an issue's message); the
 * VALIDATION answer finds their catalogue entry again and puts them in the reader's language (validation.ts).
 */
const english = (key: MessageKey, values?: Record<string, string | number>) => translate(DEFAULT_LOCALE, key, values);

/** Controls (Cc), format characters (Cf: bidi overrides and isolates, zero-width characters, BOM) and line or paragraph separators. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** With the u flag a well-formed pair is one astral code point, so only an unpaired surrogate is Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Letters, digits, punctuation and symbols, except the blank "letters" that render as nothing (Hangul fillers, braille blank). */
const VISIBLE = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/gu;

export const visibleLength = (value: string): number => value.match(VISIBLE)?.length ?? 0;

export const HIDDEN_MESSAGE = english('coreData.text.hidden');
export const SURROGATE_MESSAGE = english('coreData.text.brokenCharacter');

/** Why a value is not acceptable free text, or null. The value is expected NFC-normalised and trimmed. */
export function textProblem(value: string, min: number): string | null {
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  if (HIDDEN.test(value)) return HIDDEN_MESSAGE;
  if (visibleLength(value) < min) return needMessage(min);
  return null;
}

const needMessage = (min: number) => (min <= 1 ? english('coreData.text.enterVisible') : english('coreData.text.enterVisibleAtLeast', { min: String(min) }));

export interface TextRules {
  /** Visible characters required; 0 lets the text be empty (optional text). */
  min?: number;
  max: number;
}

/**
 * Free text: NFC, trimmed, no control or format characters, no unpaired surrogates, at least `min`
 * visible characters and at most `max` characters. Refused, never silently cleaned, so
 * what is stored is what the person saw.
 */
export function text({ min = 1, max }: TextRules) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? needMessage(min) : english('coreData.validation.enterText')) })
    .normalize('NFC')
    .trim()
    .min(min, needMessage(min))
    .max(max, english('coreData.validation.useAtMostChars', { maximum: String(max) }))
    .superRefine((value, ctx) => {
      const problem = textProblem(value, min);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value, params: { min: String(min) } });
    });
}

/** Why an identifier may not go into a provider's URL path or Basic credentials, or null. */
export function outsideIdProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value) || HIDDEN.test(value) || /\s/.test(value)) return english('coreData.text.idSpaces');
  // "/" and ".." change the URL path, "\" is a "/" to URL parsers, ":" ends the user name in Basic credentials.
  if (/[/\\:]/.test(value) || value.includes('..') || value === '.') return english('coreData.text.idCharacters');
  return null;
}

/** An identifier of ours at another service (an account id), placed in its URL path and credentials. */
export function outsideId(max: number, missing: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? missing : english('coreData.validation.enterText')) })
    .trim()
    .min(1, missing)
    .max(max, english('coreData.validation.useAtMostChars', { maximum: String(max) }))
    .superRefine((value, ctx) => {
      const problem = outsideIdProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    });
}
