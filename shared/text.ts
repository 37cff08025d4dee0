/**
 * The one schema for free text a person types (names, reasons, labels, imported text), and the one for
 * identifiers that go into another service's URL or credentials. Invisible text must not pass as
 * required text: three zero-width spaces are not a reason, and a right-to-left override in an issuer
 * name would show a different name in an authenticator app.
 */
import { z } from 'zod';

/** Controls (Cc), format characters (Cf: bidi overrides and isolates, zero-width characters, BOM) and line or paragraph separators. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** With the u flag a well-formed pair is one astral code point, so only an unpaired surrogate is Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Letters, digits, punctuation and symbols, except the blank "letters" that render as nothing (Hangul fillers, braille blank). */
const VISIBLE = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/gu;

export const visibleLength = (value: string): number => value.match(VISIBLE)?.length ?? 0;

export const HIDDEN_MESSAGE = 'Remove the invisible or control characters (such as zero-width spaces or direction marks).';
export const SURROGATE_MESSAGE = 'Remove the broken character (half of an emoji or symbol).';

/** Why a value is not acceptable free text, or null. The value is expected NFC-normalised and trimmed. */
export function textProblem(value: string, min: number): string | null {
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  if (HIDDEN.test(value)) return HIDDEN_MESSAGE;
  if (visibleLength(value) < min) return needMessage(min);
  return null;
}

const needMessage = (min: number) => (min <= 1 ? 'Enter some visible text.' : `Enter at least ${min} visible characters.`);

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
    .string({ error: (issue) => (issue.input === undefined ? needMessage(min) : 'Enter text.') })
    .normalize('NFC')
    .trim()
    .min(min, needMessage(min))
    .max(max, `Use at most ${max} characters.`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, min);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    });
}

/** Why an identifier may not go into a provider's URL path or Basic credentials, or null. */
export function outsideIdProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value) || HIDDEN.test(value) || /\s/.test(value)) return 'Remove spaces, invisible or control characters.';
  // "/" and ".." change the URL path, "\" is a "/" to URL parsers, ":" ends the user name in Basic credentials.
  if (/[/\\:]/.test(value) || value.includes('..') || value === '.') return 'Use the id exactly as the provider shows it: / \\ : and .. are not allowed.';
  return null;
}

/** An identifier of ours at another service (an account id), placed in its URL path and credentials. */
export function outsideId(max: number, missing: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? missing : 'Enter text.') })
    .trim()
    .min(1, missing)
    .max(max, `Use at most ${max} characters.`)
    .superRefine((value, ctx) => {
      const problem = outsideIdProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    });
}
