/** The languages the app speaks. English is the source: every other catalogue must hold exactly its keys. */
export const LOCALES = ['en', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, so a reader finds hers whatever language the screen is in. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', de: 'Deutsch' };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The institution's time zone when none is set: the demo venue's. */
export const DEFAULT_TIME_ZONE = 'Europe/Zurich';

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The BCP 47 tag Intl formats with: British English (day before month, 24-hour clock), French and German as in Europe. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' };
