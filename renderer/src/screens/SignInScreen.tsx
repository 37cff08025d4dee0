import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { Field } from '../components/Field';
import { formatWait, useCountdown } from '../components/useCountdown';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';
import { KioskQuitDialog } from './KioskQuitDialog';

export function SignInScreen() {
  const t = useT();
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
    setError({ message: errorText(result.error), field: result.error.field });
    setRetryAt(result.error.code === 'AUTH_THROTTLED' ? (result.error.retryAt ?? null) : null);
  }

  const fieldError = error?.field === 'login' ? error.message : null;
  return (
    <main className="card-page">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <Brand institution={info?.institution} />
        <h1 id="sign-in-title">{t('signIn.signIn.title')}</h1>
        {notice ? <Alert tone="info">{typeof notice === 'string' ? notice : t(notice.key, notice.values)}</Alert> : null}
        {error && !fieldError ? (
          <Alert>
            {error.message}
            {wait > 0 ? <span className="countdown"> {t('signIn.signIn.retryIn', { wait: formatWait(wait) })}</span> : null}
          </Alert>
        ) : null}
        <Field label={t('signIn.fields.login')} name="login" autoComplete="username" autoFocus required value={login} onChange={(e) => setLogin(e.target.value)} error={fieldError} />
        <Field label={t('signIn.fields.password')} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="button button--primary button--block" disabled={busy || wait > 0}>
          {busy ? t('signIn.signIn.busy') : t('signIn.signIn.submit')}
        </button>
        <p className="fineprint">
          {info?.terminal ? t('signIn.signIn.fineprintTerminal', { terminal: info.terminal }) : t('signIn.signIn.fineprint')}
        </p>
        {info?.kiosk ? (
          <button type="button" className="button button--ghost button--small" onClick={() => setQuitting(true)}>
            {t('signIn.signIn.closeKiosk')}
          </button>
        ) : null}
      </form>
      {quitting ? <KioskQuitDialog onClose={() => setQuitting(false)} /> : null}
    </main>
  );
}
