import { useEffect, useState } from 'react';
import type { LocalText } from '../../../../shared/i18n/translator';
import type { MfaPolicyView } from '../../../../shared/mfa-views';
import { SensitiveConfirmDialog } from '../../components/SensitiveConfirmDialog';
import type { SensitiveInput } from '../../components/SensitiveFields';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { call } from '../../state/api';

type Act = (label: string, request: () => Promise<{ ok: boolean; error?: { message: string; text?: LocalText } }>) => Promise<void>;

/** The institution's two-step switch (service team only) and how long devices are remembered. */
export function TwoStepPolicyPanel({ policy, act }: { policy: MfaPolicyView; act: Act }) {
  const t = useT();
  const [confirmOff, setConfirmOff] = useState(false);
  const switchOn = () => act(t('admin.twoStep.nowOn'), () => call((a) => a.mfa.setFeature({ enabled: true })));
  // Switching off is sensitive: the dialog sends her code again and a supervisor's approval when core asks for them.
  const switchOff = async (extra: SensitiveInput) => {
    const result = await call((a) => a.mfa.setFeature({ enabled: false, ...extra }));
    if (!result.ok) return result.error;
    setConfirmOff(false);
    await act(t('admin.twoStep.nowOff'), async () => ({ ok: true }));
    return null;
  };
  return (
    <section className="panel" aria-labelledby="policy-title">
      <h1 id="policy-title">{t('admin.twoStep.title')}</h1>
      {/* Core's `policy.message` says the same in English only: the words are the catalogue's. */}
      <p className={policy.enabled ? 'status-on' : 'status-off'}>
        {t(policy.enabled ? 'admin.twoStep.statusOn' : policy.canSwitch ? 'admin.twoStep.statusOffSwitch' : 'admin.twoStep.statusOffAsk')}
      </p>
      <div className="actions">
        {policy.canSwitch ? (
          policy.enabled ? (
            <button type="button" className="button button--danger-outline" aria-haspopup="dialog" onClick={() => setConfirmOff(true)}>
              {t('admin.twoStep.switchOff')}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => void switchOn()}>
              {t('admin.twoStep.switchOn')}
            </button>
          )
        ) : null}
        <RememberDays days={policy.rememberDeviceDays} onSave={(days) => act(t('admin.twoStep.rememberSaved', { days }), () => call((a) => a.mfa.setRememberDays({ days })))} />
      </div>
      {confirmOff ? (
        <SensitiveConfirmDialog
          action="twoStepOff"
          title={t('admin.twoStep.confirmTitle')}
          consequence={
            <>
              <p>
                <strong>{t('admin.twoStep.confirmStrong')}</strong> {t('admin.twoStep.confirmRisk')}
              </p>
              <p>{t('admin.twoStep.confirmKept')}</p>
            </>
          }
          confirmLabel={t('admin.twoStep.confirm')}
          cancelLabel={t('admin.twoStep.keepOn')}
          onConfirm={switchOff}
          onClose={() => setConfirmOff(false)}
        />
      ) : null}
    </section>
  );
}

function RememberDays({ days, onSave }: { days: number; onSave: (days: number) => void }) {
  const t = useT();
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
      <Field label={t('admin.twoStep.rememberLabel')} name="rememberDays" type="number" min={0} max={90} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="button">
        {t('admin.twoStep.rememberSave')}
      </button>
    </form>
  );
}
