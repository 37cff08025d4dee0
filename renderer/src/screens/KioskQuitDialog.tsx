import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { Modal } from '../components/Modal';
import { call } from '../state/api';

/** Leaving a kiosk: an administrator's login and password, checked and throttled in core. */
export function KioskQuitDialog({ onClose }: { onClose: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.kiosk.quit({ login, password }));
    setPassword('');
    if (result.ok) return setClosing(true);
    setError(result.error.message);
  }

  return (
    <Modal title="Close the kiosk" onClose={onClose}>
      {closing ? (
        <p role="status" className="lead">
          Box Office is closing.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="lead">Only an administrator can close this kiosk.</p>
          {error ? <Alert>{error}</Alert> : null}
          <Field label="Administrator login" name="adminLogin" autoComplete="off" autoFocus value={login} onChange={(e) => setLogin(e.target.value)} />
          <Field label="Administrator password" name="adminPassword" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
          <div className="actions">
            <button type="submit" className="button button--primary">
              Close Box Office
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
