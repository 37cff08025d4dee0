/**
 * The language and time zone this window speaks in: the signed-in operator's own language, else the institution's
 * default (also before sign-in). Kept in a store so formatting outside components (other stores) follows it too.
 */
import { create } from 'zustand';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, INTL_TAG, type Locale } from '../../../shared/i18n/locales';

interface LocaleState {
  locale: Locale;
  timeZone: string;
  /**
   * Pseudo-localisation for translators and tests: every catalogue text and formatted date is marked ⟦…⟧, so any
   * text on screen without the marks did not come from a catalogue. Switched on with localStorage
   * `box-office.pseudo-locale` = "1" (it changes nothing but the marks).
   */
  pseudo: boolean;
  set(locale: Locale, timeZone: string): void;
}

const readPseudo = (): boolean => {
  try {
    return globalThis.localStorage?.getItem('box-office.pseudo-locale') === '1';
  } catch {
    return false;
  }
};

export const useLocale = create<LocaleState>((set, get) => ({
  locale: DEFAULT_LOCALE,
  timeZone: DEFAULT_TIME_ZONE,
  pseudo: readPseudo(),
  set(locale, timeZone) {
    if (get().locale === locale && get().timeZone === timeZone) return;
    set({ locale, timeZone });
    // The page's language: screen readers pick their voice by it, and the browser its hyphenation.
    document.documentElement.lang = INTL_TAG[locale];
  },
}));
