import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Brand } from '../components/Brand';
import { Field } from '../components/Field';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { useCommonPassword } from '../components/useCommonPassword';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

type Errors = Partial<Record<'login' | 'displayName' | 'password' | 'confirm' | 'form', string>>;

/** First run: creates the first account (service team + administrator) and signs it in. */
export function SetupScreen() {
  const info = useSession((s) => s.info)!;
  const setupDone = useSession((s) => s.setupDone);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const common = useCommonPassword(password);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) return setErrors({ confirm: 'The two passwords are not the same. Type the password again.' });
    setBusy(true);
    setErrors({});
    const result = await call((a) => a.setup.createFirstAccount({ login, displayName, password }));
    setBusy(false);
    if (result.ok) return setupDone(result.value);
    const field = result.error.field as keyof Errors | undefined;
    setErrors({ [field && ['login', 'displayName', 'password'].includes(field) ? field : 'form']: result.error.message });
  }

  return (
    <main className="card-page">
      <form className="card card--wide" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <Brand />
        <h1 id="setup-title">Set up Box Office</h1>
        <p className="lead">
          This creates the first account on this computer. It belongs to the service team and is an administrator: it can create the
          operators who work at the counter. There is no default account.
        </p>
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <div className="grid-2">
          <Field label="Login" name="login" autoComplete="username" autoFocus required value={login} onChange={(e) => setLogin(e.target.value)} error={errors.login} hint="Letters, digits and . _ - @. Not case-sensitive: Anna and anna are the same login." />
          <Field label="Full name" name="displayName" autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors.displayName} />
        </div>
        <Field label="Password" name="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <PasswordChecklist password={password} policy={info.passwordPolicy} common={common} />
        <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </main>
  );
}
