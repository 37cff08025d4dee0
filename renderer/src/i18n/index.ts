/**
 * How screens speak: `const t = useT()` then `t('orders.search.label', { count })`; `const f = useFormat()` then
 * `f.date(at, 'dateTime')`. Every text a person sees comes through here, from the catalogues in shared/i18n.
 * Outside components (stores, plain functions) use `tNow`, which reads the current language when called.
 */
import { useMemo } from 'react';
import { formatDate, formatMoney, formatNumber, formatRecent, type DateKind } from '../../../shared/i18n/format';
import { translate, translateText, type LocalText, type MessageKey, type MessageValues, type Translate } from '../../../shared/i18n/translator';
import type { AppError } from '../../../shared/result';
import { useLocale } from './locale-store';

export type { MessageKey, MessageValues, Translate } from '../../../shared/i18n/translator';
export { useLocale } from './locale-store';

const mark = (pseudo: boolean, value: string): string => (pseudo ? `⟦${value}⟧` : value);

export function tNow(key: MessageKey, values?: MessageValues): string {
  const { locale, pseudo } = useLocale.getState();
  return mark(pseudo, translate(locale, key, values));
}

export function useT(): Translate {
  const locale = useLocale((s) => s.locale);
  const pseudo = useLocale((s) => s.pseudo);
  return useMemo<Translate>(() => (key, values) => mark(pseudo, translate(locale, key, values)), [locale, pseudo]);
}

export interface Formatters {
  /** A date of one kind, in the institution's time zone (or `timeZone`, e.g. an event's own). */
  date(at: number, kind: DateKind, timeZone?: string): string;
  /** The time if today, the day and time otherwise. */
  recent(at: number, now?: number): string;
  number(value: number): string;
  money(minor: number, currency: string): string;
}

export function useFormat(): Formatters {
  const { locale, timeZone, pseudo } = useLocale();
  return useMemo<Formatters>(
    () => ({
      date: (at, kind, zone) => mark(pseudo, formatDate(at, locale, zone ?? timeZone, kind)),
      recent: (at, now = Date.now()) => mark(pseudo, formatRecent(at, now, locale, timeZone)),
      number: (value) => mark(pseudo, formatNumber(value, locale)),
      money: (minor, currency) => mark(pseudo, formatMoney(minor, currency, locale)),
    }),
    [locale, timeZone, pseudo],
  );
}

/** An error from core in this window's language: its catalogue text when it has one, else the message core sent. */
export function errorText(error: Pick<AppError, 'message' | 'text'>): string {
  const { locale, pseudo } = useLocale.getState();
  // Only catalogue texts are marked: in pseudo-localisation a core message still outside the catalogues shows bare.
  return error.text ? mark(pseudo, safeTranslate(locale, error.text, error.message)) : error.message;
}

// A key from a newer core (a venue terminal not yet updated) must not crash a screen: fall back to core's words.
function safeTranslate(locale: Parameters<typeof translateText>[0], text: LocalText, fallback: string): string {
  try {
    return translateText(locale, text);
  } catch {
    return fallback;
  }
}
