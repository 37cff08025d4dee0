/** Which language core speaks: to an operator (her own, else the institution's), to a customer (her order's, else the institution's). */
import type { Locale } from '../../../shared/i18n/locales';
import type { InstitutionSettings } from '../settings/institution-settings';

type LanguageSetting = Pick<InstitutionSettings, 'get'>;

export const sessionLocale = (session: { language?: Locale | null } | null | undefined, settings: LanguageSetting): Locale =>
  session?.language ?? settings.get('language');

/** A print@home ticket and a mobile-ticket text message are in the customer's language. */
export const customerLocale = (order: { language?: Locale | null }, settings: LanguageSetting): Locale =>
  order.language ?? settings.get('language');
