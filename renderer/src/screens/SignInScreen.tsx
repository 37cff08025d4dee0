import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { Field } from '../components/Field';
import { formatWait, useCountdown } from '../components/useCountdown';
import { call } from '../state/api';
import { useSession } from '../state/session-store';
import { KioskQuitDialog } from './KioskQuitDialog';

export function SignInScreen() {
  const { info, notice, setSession } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [quitting, setQuitting] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const wait = useCountdown(retryAt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call((a) => a.auth.signIn({ login, password }));
    setBusy(false);
    if (result.ok) return setSession(result.value);
    setPassword('');
    setError({ message: result.error.message, field: result.error.field });
    setRetryAt(result.error.code === 'AUTH_THROTTLED' ? (result.error.retryAt ?? null) : null);
  }

  const fieldError = error?.field === 'login' ? error.message : null;
  return (
    <main className="card-page">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <Brand institution={info?.institution} />
        <h1 id="sign-in-title">Sign in</h1>
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {error && !fieldError ? (
          <Alert>
            {error.message}
            {wait > 0 ? <span className="countdown"> You can try again in {formatWait(wait)}.</span> : null}
          </Alert>
        ) : null}
        <Field label="Login" name="login" autoComplete="username" autoFocus required value={login} onChange={(e) => setLogin(e.target.value)} error={fieldError} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="button button--primary button--block" disabled={busy || wait > 0}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="fineprint">
          {info?.terminal ? <>Terminal {info.terminal} · </> : null}Forgot your password? Ask an administrator to reset it.
        </p>
        {info?.kiosk ? (
          <button type="button" className="button button--ghost button--small" onClick={() => setQuitting(true)}>
            Close kiosk…
          </button>
        ) : null}
      </form>
      {quitting ? <KioskQuitDialog onClose={() => setQuitting(false)} /> : null}
    </main>
  );
}
