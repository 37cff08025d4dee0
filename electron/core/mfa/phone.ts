/** Phone numbers: a country and a national number in, E.164 out (libphonenumber-js), or a clear error. */
import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { text, type LocalText } from '../../../shared/i18n/translator';

export type PhoneCheck = { ok: true; e164: string; hint: string } | { ok: false; message: LocalText; field: 'country' | 'number' };

export function parsePhone(country: string, national: string): PhoneCheck {
  const code = country.toUpperCase();
  if (!isSupportedCountry(code)) return { ok: false, field: 'country', message: text('coreAccess.phone.chooseCountry') };
  const parsed = parsePhoneNumberFromString(national, code as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, field: 'number', message: text('coreAccess.phone.invalid', { country: code }) };
  const type = parsed.getType();
  if (type && !['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(type)) return { ok: false, field: 'number', message: text('coreAccess.phone.notMobile') };
  return { ok: true, e164: parsed.number, hint: maskPhone(parsed.number) };
}

/** "+447700900123" → "+44 •••• ••01 23": enough to recognise one's own phone, not enough to call it. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const cc = parsed ? `+${parsed.countryCallingCode}` : e164.slice(0, 3);
  const rest = parsed ? String(parsed.nationalNumber) : e164.slice(3);
  const last4 = rest.slice(-4);
  return `${cc} •••• ••${last4.slice(0, 2)} ${last4.slice(2)}`;
}
