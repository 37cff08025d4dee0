import { useId } from 'react';
import type { TerminalKind } from '../../../shared/venue-views';
import { tNow, useT, type MessageKey } from '../i18n';

export const TERMINAL_KIND_KEYS: Record<TerminalKind, MessageKey> = { desk: 'common.terminalKind.desk', gate: 'common.terminalKind.gate' };

/** Each kind's name in the current language, read when used (prefer `t(TERMINAL_KIND_KEYS[kind])` in a component). */
export const TERMINAL_KIND_LABELS: Record<TerminalKind, string> = {
  get desk() {
    return tNow(TERMINAL_KIND_KEYS.desk);
  },
  get gate() {
    return tNow(TERMINAL_KIND_KEYS.gate);
  },
};

/** Desk or gate, as a labelled select with its error next to it (first run, and Admin → Terminals). */
export function TerminalKindSelect({ value, onChange, error }: { value: TerminalKind; onChange: (kind: TerminalKind) => void; error?: string | null }) {
  const t = useT();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{t('common.terminalKind.label')}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} onChange={(e) => onChange(e.target.value as TerminalKind)}>
        {(Object.keys(TERMINAL_KIND_KEYS) as TerminalKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {t(TERMINAL_KIND_KEYS[kind])}
          </option>
        ))}
      </select>
      {error ? (
        <div className="field__error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
