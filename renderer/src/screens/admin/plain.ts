/**
 * Texts and dates put INTO another message (an argument, not a whole text on screen): formatted without the
 * pseudo-localisation marks, so the message around them is marked once, as one piece. Same formats as useFormat.
 */
import { useMemo } from 'react';
import { formatDate, formatNumber, formatRecent, type DateKind } from '../../../../shared/i18n/format';
import { translatorFor, type Translate } from '../../../../shared/i18n/translator';
import { useLocale } from '../../i18n';

export interface Plain {
  t: Translate;
  date(at: number, kind: DateKind): string;
  recent(at: number, now?: number): string;
  number(value: number): string;
}

export function usePlain(): Plain {
  const locale = useLocale((s) => s.locale);
  const timeZone = useLocale((s) => s.timeZone);
  return useMemo<Plain>(
    () => ({
      t: translatorFor(locale),
      date: (at, kind) => formatDate(at, locale, timeZone, kind),
      recent: (at, now = Date.now()) => formatRecent(at, now, locale, timeZone),
      number: (value) => formatNumber(value, locale),
    }),
    [locale, timeZone],
  );
}
