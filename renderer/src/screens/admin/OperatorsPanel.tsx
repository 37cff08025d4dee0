import { useState } from 'react';
import type { LocalText } from '../../../../shared/i18n/translator';
import type { OperatorRow } from '../../../../shared/mfa-views';
import type { Role } from '../../../../shared/roles';
import { Alert } from '../../components/Alert';
import { useFormat, useT, type Translate } from '../../i18n';
import { call } from '../../state/api';
import { OperatorDevicesDialog } from '../OperatorDevicesDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { AttentionBadges } from './AttentionSummary';
import { EmergencyCodeAction, EmergencyCodeBadge } from './EmergencyCodeDialog';
import { GraceBadge, needsGraceQuestion, RequireTwoStepDialog } from './RequireTwoStepDialog';
import { RoleSelect } from './RoleSelect';
import { SensitiveOperatorDialog, type SensitiveOperatorChange } from './SensitiveOperatorDialogs';
import { usePlain } from './plain';

/** Core never asks a gate scanner for a second factor (a scan must not wait for a code), whatever the setting says. */
const scannerOnly = (o: OperatorRow) => o.roles.length > 0 && o.roles.every((r) => r === 'scanner');
const twoStepLabel = (t: Translate, o: OperatorRow) =>
  t(scannerOnly(o) ? 'admin.operators.twoStep.notAsked' : o.mfaRequired ? 'admin.operators.twoStep.required' : 'admin.operators.twoStep.notRequired');

type Act = (label: string, request: () => Promise<{ ok: boolean; error?: { message: string; text?: LocalText } }>) => Promise<void>;

