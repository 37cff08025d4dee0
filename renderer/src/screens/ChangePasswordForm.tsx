import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { useCommonPassword } from '../components/useCommonPassword';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm' | 'form', string>>;

/** My security → Password: the current one, then a new one that passes the policy. */
export function ChangePasswordForm() {
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
    if (next !== confirm) return setErrors({ confirm: 'The two new passwords are not the same. Type the new password again.' });
    setBusy(true);
    const result = await call((a) => a.auth.changePassword({ currentPassword: current, newPassword: next }));
    setBusy(false);
    setCurrent('');
    if (!result.ok) {
      const field = result.error.field as keyof Errors | undefined;
      return setErrors({ [field === 'currentPassword' || field === 'newPassword' ? field : 'form']: result.error.message });
    }
    setErrors({});
    setNext('');
    setConfirm('');
    setDone(true);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      {done ? <Alert tone="info">Your password is changed. You stay signed in here; your other sessions were signed out.</Alert> : null}
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="grid-3">
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.currentPassword} />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.newPassword} />
        <Field label="Confirm new password" name="confirmNewPassword" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
      </div>
      {next && info ? <PasswordChecklist password={next} policy={info.passwordPolicy} common={common} /> : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
