import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../shared/views';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { ClockWarning } from '../components/ClockWarning';
import { DevOutbox } from '../components/DevOutbox';
import { CodeField } from '../components/CodeField';
import { EmergencyCodeField } from '../components/EmergencyCodeField';
import { Field } from '../components/Field';
import { formatWait, useCountdown } from '../components/useCountdown';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

type Method = 'totp' | 'sms' | 'recovery' | 'emergency';

/** The second step of sign-in: a code from the app, a text message, or a recovery code. */
export function SecondFactorScreen({ view }: { view: Extract<SessionView, { state: 'secondFactor' }> }) {
  const t = useT();
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
    const result = await call((a) => a.mfa.verify({ method, code, rememberDevice: rememberDevice && method !== 'emergency' }));
    setBusy(false);
    if (result.ok) return setSession(result.value);
    setCode('');
    setError(errorText(result.error));
    setRetryAt(result.error.code === 'AUTH_THROTTLED' ? (result.error.retryAt ?? null) : null);
  }

  async function textMe() {
    setError(null);
    const result = await call((a) => a.mfa.sendSms());
    if (result.ok) {
      setMethod('sms');
      setResendAt(result.value.resendAt);
      setInfo(result.value.sentTo);
    } else {
      setError(errorText(result.error));
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
        <h1 id="mfa-title">{t('signIn.twoStep.title')}</h1>
        <p className="lead">
          {t('signIn.secondFactor.lead', {
            name: view.operator.displayName,
            method: method === 'sms' && !methods.sms ? 'none' : method,
            hint: methods.sms?.hint ?? '',
          })}
        </p>
        {method === 'totp' ? <ClockWarning warning={view.clockWarning} /> : null}
        {info && method === 'sms' ? <Alert tone="info">{t('signIn.sms.sent', { to: info })}</Alert> : null}
        {error ? (
          <Alert>
            {error}
            {wait > 0 ? <span className="countdown"> {t('common.tryAgainIn', { wait: formatWait(wait) })}</span> : null}
          </Alert>
        ) : null}
        {method === 'recovery' ? (
          <Field
            label={t('signIn.secondFactor.recoveryLabel')}
            name="recovery"
            autoComplete="off"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            hint={t('signIn.secondFactor.recoveryHint')}
          />
        ) : method === 'emergency' ? (
          <EmergencyCodeField value={code} onChange={setCode} />
        ) : (
          <CodeField label={method === 'sms' ? t('signIn.code.sms') : t('signIn.code.sixDigit')} value={code} onChange={setCode} />
        )}
        {method === 'sms' ? (
          <button type="button" className="button button--block" onClick={textMe} disabled={resendWait > 0}>
            {resendAt
              ? resendWait > 0
                ? t('signIn.secondFactor.textMeAgainIn', { wait: formatWait(resendWait) })
                : t('signIn.secondFactor.textMeAgain')
              : t('signIn.secondFactor.textMe')}
          </button>
        ) : null}
        {remember.offered && method !== 'emergency' ? (
          <label className="check">
            <input type="checkbox" checked={rememberDevice} onChange={(e) => setRememberDevice(e.target.checked)} /> {t('signIn.secondFactor.remember', { days: remember.days })}
          </label>
        ) : null}
        <button type="submit" className="button button--primary button--block" disabled={busy || wait > 0 || code.length === 0}>
          {busy ? t('signIn.secondFactor.busy') : t('signIn.secondFactor.verify')}
        </button>
        <div className="method-switch" role="group" aria-label={t('signIn.secondFactor.otherWays')}>
          {methods.totp && method !== 'totp' ? (
            <button type="button" className="linkish" onClick={() => switchTo('totp')}>
              {t('signIn.secondFactor.useApp')}
            </button>
          ) : null}
          {methods.sms && method !== 'sms' ? (
            <button type="button" className="linkish" onClick={() => switchTo('sms')}>
              {t('signIn.secondFactor.useSms')}
            </button>
          ) : null}
          {method !== 'recovery' ? (
            <button type="button" className="linkish" onClick={() => switchTo('recovery')}>
              {t('signIn.secondFactor.useRecovery')}
            </button>
          ) : null}
          {method !== 'emergency' ? (
            <button type="button" className="linkish" onClick={() => switchTo('emergency')}>
              {t('emergency.signIn.use')}
            </button>
          ) : null}
          <button type="button" className="linkish" onClick={cancel}>
            {t('signIn.secondFactor.cancel')}
          </button>
        </div>
        {methods.sms ? <DevOutbox /> : null}
        <p className="fineprint">{t('signIn.secondFactor.fineprint', { wait: formatWait(left) })}</p>
      </form>
    </main>
  );
}
