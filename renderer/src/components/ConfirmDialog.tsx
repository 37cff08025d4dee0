import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Alert } from './Alert';
import { DangerNote } from './DangerNote';
import { Modal } from './Modal';

interface Props {
  title: string;
  /** What happens, in words: shown as the dialog's warning. */
  consequence: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Does the action; a message when it was refused (shown in the dialog, which stays open). */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

/** A last question before a dangerous action: the consequence in words, a red button to go ahead, and an easy way back. */
export function ConfirmDialog({ title, consequence, confirmLabel, cancelLabel, onConfirm, onClose }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setBusy(true);
    const refused = await onConfirm();
    setBusy(false);
    setError(refused);
  }
  return (
    <Modal title={title} onClose={onClose}>
      <DangerNote>{consequence}</DangerNote>
      {error ? <Alert>{error}</Alert> : null}
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
