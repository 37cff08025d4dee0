import { useState, type FormEvent } from 'react';
import type { OperatorRow } from '../../../../shared/mfa-views';
import { ROLES, type Role } from '../../../../shared/roles';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { OneTimePasswordField } from '../../components/OneTimePasswordField';
import { errorText, useT } from '../../i18n';
import { call } from '../../state/api';

/** A new operator with a one-time password, handed over in person and replaced at the first sign-in. */
export function CreateOperatorForm({ requiredByDefault, canGiveService, onCreated }: { requiredByDefault: boolean; canGiveService: boolean; onCreated: (row: OperatorRow) => void }) {
  const t = useT();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [password, setPassword] = useState('');
  const [required, setRequired] = useState<boolean | null>(null);
  // Counts the operators created here: the password field starts afresh (hidden) for the next one.
  const [created, setCreated] = useState(0);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const mfaRequired = required ?? requiredByDefault;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.operators.create({ login, displayName, roles: [role], password, mfaRequired }));
    if (!result.ok) return setError({ message: errorText(result.error), field: result.error.field });
    setError(null);
    setLogin('');
    setDisplayName('');
    setPassword('');
    setRequired(null);
    setCreated((n) => n + 1);
    onCreated(result.value);
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <section className="panel" aria-labelledby="create-title">
      <h2 id="create-title">{t('admin.create.title')}</h2>
      <form onSubmit={submit} noValidate>
        {error && !['login', 'displayName', 'password'].includes(error.field ?? '') ? <Alert>{error.message}</Alert> : null}
        <div className="grid-2">
          <Field
            label={t('admin.create.login')}
            name="newLogin"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            error={fieldError('login')}
            hint={t('admin.create.loginHint')}
          />
          <Field label={t('admin.create.name')} name="newName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fieldError('displayName')} />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="new-role">{t('admin.create.role')}</label>
            <select id="new-role" className="role-select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.filter((r) => r !== 'service' || canGiveService).map((r) => (
                <option key={r} value={r}>
                  {t('admin.role', { role: r })}
                </option>
              ))}
            </select>
          </div>
          <OneTimePasswordField
            key={created}
            label={t('admin.create.password')}
            name="newPassword"
            value={password}
            onChange={setPassword}
            error={fieldError('password')}
            hint={t('admin.create.passwordHint')}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={mfaRequired} onChange={(e) => setRequired(e.target.checked)} /> {t('admin.create.requireTwoStep')}
        </label>
        <button type="submit" className="button button--primary">
          {t('admin.create.submit')}
        </button>
      </form>
    </section>
  );
}
