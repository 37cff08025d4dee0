import { useEffect, useState } from 'react';
import type { MfaPolicyView } from '../../../../shared/mfa-views';
import { Field } from '../../components/Field';
import { call } from '../../state/api';

type Act = (label: string, request: () => Promise<{ ok: boolean; error?: { message: string } }>) => Promise<void>;

/** The institution's two-step switch (service team only) and how long devices are remembered. */
export function TwoStepPolicyPanel({ policy, act }: { policy: MfaPolicyView; act: Act }) {
  return (
    <section className="panel" aria-labelledby="policy-title">
      <h1 id="policy-title">Two-step verification</h1>
      <p className={policy.enabled ? 'status-on' : 'status-off'}>{policy.message}</p>
      <div className="actions">
        {policy.canSwitch ? (
          <button type="button" className="button button--primary" onClick={() => act(policy.enabled ? 'Two-step verification is now off.' : 'Two-step verification is now on.', () => call((a) => a.mfa.setFeature({ enabled: !policy.enabled })))}>
            {policy.enabled ? 'Switch two-step verification off' : 'Switch two-step verification on'}
          </button>
        ) : null}
        <RememberDays days={policy.rememberDeviceDays} onSave={(days) => act(`Devices are remembered for ${days} days.`, () => call((a) => a.mfa.setRememberDays({ days })))} />
      </div>
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
