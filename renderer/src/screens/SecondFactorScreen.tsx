import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../shared/views';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { DevOutbox } from '../components/DevOutbox';
import { CodeField } from '../components/CodeField';
import { Field } from '../components/Field';
import { formatWait, useCountdown } from '../components/useCountdown';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

type Method = 'totp' | 'sms' | 'recovery';

/** The second step of sign-in: a code from the app, a text message, or a recovery code. */
export function SecondFactorScreen({ view }: { view: Extract<SessionView, { state: 'secondFactor' }> }) {
  const setSession = useSession((s) => s.setSession);
  const cancel = useSession((s) => s.signOut);
  const { methods, remember } = view;
  const [method, setMethod] = useState<Method>(methods.totp ? 'totp' : methods.sms ? 'sms' : 'recovery');
  const [code, setCode] = useState('');
  const [rememberDevice, setRememberDevice] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const wait = useCountdown(retryAt);
  const resendWait = useCountdown(resendAt);
  const left = useCountdown(view.expiresAt);

  async function verify(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call((a) => a.mfa.verify({ method, code, rememberDevice }));
    setBusy(false);
    if (result.ok) return setSession(result.value);
    setCode('');
    setError(result.error.message);
    setRetryAt(result.error.code === 'AUTH_THROTTLED' ? (result.error.retryAt ?? null) : null);
  }

  async function textMe() {
    setError(null);
    const result = await call((a) => a.mfa.sendSms());
    if (result.ok) {
      setMethod('sms');
      setResendAt(result.value.resendAt);
      setInfo(`We sent a code to ${result.value.sentTo}. It is valid for 10 minutes.`);
    } else {
      setError(result.error.message);
      if (result.error.retryAt) setResendAt(result.error.retryAt);
    }
  }

  const switchTo = (next: Method) => {
    setMethod(next);
    setCode('');
    setError(null);
  };

  return (
    <main className="card-page">
      <form className="card" onSubmit={verify} noValidate aria-labelledby="mfa-title">
        <Brand />
        <h1 id="mfa-title">Two-step verification</h1>
        <p className="lead">
          Hello {view.operator.displayName}.{' '}
          {method === 'totp' && 'Enter the 6-digit code your authenticator app shows for Box Office.'}
          {method === 'sms' && (methods.sms ? `We text a 6-digit code to ${methods.sms.hint}.` : '')}
          {method === 'recovery' && 'Enter one of the recovery codes you saved when you set up two-step verification. Each works once.'}
        </p>
        {info && method === 'sms' ? <Alert tone="info">{info}</Alert> : null}
        {error ? (
          <Alert>
            {error}
            {wait > 0 ? <span className="countdown"> Try again in {formatWait(wait)}.</span> : null}
          </Alert>
        ) : null}
        {method === 'recovery' ? (
          <Field label="Recovery code" name="recovery" autoComplete="off" autoFocus value={code} onChange={(e) => setCode(e.target.value)} hint="Like ABCD-EFGH-JKMN-PQRS" />
        ) : (
          <CodeField label={method === 'sms' ? 'Code from the text message' : '6-digit code'} value={code} onChange={setCode} />
        )}
        {method === 'sms' ? (
          <button type="button" className="button button--block" onClick={textMe} disabled={resendWait > 0}>
            {resendAt ? (resendWait > 0 ? `Text me a new code (in ${formatWait(resendWait)})` : 'Text me a new code') : 'Text me a code'}
          </button>
        ) : null}
        {remember.offered ? (
          <label className="check">
            <input type="checkbox" checked={rememberDevice} onChange={(e) => setRememberDevice(e.target.checked)} /> Remember this device for {remember.days} days
          </label>
        ) : null}
        <button type="submit" className="button button--primary button--block" disabled={busy || wait > 0 || code.length === 0}>
          {busy ? 'Checking…' : 'Verify'}
        </button>
        <div className="method-switch" role="group" aria-label="Other ways to verify">
          {methods.totp && method !== 'totp' ? (
            <button type="button" className="linkish" onClick={() => switchTo('totp')}>
              Use the authenticator app
            </button>
          ) : null}
          {methods.sms && method !== 'sms' ? (
            <button type="button" className="linkish" onClick={() => switchTo('sms')}>
              Get a code by text message
            </button>
          ) : null}
          {method !== 'recovery' ? (
            <button type="button" className="linkish" onClick={() => switchTo('recovery')}>
              Use a recovery code
            </button>
          ) : null}
          <button type="button" className="linkish" onClick={cancel}>
            Cancel and sign out
          </button>
        </div>
        {methods.sms ? <DevOutbox /> : null}
        <p className="fineprint">This step ends in {formatWait(left)}. Lost your phone? Use a recovery code, or ask an administrator to reset your two-step verification.</p>
      </form>
    </main>
  );
}
