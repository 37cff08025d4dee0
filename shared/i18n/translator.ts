/**
 * Messages in a language: ICU MessageFormat through FormatJS's intl-messageformat, one compiled formatter per
 * language and key (a screen formats the same few messages again and again). Core and renderer both use this,
 * so an error says the same thing in the same words whichever side formats it.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { MESSAGES, type MessageKey } from './catalogues';
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from './locales';

export type { MessageKey } from './catalogues';

/** Values a message may interpolate. Dates are passed already formatted (format.ts), so they follow the institution's time zone. */
export type MessageValues = Record<string, string | number | boolean | null | undefined>;

/** A message not yet in a language: what core returns, so the reader's language can be chosen at the edge. */
export interface LocalText {
  key: MessageKey;
  values?: MessageValues;
}

export const text = (key: MessageKey, values?: MessageValues): LocalText => (values ? { key, values } : { key });

const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let found = compiled.get(id);
  if (!found) {
    const source = (MESSAGES[locale] as Record<string, string>)[key] ?? (MESSAGES[DEFAULT_LOCALE] as Record<string, string>)[key];
    if (source === undefined) throw new Error(`No message "${key}" in any catalogue`);
    found = new IntlMessageFormat(source, INTL_TAG[locale]);
    compiled.set(id, found);
  }
  return found;
}

// null/undefined/boolean become text rather than crashing a screen: a message's value is never worth an exception.
const clean = (values: MessageValues | undefined): Record<string, string | number> | undefined => {
  if (!values) return undefined;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) out[name] = typeof value === 'number' || typeof value === 'string' ? value : String(value ?? '');
  return out;
};

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  return String(formatter(locale, key).format(clean(values)));
}

export const translateText = (locale: Locale, local: LocalText): string => translate(locale, local.key, local.values);

export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const translatorFor = (locale: Locale): Translate => (key, values) => translate(locale, key, values);
