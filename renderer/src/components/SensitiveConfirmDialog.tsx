import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../../shared/result';
import type { SensitiveAction } from '../../../shared/sensitive-views';
import { errorText, useT } from '../i18n';
import { Alert } from './Alert';
import { DangerNote } from './DangerNote';
import { Modal } from './Modal';
import { SensitiveFields, useSensitive, type SensitiveInput } from './SensitiveFields';

interface Props {
  title: string;
  /** What happens, in words: shown as the dialog's warning. */
  consequence: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  action: SensitiveAction;
  /** Does the action with what the fields give; the refusal when there is one (the dialog stays open). */
  onConfirm: (extra: SensitiveInput) => Promise<AppError | null>;
  onClose: () => void;
}

/** A last question before a sensitive action, asking at once whatever core will ask: her code again, a supervisor's approval. */
export function SensitiveConfirmDialog({ title, consequence, confirmLabel, cancelLabel, action, onConfirm, onClose }: Props) {
  const t = useT();
  const sensitive = useSensitive(action);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!sensitive.validate()) return;
    setBusy(true);
    const refused = await onConfirm(sensitive.input());
    setBusy(false);
    if (refused && !(await sensitive.place(refused))) setError(errorText(refused));
  }
  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={confirm} noValidate>
        <DangerNote>{consequence}</DangerNote>
        {error ? <Alert>{error}</Alert> : null}
        <SensitiveFields sensitive={sensitive} />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={busy || (sensitive.loading && !sensitive.check)}>
            {confirmLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {cancelLabel ?? t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
