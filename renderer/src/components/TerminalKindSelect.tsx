import { useId } from 'react';
import type { TerminalKind } from '../../../shared/venue-views';

export const TERMINAL_KIND_LABELS: Record<TerminalKind, string> = { desk: 'Desk', gate: 'Gate' };

/** Desk or gate, as a labelled select with its error next to it (first run, and Admin → Terminals). */
export function TerminalKindSelect({ value, onChange, error }: { value: TerminalKind; onChange: (kind: TerminalKind) => void; error?: string | null }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>Kind of terminal</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} onChange={(e) => onChange(e.target.value as TerminalKind)}>
        {(Object.keys(TERMINAL_KIND_LABELS) as TerminalKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {TERMINAL_KIND_LABELS[kind]}
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