/** Every operator with what an admin can do to each: role, two-step, password, throttle, devices, disable. */
export function OperatorsPanel({ operators, canGiveService, message, act, reload }: { operators: OperatorRow[]; canGiveService: boolean; message: { tone: 'error' | 'info'; text: string } | null; act: Act; reload: () => void }) {
  const [devicesOf, setDevicesOf] = useState<OperatorRow | null>(null);
  const [passwordOf, setPasswordOf] = useState<OperatorRow | null>(null);
  const [sensitiveChange, setSensitiveChange] = useState<SensitiveOperatorChange | null>(null);
  const [requireOf, setRequireOf] = useState<OperatorRow | null>(null);
  const t = useT();
  const f = useFormat();
  const plain = usePlain();

  const changeRoles = (o: OperatorRow, roles: Role[]) => {
    if (window.confirm(t('admin.operators.confirmRole', { name: o.displayName }))) {
      void act(t('admin.operators.roleChanged', { name: o.displayName }), () => call((a) => a.operators.setRoles({ operatorId: o.id, roles })));
    } else reload();
  };

  return (
    <section className="panel" aria-labelledby="operators-title">
      <h1 id="operators-title">{t('admin.operators.title')}</h1>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <table className="table" aria-labelledby="operators-title">
        <thead>
          <tr>
            <th scope="col">{t('admin.operators.col.name')}</th>
            <th scope="col">{t('admin.operators.col.login')}</th>
            <th scope="col">{t('admin.operators.col.role')}</th>
            <th scope="col">{t('admin.operators.col.twoStep')}</th>
            <th scope="col">{t('admin.operators.col.methods')}</th>
            <th scope="col">{t('admin.operators.col.devices')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.operators.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {operators.map((o) => (
            <tr key={o.id}>
              <td>
                <div translate="no">{o.displayName}</div>
                {o.disabled ? <span className="badge badge--none">{t('admin.operators.disabledBadge')}</span> : null}
                {o.oneTimePasswordUntil ? (
                  <span className="badge badge--print_at_home">{t('admin.operators.oneTimeUntil', { until: plain.date(o.oneTimePasswordUntil, 'dateTime') })}</span>
                ) : null}
                {o.throttledUntil ? <span className="badge badge--warn">{t('admin.operators.lockedUntil', { until: plain.date(o.throttledUntil, 'dateTime') })}</span> : null}
                <AttentionBadges operator={o} />
                <GraceBadge operator={o} />
                <EmergencyCodeBadge operator={o} />
              </td>
              <td translate="no">{o.login}</td>
              <td>
                <RoleSelect operator={o} canGiveService={canGiveService} onChange={(roles) => changeRoles(o, roles)} />
              </td>
              <td>{twoStepLabel(t, o)}</td>
              <td>{o.methods.length ? t('admin.operators.methods', { methods: o.methods.map((m) => plain.t('admin.operators.method', { method: m })).join(', ') }) : t('admin.operators.methodsNone')}</td>
              <td>{f.number(o.rememberedDevices)}</td>
              <td>
                <div className="row-actions row-actions--wrap">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t(o.mfaRequired ? 'admin.operators.releaseTwoStepFor' : 'admin.operators.requireTwoStepFor', { login: o.login })}
                    onClick={() =>
                      needsGraceQuestion(o) ? setRequireOf(o) : o.mfaRequired ? setSensitiveChange({ kind: 'release', operator: o }) : act(t(o.mfaRequired ? 'admin.operators.twoStepReleased' : 'admin.operators.twoStepRequired', { name: o.displayName }), () =>
                        call((a) => a.operators.setMfaRequired({ operatorId: o.id, required: !o.mfaRequired })),
                      )
                    }
                  >
                    {t(o.mfaRequired ? 'admin.operators.releaseTwoStep' : 'admin.operators.requireTwoStep')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('admin.operators.resetTwoStepFor', { login: o.login })}
                    disabled={o.methods.length === 0 && o.rememberedDevices === 0}
                    aria-haspopup="dialog"
                    onClick={() => setSensitiveChange({ kind: 'reset', operator: o })}
                  >
                    {t('admin.operators.resetTwoStep')}
                  </button>
                  <EmergencyCodeAction operator={o} onClosed={reload} />
                  <button type="button" className="button button--small" aria-label={t('admin.operators.devicesOf', { login: o.login })} onClick={() => setDevicesOf(o)}>
                    {t('admin.operators.devices')}
                  </button>
                  <button type="button" className="button button--small" aria-label={t('admin.operators.resetPasswordOf', { login: o.login })} onClick={() => setPasswordOf(o)}>
                    {t('admin.operators.resetPassword')}
                  </button>
                  {o.throttledUntil ? (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('admin.operators.liftLockOf', { login: o.login })}
                      onClick={() => act(t('admin.operators.lockLifted', { name: o.displayName }), () => call((a) => a.operators.liftThrottle({ operatorId: o.id })))}
                    >
                      {t('admin.operators.liftLock')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t(o.disabled ? 'admin.operators.enableOf' : 'admin.operators.disableOf', { login: o.login })}
                    onClick={() =>
                      act(t(o.disabled ? 'admin.operators.enabled' : 'admin.operators.disabled', { name: o.displayName }), () =>
                        call((a) => a.operators.setDisabled({ operatorId: o.id, disabled: !o.disabled })),
                      )
                    }
                  >
                    {t(o.disabled ? 'admin.operators.enable' : 'admin.operators.disable')}
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
      {requireOf ? <RequireTwoStepDialog operator={requireOf} act={act} onClose={() => setRequireOf(null)} /> : null}
      {sensitiveChange ? <SensitiveOperatorDialog change={sensitiveChange} act={act} onClose={() => setSensitiveChange(null)} /> : null}
      {passwordOf ? (
        <ResetPasswordDialog
          operator={passwordOf}
          onClose={() => setPasswordOf(null)}
          onDone={(row) => {
            setPasswordOf(null);
            void act(t('admin.operators.passwordReset', { name: row.displayName }), async () => ({ ok: true }));
          }}
        />
      ) : null}
    </section>
  );
}
