import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { Field } from '../components/Field';
import { formatWait, useCountdown } from '../components/useCountdown';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

/**
 * The lock (idle, or "Lock now"): it takes the place of the signed-in shell, so nothing of the work is in
 * the page meanwhile; the work itself waits in the stores (state/work-store.ts) and comes back on unlocking.
 */
export function LockScreen() {
  const t = useT();
  const { session, lockedByHand, setSession, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const wait = useCountdown(retryAt);
  if (session.state !== 'locked') return null;

  async function unlock(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.auth.unlock({ password }));
    setPassword('');
    if (result.ok) return setSession(result.value);
    setError(errorText(result.error));
    setRetryAt(result.error.code === 'AUTH_THROTTLED' ? (result.error.retryAt ?? null) : null);
  }

  return (
    <main className="card-page card-page--locked">
      <form className="card" onSubmit={unlock} noValidate aria-labelledby="lock-title">
        <Brand />
        <h1 id="lock-title">{t('signIn.lock.title', { name: session.operator.displayName })}</h1>
        <p className="lead">{t('signIn.lock.lead', { byHand: lockedByHand ? 'yes' : 'no' })}</p>
        {error ? (
          <Alert>
            {error}
            {wait > 0 ? <span className="countdown"> {t('common.tryAgainIn', { wait: formatWait(wait) })}</span> : null}
          </Alert>
        ) : null}
        <Field label={t('signIn.fields.password')} name="password" type="password" autoComplete="current-password" autoFocus required value={password} onChange={(e) => setPassword(e.target.value)} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={wait > 0}>
            {t('signIn.lock.unlock')}
          </button>
          <button type="button" className="button" onClick={signOut}>
            {t('common.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
