import { useId, useState, type FormEvent } from 'react';
import type { TotpEnrollment } from '../../../shared/mfa-views';
import type { AppError, Result } from '../../../shared/result';
import type { SessionView } from '../../../shared/views';
import { call } from '../state/api';
import { Alert } from './Alert';
import { CodeField } from './CodeField';
import { DevOutbox } from './DevOutbox';
import { defaultCountry } from './countries';
import { CountrySelect } from './CountrySelect';
import { Field } from './Field';

type Done = (result: { recoveryCodes: string[] | null; session: SessionView }) => void;

/**
 * Setting up a second factor: an authenticator app (QR code or key typed by hand) or a phone.
 * Used at sign-in (required) and from My security (by choice).
 */
export function EnrollPanel({ onDone }: { onDone: Done }) {
  const [method, setMethod] = useState<'totp' | 'sms' | null>(null);
  return (
    <div className="enroll">
      <div className="choice" role="group" aria-label="Choose a method">
        <button type="button" className={`choice__option${method === 'totp' ? ' is-selected' : ''}`} aria-pressed={method === 'totp'} onClick={() => setMethod('totp')}>
          <strong>Authenticator app</strong>
          <span>Google Authenticator, Authy, Microsoft Authenticator… Works without mobile signal. Recommended.</span>
        </button>
        <button type="button" className={`choice__option${method === 'sms' ? ' is-selected' : ''}`} aria-pressed={method === 'sms'} onClick={() => setMethod('sms')}>
          <strong>Text message (SMS)</strong>
          <span>A code is texted to your mobile phone each time you sign in.</span>
        </button>
      </div>
      {method === 'totp' ? <TotpSetup onDone={onDone} /> : null}
      {method === 'sms' ? <SmsSetup onDone={onDone} /> : null}
    </div>
  );
}

/** Asks for the password again when core says the sign-in is over an hour old. */
function useReauth() {
  const [needed, setNeeded] = useState(false);
  const [password, setPassword] = useState('');
  const field = needed ? (
    <Field label="Your password" name="reauth" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} hint="You signed in over an hour ago: confirm it is you." />
  ) : null;
  const handle = (error: AppError) => {
    if (error.code === 'REAUTH_REQUIRED') setNeeded(true);
  };
  return { field, password: needed ? password : undefined, handle };
}

function TotpSetup({ onDone }: { onDone: Done }) {
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
    setError(result.error.message);
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.mfa.confirmTotp({ code }));
    if (result.ok) return onDone(result.value);
    setCode('');
    setError(result.error.message);
  }

  if (!enrollment) {
    return (
      <form className="enroll__step" onSubmit={start}>
        {error ? <Alert>{error}</Alert> : null}
        {reauth.field}
        <button type="submit" className="button button--primary">
          Show the QR code
        </button>
      </form>
    );
  }
  return (
    <form className="enroll__step enroll__totp" onSubmit={confirm} noValidate>
      <ol className="steps">
        <li>Open your authenticator app and add an account (often a “+” button).</li>
        <li>
          Scan this QR code. <strong>The same QR code may be scanned by several devices</strong> — for example your phone and a tablet: scan it with each of them now.
        </li>
        <li>Enter the 6-digit code the app shows for “{enrollment.issuer}”.</li>
      </ol>
      <div className="qr">
        <img src={enrollment.qrDataUrl} alt={`QR code for your authenticator app (${enrollment.issuer}: ${enrollment.account})`} width={200} height={200} />
        <div>
          <p className="muted" id={keyId}>
            Cannot scan? Type this key into the app (time-based):
          </p>
          <code className="manual-key" aria-describedby={keyId} aria-label="Key for manual entry">
            {enrollment.manualKey}
          </code>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <CodeField label="Code from the app" value={code} onChange={setCode} />
      <button type="submit" className="button button--primary" disabled={code.length !== 6}>
        Confirm
      </button>
    </form>
  );
}

function SmsSetup({ onDone }: { onDone: Done }) {
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
    setError({ message: result.error.message, field: result.error.field });
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.mfa.confirmSms({ code }));
    if (result.ok) return onDone(result.value);
    setCode('');
    setError({ message: result.error.message });
  }

  if (!sentTo) {
    return (
      <form className="enroll__step" onSubmit={send} noValidate>
        <div className="grid-2">
          <CountrySelect value={country} onChange={setCountry} />
          <Field label="Mobile number" name="phone" type="tel" autoComplete="tel-national" value={number} onChange={(e) => setNumber(e.target.value)} error={error?.field === 'number' ? error.message : null} />
        </div>
        {error && error.field !== 'number' ? <Alert>{error.message}</Alert> : null}
        {reauth.field}
        <button type="submit" className="button button--primary">
          Send code
        </button>
      </form>
    );
  }
  return (
    <form className="enroll__step" onSubmit={confirm} noValidate>
      <Alert tone="info">We sent a code to {sentTo}. It is valid for 10 minutes.</Alert>
      <DevOutbox />
      {error ? <Alert>{error.message}</Alert> : null}
      <CodeField label="Code from the text message" value={code} onChange={setCode} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={code.length !== 6}>
          Confirm
        </button>
        <button type="button" className="button" onClick={() => setSentTo(null)}>
          Change number
        </button>
      </div>
    </form>
  );
}
