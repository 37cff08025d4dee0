import { useState, type FormEvent } from 'react';
import type { InstitutionView } from '../../../../shared/settings-views';
import { Alert } from '../../components/Alert';
import { CountrySelect } from '../../components/CountrySelect';
import { defaultCountry } from '../../components/countries';
import { Field } from '../../components/Field';
import { call } from '../../state/api';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** Where text messages go. The auth token goes to this computer's keychain and is never shown again. */
export function SmsGatewayForm({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const gateway = view.smsGateway;
  const [kind, setKind] = useState<'outbox' | 'http'>(gateway.kind);
  const [baseUrl, setBaseUrl] = useState(gateway.kind === 'http' ? gateway.baseUrl : 'https://api.twilio.com');
  const [accountSid, setAccountSid] = useState(gateway.kind === 'http' ? gateway.accountSid : '');
  const [from, setFrom] = useState(gateway.kind === 'http' ? gateway.from : '');
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [country, setCountry] = useState(defaultCountry);
  const [number, setNumber] = useState('');
  const [testMessage, setTestMessage] = useState<Message>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) =>
      a.settings.setSmsGateway(kind === 'outbox' ? { kind } : { kind, baseUrl, accountSid, from, ...(token ? { authToken: token } : {}) }),
    );
    setToken('');
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    onSaved(result.value);
    setMessage({ tone: 'info', text: kind === 'outbox' ? 'Text messages now go to the outbox file on this computer.' : 'The SMS provider is set. Send a test message to check it.' });
  }

  async function test(event: FormEvent) {
    event.preventDefault();
    setTestMessage({ tone: 'info', text: 'Sending…' });
    const result = await call((a) => a.settings.testSms({ country, number }));
    setTestMessage(
      result.ok
        ? { tone: 'info', text: `Test message sent to ${result.value.sentTo} through the ${result.value.gateway === 'http' ? 'SMS provider' : 'outbox file'}.` }
        : { tone: 'error', text: result.error.message },
    );
  }

  const stored = gateway.kind === 'http' && gateway.tokenStored;
  return (
    <section className="panel" aria-labelledby="sms-title">
      <h2 id="sms-title">Text messages (SMS)</h2>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={save} noValidate>
        <fieldset className="radios">
          <legend>Send text messages through</legend>
          <label className="check">
            <input type="radio" name="smsKind" checked={kind === 'outbox'} onChange={() => setKind('outbox')} /> The outbox file on this computer (no messages leave it)
          </label>
          <label className="check">
            <input type="radio" name="smsKind" checked={kind === 'http'} onChange={() => setKind('http')} /> An SMS provider (Twilio-compatible)
          </label>
        </fieldset>
        {kind === 'http' ? (
          <>
            <div className="grid-2">
              <Field label="Provider address" name="smsBaseUrl" type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
              <Field label="Account id" name="smsAccount" value={accountSid} onChange={(e) => setAccountSid(e.target.value)} />
            </div>
            <div className="grid-2">
              <Field label="Sender number" name="smsFrom" type="tel" placeholder="+41791234567" value={from} onChange={(e) => setFrom(e.target.value)} />
              <Field
                label="Auth token"
                name="smsToken"
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                hint={stored ? 'A token is stored in this computer\'s keychain. Leave empty to keep it.' : 'Stored in this computer\'s keychain, never in the data file.'}
              />
            </div>
          </>
        ) : null}
        <button type="submit" className="button button--primary">
          Save SMS settings
        </button>
      </form>
      <form className="inline-form spaced" onSubmit={test} noValidate aria-label="Send a test SMS">
        <CountrySelect value={country} onChange={setCountry} />
        <Field label="Test phone number" name="testNumber" type="tel" value={number} onChange={(e) => setNumber(e.target.value)} />
        <button type="submit" className="button">
          Send a test SMS
        </button>
      </form>
      {testMessage ? <Alert tone={testMessage.tone}>{testMessage.text}</Alert> : null}
    </section>
  );
}
