import { useState } from 'react';
import type { OperatorRow } from '../../../../shared/mfa-views';
import type { Role } from '../../../../shared/roles';
import { Alert } from '../../components/Alert';
import { call } from '../../state/api';
import { OperatorDevicesDialog } from '../OperatorDevicesDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { RoleSelect } from './RoleSelect';

const METHOD_LABELS: Record<OperatorRow['methods'][number], string> = { totp: 'App', sms: 'SMS', recovery: 'Recovery codes' };

/** Core never asks a gate scanner for a second factor (a scan must not wait for a code), whatever the setting says. */
const scannerOnly = (o: OperatorRow) => o.roles.length > 0 && o.roles.every((r) => r === 'scanner');
const twoStepLabel = (o: OperatorRow) => (scannerOnly(o) ? 'Not asked at the gate' : o.mfaRequired ? 'Required' : 'Not required');

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Act = (label: string, request: () => Promise<{ ok: boolean; error?: { message: string } }>) => Promise<void>;

/** Every operator with what an admin can do to each: role, two-step, password, throttle, devices, disable. */
export function OperatorsPanel({ operators, canGiveService, message, act, reload }: { operators: OperatorRow[]; canGiveService: boolean; message: { tone: 'error' | 'info'; text: string } | null; act: Act; reload: () => void }) {
  const [devicesOf, setDevicesOf] = useState<OperatorRow | null>(null);
  const [passwordOf, setPasswordOf] = useState<OperatorRow | null>(null);

  const changeRoles = (o: OperatorRow, roles: Role[]) => {
    if (window.confirm(`Change the role of ${o.displayName}? Their open sessions end; the new role applies at the next sign-in.`)) {
      void act(`${o.displayName}'s role is changed.`, () => call((a) => a.operators.setRoles({ operatorId: o.id, roles })));
    } else reload();
  };

  return (
    <section className="panel" aria-labelledby="operators-title">
      <h1 id="operators-title">Operators</h1>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <table className="table" aria-labelledby="operators-title">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Login</th>
            <th scope="col">Role</th>
            <th scope="col">Two-step required</th>
            <th scope="col">Methods</th>
            <th scope="col">Devices</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {operators.map((o) => (
            <tr key={o.id}>
              <td>
                <div>{o.displayName}</div>
                {o.disabled ? <span className="badge badge--none">disabled</span> : null}
                {o.oneTimePasswordUntil ? <span className="badge badge--print_at_home">one-time password until {time(o.oneTimePasswordUntil)}</span> : null}
                {o.throttledUntil ? <span className="badge badge--warn">sign-in locked until {time(o.throttledUntil)}</span> : null}
              </td>
              <td>{o.login}</td>
              <td>
                <RoleSelect operator={o} canGiveService={canGiveService} onChange={(roles) => changeRoles(o, roles)} />
              </td>
              <td>{twoStepLabel(o)}</td>
              <td>{o.methods.length ? o.methods.map((m) => METHOD_LABELS[m]).join(', ') : 'None'}</td>
              <td>{o.rememberedDevices}</td>
              <td>
                <div className="row-actions row-actions--wrap">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${o.mfaRequired ? 'Release' : 'Require'} two-step verification for ${o.login}`}
                    onClick={() => act(`${o.displayName}: two-step verification ${o.mfaRequired ? 'released' : 'required'}.`, () => call((a) => a.operators.setMfaRequired({ operatorId: o.id, required: !o.mfaRequired })))}
                  >
                    {o.mfaRequired ? 'Release two-step' : 'Require two-step'}
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
                  <button type="button" className="button button--small" aria-label={`Reset the password of ${o.login}`} onClick={() => setPasswordOf(o)}>
                    Reset password
                  </button>
                  {o.throttledUntil ? (
                    <button type="button" className="button button--small" aria-label={`Lift the sign-in lock of ${o.login}`} onClick={() => act(`${o.displayName} can sign in again now.`, () => call((a) => a.operators.liftThrottle({ operatorId: o.id })))}>
                      Lift lock
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${o.disabled ? 'Enable' : 'Disable'} ${o.login}`}
                    onClick={() => act(`${o.displayName} is ${o.disabled ? 'enabled' : 'disabled'}.`, () => call((a) => a.operators.setDisabled({ operatorId: o.id, disabled: !o.disabled })))}
                  >
                    {o.disabled ? 'Enable' : 'Disable'}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {devicesOf ? (
        <OperatorDevicesDialog
          operator={devicesOf}
          onClose={() => {
            setDevicesOf(null);
            reload();
          }}
        />
      ) : null}
      {passwordOf ? (
        <ResetPasswordDialog
          operator={passwordOf}
          onClose={() => setPasswordOf(null)}
          onDone={(row) => {
            setPasswordOf(null);
            void act(`${row.displayName} signs in next with the one-time password and then chooses their own.`, async () => ({ ok: true }));
          }}
        />
      ) : null}
    </section>
  );
}
