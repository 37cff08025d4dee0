/** Countries for the phone field: calling codes from libphonenumber-js, names from the browser in the screen's language. */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { INTL_TAG, type Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../i18n';

export interface CountryOption {
  code: string;
  label: string;
}

// One list per language (and pseudo-locale marking): Intl.DisplayNames and the sort are not free.
const cached = new Map<string, CountryOption[]>();

export function countryOptions(locale: Locale, t: Translate, pseudo = false): CountryOption[] {
  const id = `${locale}|${pseudo}`;
  let found = cached.get(id);
  if (found) return found;
  const tag = INTL_TAG[locale];
  const names = new Intl.DisplayNames([tag], { type: 'region' });
  const collator = new Intl.Collator(tag);
  found = getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ code, name }) => ({ code, label: t('common.country.option', { country: name, callingCode: String(getCountryCallingCode(code)) }) }));
  cached.set(id, found);
  return found;
}

/** A sensible default: the country of the browser's language, else Switzerland. */
export const defaultCountry = (): string => {
  const region = (navigator.language || '').split('-')[1]?.toUpperCase();
  return region && (getCountries() as string[]).includes(region) ? region : 'CH';
};
