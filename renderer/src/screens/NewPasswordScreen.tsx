import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../shared/views';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { Field } from '../components/Field';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { useCommonPassword } from '../components/useCommonPassword';
import { formatWait, useCountdown } from '../components/useCountdown';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

/** Right after a one-time password: the operator chooses their own before anything else. */
export function NewPasswordScreen({ view }: { view: Extract<SessionView, { state: 'passwordChange' }> }) {
  const t = useT();
  const { info, setSession, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const common = useCommonPassword(password);
  const left = useCountdown(view.expiresAt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) return setErrors({ confirm: t('signIn.newPassword.mismatch') });
    setBusy(true);
    setErrors({});
    const result = await call((a) => a.auth.setNewPassword({ password }));
    setBusy(false);
    if (result.ok) return setSession(result.value);
    setErrors(result.error.field === 'password' ? { password: errorText(result.error) } : { form: errorText(result.error) });
  }

  return (
    <main className="card-page">
      <form className="card card--wide" onSubmit={submit} noValidate aria-labelledby="new-password-title">
        <Brand institution={info?.institution} />
        <h1 id="new-password-title">{t('signIn.newPassword.title')}</h1>
        <p className="lead">{t('signIn.newPassword.lead', { name: view.operator.displayName })}</p>
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <Field label={t('signIn.fields.newPassword')} name="newPassword" type="password" autoComplete="new-password" autoFocus required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        {info ? <PasswordChecklist password={password} policy={info.passwordPolicy} common={common} /> : null}
        <Field label={t('signIn.fields.confirmNewPassword')} name="confirmNewPassword" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t('common.saving') : t('signIn.newPassword.submit')}
        </button>
        <div className="actions actions--end">
          <span className="muted">{t('common.timeLeft', { wait: formatWait(left) })}</span>
          <button type="button" className="button" onClick={signOut}>
            {t('common.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
