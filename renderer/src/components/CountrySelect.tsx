import { useId } from 'react';
import { useLocale, useT } from '../i18n';
import { countryOptions } from './countries';

/** The country of a phone number, labelled "Country", with calling codes; names in the screen's language. */
export function CountrySelect({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const pseudo = useLocale((s) => s.pseudo);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('common.country.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {countryOptions(locale, t, pseudo).map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
