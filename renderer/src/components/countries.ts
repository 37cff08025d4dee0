/** Countries for the phone field: calling codes from libphonenumber-js, names from the browser. */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

export interface CountryOption {
  code: string;
  label: string;
}

let cached: CountryOption[] | undefined;

export function countryOptions(): CountryOption[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames([navigator.language || 'en'], { type: 'region' });
  cached = getCountries()
    .map((code) => ({ code, label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return cached;
}

/** A sensible default: the country of the browser's language, else Switzerland. */
export const defaultCountry = (): string => {
  const region = (navigator.language || '').split('-')[1]?.toUpperCase();
  return region && countryOptions().some((c) => c.code === region) ? region : 'CH';
};
