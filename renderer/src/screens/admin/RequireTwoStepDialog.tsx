import { useState, type FormEvent } from 'react';
import type { LocalText } from '../../../../shared/i18n/translator';
import type { OperatorRow } from '../../../../shared/mfa-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { errorText, useT } from '../../i18n';
import { call } from '../../state/api';

type Act = (label: string, request: () => Promise<{ ok: boolean; error?: { message: string; text?: LocalText } }>) => Promise<void>;

/** Requiring two-step of someone with no factor yet asks how many sign-ins she may make before setup is forced. */
export const needsGraceQuestion = (o: OperatorRow) => !o.mfaRequired && !o.methods.includes('totp') && !o.methods.includes('sms');

/** In the operator's row: the sign-ins she has left before setup is forced. */
export function GraceBadge({ operator }: { operator: OperatorRow }) {
  const t = useT();
  if (operator.graceLeft === null) return null;
  return <span className="badge badge--warn">{t('emergency.grace.badge', { left: operator.graceLeft })}</span>;
}

export function RequireTwoStepDialog({ operator, act, onClose }: { operator: OperatorRow; act: Act; onClose: () => void }) {
  const t = useT();
  const [grace, setGrace] = useState('0');
  const [error, setError] = useState<{ text: string; field: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const name = operator.displayName;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    // Core checks the range too; a number the field cannot hold goes as it is and comes back as its message.
    const graceSignIns = grace.trim() === '' ? 0 : Number(grace);
    const result = await call((a) => a.operators.setMfaRequired({ operatorId: operator.id, required: true, graceSignIns }));
    setBusy(false);
    if (!result.ok) return setError({ text: errorText(result.error), field: result.error.field === 'graceSignIns' });
    onClose();
    await act(t('admin.operators.twoStepRequired', { name }), async () => ({ ok: true }));
  }

  return (
    <Modal title={t('emergency.grace.title', { name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="lead">{t('emergency.grace.lead', { name })}</p>
        {error && !error.field ? <Alert>{error.text}</Alert> : null}
        <Field
          label={t('emergency.grace.field')}
          name="graceSignIns"
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          step={1}
          autoFocus
          value={grace}
          onChange={(e) => {
            setGrace(e.target.value);
            setError(null);
          }}
          hint={t('emergency.grace.hint')}
          error={error?.field ? error.text : null}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('emergency.grace.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
