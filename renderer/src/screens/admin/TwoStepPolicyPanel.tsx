import { useEffect, useState } from 'react';
import type { MfaPolicyView } from '../../../../shared/mfa-views';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { call } from '../../state/api';

type Act = (label: string, request: () => Promise<{ ok: boolean; error?: { message: string } }>) => Promise<void>;

/** The institution's two-step switch (service team only) and how long devices are remembered. */
export function TwoStepPolicyPanel({ policy, act }: { policy: MfaPolicyView; act: Act }) {
  const [confirmOff, setConfirmOff] = useState(false);
  const switchOn = () => act('Two-step verification is now on.', () => call((a) => a.mfa.setFeature({ enabled: true })));
  const switchOff = async () => {
    setConfirmOff(false);
    await act('Two-step verification is now off.', () => call((a) => a.mfa.setFeature({ enabled: false })));
    return null;
  };
  return (
    <section className="panel" aria-labelledby="policy-title">
      <h1 id="policy-title">Two-step verification</h1>
      <p className={policy.enabled ? 'status-on' : 'status-off'}>{policy.message}</p>
      <div className="actions">
        {policy.canSwitch ? (
          policy.enabled ? (
            <button type="button" className="button button--danger-outline" aria-haspopup="dialog" onClick={() => setConfirmOff(true)}>
              Switch two-step verification off
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => void switchOn()}>
              Switch two-step verification on
            </button>
          )
        ) : null}
        <RememberDays days={policy.rememberDeviceDays} onSave={(days) => act(`Devices are remembered for ${days} days.`, () => call((a) => a.mfa.setRememberDays({ days })))} />
      </div>
      {confirmOff ? (
        <ConfirmDialog
          title="Switch two-step verification off?"
          consequence={
            <>
              <p>
                <strong>Operators will sign in with a password only.</strong> Nobody is asked for a code any more, so a password that was guessed, seen or stolen is enough to open
                an account — an administrator's too.
              </p>
              <p>What each operator set up (authenticator app or phone, recovery codes) is kept, and asked for again when it is switched back on.</p>
            </>
          }
          confirmLabel="Switch it off"
          cancelLabel="Keep it on"
          onConfirm={switchOff}
          onClose={() => setConfirmOff(false)}
        />
      ) : null}
    </section>
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
