import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { MfaPolicyView, OperatorRow } from '../../../shared/mfa-views';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { call } from '../state/api';
import { useSession } from '../state/session-store';
import { AuditPanel } from './AuditPanel';
import { DataPanel } from './DataPanel';
import { OperatorDevicesDialog } from './OperatorDevicesDialog';

const METHOD_LABELS: Record<OperatorRow['methods'][number], string> = { totp: 'App', sms: 'SMS', recovery: 'Recovery codes' };

/** Operators and the two-factor policy, on the machine itself, with no network. */
export function AdminScreen() {
  const session = useSession((s) => s.session);
  const canManageData = session.state === 'active' && session.permissions.includes('settings.manage');
  const canReadAudit = session.state === 'active' && session.permissions.includes('audit.read');
  const [operators, setOperators] = useState<OperatorRow[]>([]);
  const [policy, setPolicy] = useState<MfaPolicyView | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [devicesOf, setDevicesOf] = useState<OperatorRow | null>(null);

  const load = useCallback(async () => {
    const [list, pol] = await Promise.all([call((a) => a.operators.list()), call((a) => a.mfa.policy())]);
    if (list.ok) setOperators(list.value);
    if (pol.ok) setPolicy(pol.value);
  }, []);
  useEffect(() => void load(), [load]);

  async function act(label: string, request: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    const result = await request();
    setMessage(result.ok ? { tone: 'info', text: label } : { tone: 'error', text: result.error!.message });
    await load();
  }

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="policy-title">
        <h1 id="policy-title">Two-step verification</h1>
        {policy ? (
          <>
            <p className={policy.enabled ? 'status-on' : 'status-off'}>{policy.message}</p>
            <div className="actions">
              {policy.canSwitch ? (
                <button type="button" className="button button--primary" onClick={() => act(policy.enabled ? 'Two-step verification is now off.' : 'Two-step verification is now on.', () => call((a) => a.mfa.setFeature({ enabled: !policy.enabled })))}>
                  {policy.enabled ? 'Switch two-step verification off' : 'Switch two-step verification on'}
                </button>
              ) : null}
              <RememberDays days={policy.rememberDeviceDays} onSave={(days) => act(`Devices are remembered for ${days} days.`, () => call((a) => a.mfa.setRememberDays({ days })))} />
            </div>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="operators-title">
        <h1 id="operators-title">Operators</h1>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Login</th>
              <th scope="col">Roles</th>
              <th scope="col">Two-step required</th>
              <th scope="col">Methods</th>
              <th scope="col">Remembered devices</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {operators.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.displayName}
                  {o.disabled ? <span className="badge badge--none"> disabled</span> : null}
                </td>
                <td>{o.login}</td>
                <td>{o.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td>{o.mfaRequired ? 'Required' : 'Not required'}</td>
                <td>{o.methods.length ? o.methods.map((m) => METHOD_LABELS[m]).join(', ') : 'None'}</td>
                <td>{o.rememberedDevices}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${o.mfaRequired ? 'Release' : 'Require'} two-step verification for ${o.login}`}
                    onClick={() => act(`${o.displayName}: two-step verification ${o.mfaRequired ? 'released' : 'required'}.`, () => call((a) => a.operators.setMfaRequired({ operatorId: o.id, required: !o.mfaRequired })))}
                  >
                    {o.mfaRequired ? 'Release' : 'Require'}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Reset two-step verification for ${o.login}`}
                    disabled={o.methods.length === 0 && o.rememberedDevices === 0}
                    onClick={() => {
                      if (window.confirm(`Reset two-step verification for ${o.displayName}? Their app, phone, recovery codes and remembered devices are removed; they set it up again at the next sign-in.`)) {
                        void act(`${o.displayName} will set up two-step verification again at the next sign-in.`, () => call((a) => a.operators.resetMfa({ operatorId: o.id })));
                      }
                    }}
                  >
                    Reset two-step
                  </button>
                  <button type="button" className="button button--small" aria-label={`Remembered devices of ${o.login}`} onClick={() => setDevicesOf(o)}>
                    Devices
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${o.disabled ? 'Enable' : 'Disable'} ${o.login}`}
                    onClick={() => act(`${o.displayName} is ${o.disabled ? 'enabled' : 'disabled'}.`, () => call((a) => a.operators.setDisabled({ operatorId: o.id, disabled: !o.disabled })))}
                  >
                    {o.disabled ? 'Enable' : 'Disable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {devicesOf ? (
        <OperatorDevicesDialog
          operator={devicesOf}
          onClose={() => {
            setDevicesOf(null);
            void load();
          }}
        />
      ) : null}
      {canManageData ? <DataPanel /> : null}
      {canReadAudit ? <AuditPanel /> : null}
      <CreateOperator requiredByDefault={policy?.enabled ?? false} canGiveService={policy?.canSwitch ?? false} onCreated={(row) => act(`${row.displayName} can now sign in as ${row.login}.`, async () => ({ ok: true }))} />
    </div>
  );
}

function RememberDays({ days, onSave }: { days: number; onSave: (days: number) => void }) {
  const [value, setValue] = useState(String(days));
  useEffect(() => setValue(String(days)), [days]);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(Number(value));
      }}
    >
      <Field label="Remember devices for (days, 0 = never)" name="rememberDays" type="number" min={0} max={90} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="button">
        Save
      </button>
    </form>
  );
}

function CreateOperator({ requiredByDefault, canGiveService, onCreated }: { requiredByDefault: boolean; canGiveService: boolean; onCreated: (row: OperatorRow) => void }) {
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [password, setPassword] = useState('');
  const [required, setRequired] = useState<boolean | null>(null);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const mfaRequired = required ?? requiredByDefault;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.operators.create({ login, displayName, roles: [role], password, mfaRequired }));
    if (!result.ok) return setError({ message: result.error.message, field: result.error.field });
    setError(null);
    setLogin('');
    setDisplayName('');
    setPassword('');
    setRequired(null);
    onCreated(result.value);
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <section className="panel" aria-labelledby="create-title">
      <h2 id="create-title">Create an operator</h2>
      <form onSubmit={submit} noValidate>
        {error && !['login', 'displayName', 'password'].includes(error.field ?? '') ? <Alert>{error.message}</Alert> : null}
        <div className="grid-2">
          <Field label="New operator's login" name="newLogin" value={login} onChange={(e) => setLogin(e.target.value)} error={fieldError('login')} />
          <Field label="New operator's full name" name="newName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fieldError('displayName')} />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="new-role">Role</label>
            <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.filter((r) => r !== 'service' || canGiveService).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <Field label="Initial password" name="newPassword" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError('password')} hint="Give it to the operator in person." />
        </div>
        <label className="check">
          <input type="checkbox" checked={mfaRequired} onChange={(e) => setRequired(e.target.checked)} /> Require two-step verification
        </label>
        <button type="submit" className="button button--primary">
          Create operator
        </button>
      </form>
    </section>
  );
}
