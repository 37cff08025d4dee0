import type { ChangeEvent } from 'react';
import { Field } from './Field';

/** A 6-digit code: digits only (pasted spaces and dashes are dropped), one-time-code autofill. */
export function CodeField({ label, value, onChange, error, autoFocus = true }: { label: string; value: string; onChange: (v: string) => void; error?: string | null; autoFocus?: boolean }) {
  return (
    <Field
      label={label}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      autoFocus={autoFocus}
      maxLength={12}
      className="code-input"
      value={value}
      error={error}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}
