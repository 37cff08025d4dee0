import { useId, useState, type FormEvent } from 'react';
import type { TotpEnrollment } from '../../../shared/mfa-views';
import type { AppError, Result } from '../../../shared/result';
import type { SessionView } from '../../../shared/views';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';
import { Alert } from './Alert';
import { CodeField } from './CodeField';
import { DevOutbox } from './DevOutbox';
import { defaultCountry } from './countries';
import { CountrySelect } from './CountrySelect';
import { Field } from './Field';
import { rich, slot } from './rich';

type Done = (result: { recoveryCodes: string[] | null; session: SessionView }) => void;

/**
 * Setting up a second factor: an authenticator app (QR code or key typed by hand) or a phone.
 * Used at sign-in (required) and from My security (by choice).
 */
export function EnrollPanel({ onDone }: { onDone: Done }) {
  const t = useT();
  const [method, setMethod] = useState<'totp' | 'sms' | null>(null);
  return (
    <div className="enroll">
      <div className="choice" role="group" aria-label={t('signIn.enroll.choose')}>
        <button type="button" className={`choice__option${method === 'totp' ? ' is-selected' : ''}`} aria-pressed={method === 'totp'} onClick={() => setMethod('totp')}>
          <strong>{t('signIn.enroll.app')}</strong>
          <span>{t('signIn.enroll.appText')}</span>
        </button>
        <button type="button" className={`choice__option${method === 'sms' ? ' is-selected' : ''}`} aria-pressed={method === 'sms'} onClick={() => setMethod('sms')}>
          <strong>{t('signIn.enroll.sms')}</strong>
          <span>{t('signIn.enroll.smsText')}</span>
        </button>
      </div>
      {method === 'totp' ? <TotpSetup onDone={onDone} /> : null}
      {method === 'sms' ? <SmsSetup onDone={onDone} /> : null}
    </div>
  );
}

/** Asks for the password again when core says the sign-in is over an hour old. */
function useReauth() {
  const t = useT();
  const [needed, setNeeded] = useState(false);
  const [password, setPassword] = useState('');
  const field = needed ? (
    <Field
      label={t('signIn.fields.yourPassword')}
      name="reauth"
      type="password"
      autoComplete="current-password"
      value={password}
      onChange={(e) => setPassword(e.target.value)}
      hint={t('signIn.enroll.reauthHint')}
    />
  ) : null;
  const handle = (error: AppError) => {
    if (error.code === 'REAUTH_REQUIRED') setNeeded(true);
  };
  return { field, password: needed ? password : undefined, handle };
}

function TotpSetup({ onDone }: { onDone: Done }) {
  const t = useT();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reauth = useReauth();
  const keyId = useId();

  async function start(event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    const result = await call((a) => a.mfa.startTotp({ password: reauth.password }));
    if (result.ok) return setEnrollment(result.value);
    reauth.handle(result.error);
    setError(errorText(result.error));
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.mfa.confirmTotp({ code }));
    if (result.ok) return onDone(result.value);
    setCode('');
    setError(errorText(result.error));
  }

  if (!enrollment) {
    return (
      <form className="enroll__step" onSubmit={start}>
        {error ? <Alert>{error}</Alert> : null}
        {reauth.field}
        <button type="submit" className="button button--primary">
          {t('signIn.enroll.showQr')}
        </button>
      </form>
    );
  }
  return (
    <form className="enroll__step enroll__totp" onSubmit={confirm} noValidate>
      <ol className="steps">
        <li>{t('signIn.enroll.step1')}</li>
        <li>{rich(t('signIn.enroll.step2', { several: slot('several') }), { several: <strong>{t('signIn.enroll.step2Several')}</strong> })}</li>
        <li>{t('signIn.enroll.step3', { issuer: enrollment.issuer })}</li>
      </ol>
      <div className="qr">
        <img src={enrollment.qrDataUrl} alt={t('signIn.enroll.qrAlt', { issuer: enrollment.issuer, account: enrollment.account })} width={200} height={200} />
        <div>
          <p className="muted" id={keyId}>
            {t('signIn.enroll.cannotScan')}
          </p>
          <code className="manual-key" translate="no" aria-describedby={keyId} aria-label={t('signIn.enroll.manualKey')}>
            {enrollment.manualKey}
          </code>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <CodeField label={t('signIn.code.app')} value={code} onChange={setCode} />
      <button type="submit" className="button button--primary" disabled={code.length !== 6}>
        {t('common.confirm')}
      </button>
    </form>
  );
}

function SmsSetup({ onDone }: { onDone: Done }) {
  const t = useT();
  const [country, setCountry] = useState(defaultCountry);
  const [number, setNumber] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const reauth = useReauth();

  async function send(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result: Result<{ sentTo: string }> = await call((a) => a.mfa.startSms({ country, number, password: reauth.password }));
    if (result.ok) return setSentTo(result.value.sentTo);
    reauth.handle(result.error);
    setError({ message: errorText(result.error), field: result.error.field });
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.mfa.confirmSms({ code }));
    if (result.ok) return onDone(result.value);
    setCode('');
    setError({ message: errorText(result.error) });
  }

  if (!sentTo) {
    return (
      <form className="enroll__step" onSubmit={send} noValidate>
        <div className="grid-2">
          <CountrySelect value={country} onChange={setCountry} />
          <Field label={t('signIn.enroll.mobileNumber')} name="phone" type="tel" autoComplete="tel-national" value={number} onChange={(e) => setNumber(e.target.value)} error={error?.field === 'number' ? error.message : null} />
        </div>
        {error && error.field !== 'number' ? <Alert>{error.message}</Alert> : null}
        {reauth.field}
        <button type="submit" className="button button--primary">
          {t('signIn.enroll.sendCode')}
        </button>
      </form>
    );
  }
  return (
    <form className="enroll__step" onSubmit={confirm} noValidate>
      <Alert tone="info">{t('signIn.sms.sent', { to: sentTo })}</Alert>
      <DevOutbox />
      {error ? <Alert>{error.message}</Alert> : null}
      <CodeField label={t('signIn.code.sms')} value={code} onChange={setCode} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={code.length !== 6}>
          {t('common.confirm')}
        </button>
        <button type="button" className="button" onClick={() => setSentTo(null)}>
          {t('signIn.enroll.changeNumber')}
        </button>
      </div>
    </form>
  );
}
