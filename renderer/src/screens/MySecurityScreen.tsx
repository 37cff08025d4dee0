import { useCallback, useEffect, useId, useState } from 'react';
import { INTL_TAG, isLocale, LOCALE_NAMES, LOCALES } from '../../../shared/i18n/locales';
import type { MySecurity } from '../../../shared/mfa-views';
import { Alert } from '../components/Alert';
import { DevicesTable } from '../components/DevicesTable';
import { EnrollPanel } from '../components/EnrollPanel';
import { Field } from '../components/Field';
import { rich, slot } from '../components/rich';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';
import { ChangePasswordForm } from './ChangePasswordForm';

/** One's own password, second factors, recovery codes and remembered devices. */
export function MySecurityScreen() {
  const t = useT();
  const { showRecoveryCodes, setSession } = useSession();
  const [status, setStatus] = useState<MySecurity | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reauth, setReauth] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call((a) => a.mfa.status());
    if (result.ok) setStatus(result.value);
    else setError(errorText(result.error));
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
    setError(errorText(result.error));
  }

  async function forget(deviceId: number) {
    const result = await call((a) => a.mfa.revokeDevice({ deviceId }));
    if (result.ok) return load();
    setError(errorText(result.error));
  }

  if (!status) return <section className="panel">{error ? <Alert>{error}</Alert> : <p role="status">{t('common.loading')}</p>}</section>;
  const { methods } = status;
  const hasFactor = methods.totp || methods.sms !== null;
  return (
    <section className="panel" aria-labelledby="security-title">
      <h1 id="security-title">{t('signIn.security.title')}</h1>
      {status.required && !hasFactor ? <Alert tone="warning">{t('signIn.security.required')}</Alert> : null}
      {status.recoveryWarning ? <Alert tone="warning">{t('signIn.security.recoveryWarning', { count: methods.recoveryCodesLeft })}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}

      <LanguagePicker />

      <h2>{t('signIn.twoStep.title')}</h2>
      <ul className="facts">
        <li>
          {methods.totp
            ? rich(t('signIn.security.totpFact', { state: slot('state') }), { state: <strong>{t('signIn.security.totpSetUp')}</strong> })
            : t('signIn.security.totpFact', { state: t('signIn.security.totpNotSetUp') })}
        </li>
        <li>
          {methods.sms
            ? rich(t('signIn.security.smsFact', { state: slot('state') }), { state: <strong translate="no">{methods.sms.hint}</strong> })
            : t('signIn.security.smsFact', { state: t('signIn.security.smsNotSetUp') })}
        </li>
        <li>{t('signIn.security.codesFact', { count: methods.recoveryCodesLeft })}</li>
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
            {hasFactor ? t('signIn.security.newPhone') : t('signIn.enrollment.title')}
          </button>
          {hasFactor ? (
            <button type="button" className="button" onClick={regenerate}>
              {t('signIn.security.newCodes')}
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
          <Field label={t('signIn.fields.yourPassword')} name="reauth" type="password" autoComplete="current-password" value={reauth} onChange={(e) => setReauth(e.target.value)} />
          <button type="submit" className="button">
            {t('common.confirm')}
          </button>
        </form>
      ) : null}

      <h2>{t('signIn.security.devices')}</h2>
      {status.devices.length === 0 ? (
        <p className="muted">
          {status.rememberDeviceDays > 0 ? t('signIn.security.noDevicesTip', { days: status.rememberDeviceDays }) : t('signIn.security.noDevices')}
        </p>
      ) : (
        <DevicesTable devices={status.devices} onForget={forget} />
      )}

      <ChangePasswordForm />
    </section>
  );
}

/**
 * The operator's own language, or the institution's default (null). Core keeps it with her account; the screen
 * follows at once, as App derives the language from the session this returns.
 */
function LanguagePicker() {
  const t = useT();
  const id = useId();
  const session = useSession((s) => s.session);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (session.state !== 'active') return null;

  async function choose(value: string) {
    const language = isLocale(value) ? value : null;
    setBusy(true);
    setError(null);
    const result = await call((a) => a.auth.setLanguage({ language }));
    setBusy(false);
    if (result.ok) useSession.getState().setSession(result.value);
    else setError(errorText(result.error));
  }

  return (
    <div className="grid-3">
      <div className={`field language-field${error ? ' field--error' : ''}`}>
        <label htmlFor={id}>{t('common.language.label')}</label>
        <select
          id={id}
          value={session.operator.language ?? ''}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => void choose(e.target.value)}
        >
          <option value="">{t('common.language.institutionDefault')}</option>
          {LOCALES.map((locale) => (
            // Each language in itself, so a reader finds hers whatever language the screen is in.
            <option key={locale} value={locale} lang={INTL_TAG[locale]} translate="no">
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
        {error ? (
          <div className="field__error" id={`${id}-error`} role="alert">
            {error}
          </div>
        ) : null}
      </div>
    </div>
  );
}
