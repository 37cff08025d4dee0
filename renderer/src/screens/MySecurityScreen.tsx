import { useCallback, useEffect, useState } from 'react';
import type { MySecurity } from '../../../shared/mfa-views';
import { Alert } from '../components/Alert';
import { DevicesTable } from '../components/DevicesTable';
import { EnrollPanel } from '../components/EnrollPanel';
import { Field } from '../components/Field';
import { call } from '../state/api';
import { useSession } from '../state/session-store';
import { ChangePasswordForm } from './ChangePasswordForm';

/** One's own password, second factors, recovery codes and remembered devices. */
export function MySecurityScreen() {
  const { showRecoveryCodes, setSession } = useSession();
  const [status, setStatus] = useState<MySecurity | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reauth, setReauth] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call((a) => a.mfa.status());
    if (result.ok) setStatus(result.value);
    else setError(result.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  async function regenerate() {
    setError(null);
    const result = await call((a) => a.mfa.regenerateRecoveryCodes({ password: reauth ?? undefined }));
    if (result.ok) {
      setReauth(null);
      showRecoveryCodes(result.value.codes);
      return load();
    }
    if (result.error.code === 'REAUTH_REQUIRED') setReauth('');
    setError(result.error.message);
  }

  async function forget(deviceId: number) {
    const result = await call((a) => a.mfa.revokeDevice({ deviceId }));
    if (result.ok) return load();
    setError(result.error.message);
  }

  if (!status) return <section className="panel">{error ? <Alert>{error}</Alert> : <p role="status">Loading…</p>}</section>;
  const { methods } = status;
  const hasFactor = methods.totp || methods.sms !== null;
  return (
    <section className="panel" aria-labelledby="security-title">
      <h1 id="security-title">My security</h1>
      {status.required && !hasFactor ? <Alert tone="warning">Your institution requires two-step verification for your account.</Alert> : null}
      {status.recoveryWarning ? <Alert tone="warning">Only {methods.recoveryCodesLeft} recovery codes left. Generate new ones and keep them safe.</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}

      <h2>Two-step verification</h2>
      <ul className="facts">
        <li>Authenticator app: {methods.totp ? <strong>set up</strong> : 'not set up'}</li>
        <li>Text message: {methods.sms ? <strong>{methods.sms.hint}</strong> : 'not set up'}</li>
        <li>Recovery codes left: {methods.recoveryCodesLeft}</li>
      </ul>
      {enrolling ? (
        <EnrollPanel
          onDone={({ recoveryCodes, session }) => {
            setEnrolling(false);
            showRecoveryCodes(recoveryCodes);
            setSession(session);
            void load();
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => setEnrolling(true)}>
            {hasFactor ? 'Set up a new phone or app' : 'Set up two-step verification'}
          </button>
          {hasFactor ? (
            <button type="button" className="button" onClick={regenerate}>
              Generate new recovery codes
            </button>
          ) : null}
        </div>
      )}
      {reauth !== null ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void regenerate();
          }}
        >
          <Field label="Your password" name="reauth" type="password" autoComplete="current-password" value={reauth} onChange={(e) => setReauth(e.target.value)} />
          <button type="submit" className="button">
            Confirm
          </button>
        </form>
      ) : null}

      <h2>Remembered devices</h2>
      {status.devices.length === 0 ? (
        <p className="muted">No device is remembered. {status.rememberDeviceDays > 0 ? `You can tick “Remember this device for ${status.rememberDeviceDays} days” when you enter a code.` : ''}</p>
      ) : (
        <DevicesTable devices={status.devices} onForget={forget} />
      )}

      <ChangePasswordForm />
    </section>
  );
}
