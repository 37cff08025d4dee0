import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { useCommonPassword } from '../components/useCommonPassword';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm' | 'form', string>>;

/** My security → Password: the current one, then a new one that passes the policy. */
export function ChangePasswordForm() {
  const t = useT();
  const info = useSession((s) => s.info);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const common = useCommonPassword(next);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next !== confirm) return setErrors({ confirm: t('signIn.changePassword.mismatch') });
    setBusy(true);
    const result = await call((a) => a.auth.changePassword({ currentPassword: current, newPassword: next }));
    setBusy(false);
    setCurrent('');
    if (!result.ok) {
      const field = result.error.field as keyof Errors | undefined;
      return setErrors({ [field === 'currentPassword' || field === 'newPassword' ? field : 'form']: errorText(result.error) });
    }
    setErrors({});
    setNext('');
    setConfirm('');
    setDone(true);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t('signIn.fields.password')}</h2>
      {done ? <Alert tone="info">{t('signIn.changePassword.done')}</Alert> : null}
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="grid-3">
        <Field label={t('signIn.changePassword.current')} name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.currentPassword} />
        <Field label={t('signIn.fields.newPassword')} name="newPassword" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.newPassword} />
        <Field label={t('signIn.fields.confirmNewPassword')} name="confirmNewPassword" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
      </div>
      {next && info ? <PasswordChecklist password={next} policy={info.passwordPolicy} common={common} /> : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('signIn.changePassword.busy') : t('signIn.changePassword.submit')}
      </button>
    </form>
  );
}
