import { useState, type FormEvent } from 'react';
import type { OperatorRow } from '../../../../shared/mfa-views';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { OneTimePasswordField } from '../../components/OneTimePasswordField';
import { errorText, useT } from '../../i18n';
import { call } from '../../state/api';

/** A forgotten password: the admin sets a one-time password and hands it over in person. */
export function ResetPasswordDialog({ operator, onDone, onClose }: { operator: OperatorRow; onDone: (row: OperatorRow) => void; onClose: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call((a) => a.operators.resetPassword({ operatorId: operator.id, password }));
    setBusy(false);
    if (result.ok) return onDone(result.value);
    setError(errorText(result.error));
  }

  return (
    <Modal title={t('admin.resetPassword.title', { name: operator.displayName })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="lead">{t('admin.resetPassword.lead', { name: operator.displayName, login: operator.login })}</p>
        {error ? <Alert>{error}</Alert> : null}
        <OneTimePasswordField
          label={t('admin.resetPassword.password')}
          name="oneTimePassword"
          autoFocus
          value={password}
          onChange={setPassword}
          hint={t('admin.resetPassword.passwordHint')}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t(busy ? 'admin.resetPassword.busy' : 'admin.resetPassword.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
