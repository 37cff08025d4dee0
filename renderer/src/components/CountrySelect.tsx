import { useId } from 'react';
import { countryOptions } from './countries';

/** The country of a phone number, labelled "Country", with calling codes. */
export function CountrySelect({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Country</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {countryOptions().map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
