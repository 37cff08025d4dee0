/**
 * Dates, numbers and money for people: one format per kind of date everywhere, in the reader's language and the
 * institution's time zone (an event's own zone for its start). Formatters are cached: Intl objects are costly to make.
 */
import { INTL_TAG, type Locale } from './locales';

/**
 * - `dateTime`: a moment in a log or a list ("23 Nov 2026, 14:03");
 * - `date`: a day ("23 Nov 2026");
 * - `time`: a time of today ("14:03");
 * - `event`: when a show starts, in full ("Monday 23 November 2026, 20:00").
 */
export type DateKind = 'dateTime' | 'date' | 'time' | 'event';

const OPTIONS: Record<DateKind, Intl.DateTimeFormatOptions> = {
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  event: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(id: string, make: () => T): T {
  let found = cache.get(id) as T | undefined;
  if (!found) {
    found = make();
    cache.set(id, found);
  }
  return found;
}

export function formatDate(at: number, locale: Locale, timeZone: string, kind: DateKind): string {
  const format = cached(`d|${locale}|${timeZone}|${kind}`, () => new Intl.DateTimeFormat(INTL_TAG[locale], { ...OPTIONS[kind], timeZone }));
  return format.format(new Date(at));
}

/** A time today, a day and time otherwise: what a ticket's lock reason and a terminal's "last seen" say. */
export function formatRecent(at: number, now: number, locale: Locale, timeZone: string): string {
  const sameDay = formatDate(at, locale, timeZone, 'date') === formatDate(now, locale, timeZone, 'date');
  return formatDate(at, locale, timeZone, sameDay ? 'time' : 'dateTime');
}

export const formatNumber = (value: number, locale: Locale): string =>
  cached(`n|${locale}`, () => new Intl.NumberFormat(INTL_TAG[locale])).format(value);

/** Money held in minor units (cents) of an ISO 4217 currency. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const format = cached(`m|${locale}|${currency}`, () => new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency }));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
