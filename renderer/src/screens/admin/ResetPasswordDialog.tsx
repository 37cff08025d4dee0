import { useState, type FormEvent } from 'react';
import type { OperatorRow } from '../../../../shared/mfa-views';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { OneTimePasswordField } from '../../components/OneTimePasswordField';
import { call } from '../../state/api';

/** A forgotten password: the admin sets a one-time password and hands it over in person. */
export function ResetPasswordDialog({ operator, onDone, onClose }: { operator: OperatorRow; onDone: (row: OperatorRow) => void; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call((a) => a.operators.resetPassword({ operatorId: operator.id, password }));
    setBusy(false);
    if (result.ok) return onDone(result.value);
    setError(result.error.message);
  }

  return (
    <Modal title={`Reset the password of ${operator.displayName}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="lead">
          {operator.displayName} signs in once with this one-time password and then chooses their own. It stops working after 72 hours. Open sessions
          end now and a sign-in lock on {operator.login} is lifted.
        </p>
        {error ? <Alert>{error}</Alert> : null}
        <OneTimePasswordField label="One-time password" name="oneTimePassword" autoFocus value={password} onChange={setPassword} hint="Give it to the operator in person." />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Setting…' : 'Set one-time password'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
