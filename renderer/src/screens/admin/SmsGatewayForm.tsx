import { useState, type FormEvent } from 'react';
import type { InstitutionView } from '../../../../shared/settings-views';
import { Alert } from '../../components/Alert';
import { CountrySelect } from '../../components/CountrySelect';
import { defaultCountry } from '../../components/countries';
import { Field } from '../../components/Field';
import { errorText, useT } from '../../i18n';
import { call } from '../../state/api';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** Where text messages go. The auth token goes to this computer's keychain and is never shown again. */
export function SmsGatewayForm({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const t = useT();
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
    if (!result.ok) return setMessage({ tone: 'error', text: errorText(result.error) });
    onSaved(result.value);
    setMessage({ tone: 'info', text: t(kind === 'outbox' ? 'admin.sms.savedOutbox' : 'admin.sms.savedHttp') });
  }

  async function test(event: FormEvent) {
    event.preventDefault();
    setTestMessage({ tone: 'info', text: t('admin.sms.sending') });
    const result = await call((a) => a.settings.testSms({ country, number }));
    setTestMessage(
      result.ok
        ? { tone: 'info', text: t('admin.sms.testSent', { to: result.value.sentTo, gateway: result.value.gateway }) }
        : { tone: 'error', text: errorText(result.error) },
    );
  }

  const stored = gateway.kind === 'http' && gateway.tokenStored;
  return (
    <section className="panel" aria-labelledby="sms-title">
      <h2 id="sms-title">{t('admin.sms.title')}</h2>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={save} noValidate>
        <fieldset className="radios">
          <legend>{t('admin.sms.through')}</legend>
          <label className="check">
            <input type="radio" name="smsKind" checked={kind === 'outbox'} onChange={() => setKind('outbox')} /> {t('admin.sms.outbox')}
          </label>
          <label className="check">
            <input type="radio" name="smsKind" checked={kind === 'http'} onChange={() => setKind('http')} /> {t('admin.sms.http')}
          </label>
        </fieldset>
        {kind === 'http' ? (
          <>
            <div className="grid-2">
              <Field label={t('admin.sms.baseUrl')} name="smsBaseUrl" type="url" translate="no" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
              <Field label={t('admin.sms.account')} name="smsAccount" translate="no" value={accountSid} onChange={(e) => setAccountSid(e.target.value)} />
            </div>
            <div className="grid-2">
              <Field label={t('admin.sms.from')} name="smsFrom" type="tel" placeholder="+41791234567" value={from} onChange={(e) => setFrom(e.target.value)} />
              <Field
                label={t('admin.sms.token')}
                name="smsToken"
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                hint={t(stored ? 'admin.sms.tokenStored' : 'admin.sms.tokenHint')}
              />
            </div>
          </>
        ) : null}
        <button type="submit" className="button button--primary">
          {t('admin.sms.save')}
        </button>
      </form>
      <form className="inline-form spaced" onSubmit={test} noValidate aria-label={t('admin.sms.testForm')}>
        <CountrySelect value={country} onChange={setCountry} />
        <Field label={t('admin.sms.testNumber')} name="testNumber" type="tel" value={number} onChange={(e) => setNumber(e.target.value)} />
        <button type="submit" className="button">
          {t('admin.sms.testSubmit')}
        </button>
      </form>
      {testMessage ? <Alert tone={testMessage.tone}>{testMessage.text}</Alert> : null}
    </section>
  );
}
