import type { LocalText } from '../../../../shared/i18n/translator';
import type { OperatorRow } from '../../../../shared/mfa-views';
import { SensitiveConfirmDialog } from '../../components/SensitiveConfirmDialog';
import type { SensitiveInput } from '../../components/SensitiveFields';
import { useT } from '../../i18n';
import { call } from '../../state/api';

type Act = (label: string, request: () => Promise<{ ok: boolean; error?: { message: string; text?: LocalText } }>) => Promise<void>;

export type SensitiveOperatorChange = { kind: 'release' | 'reset'; operator: OperatorRow };

/**
 * Releasing someone's two-step requirement (switching two-step off for her) and resetting her factors: sensitive
 * actions, so the dialog asks the admin's code again and a supervisor's approval when core will.
 */
export function SensitiveOperatorDialog({ change, act, onClose }: { change: SensitiveOperatorChange; act: Act; onClose: () => void }) {
  const t = useT();
  const { operator } = change;
  const release = change.kind === 'release';
  const name = operator.displayName;
  async function confirm(extra: SensitiveInput) {
    const result = release
      ? await call((a) => a.operators.setMfaRequired({ operatorId: operator.id, required: false, ...extra }))
      : await call((a) => a.operators.resetMfa({ operatorId: operator.id, ...extra }));
    if (!result.ok) return result.error;
    onClose();
    await act(t(release ? 'admin.operators.twoStepReleased' : 'admin.operators.twoStepReset', { name }), async () => ({ ok: true }));
    return null;
  }
  return (
    <SensitiveConfirmDialog
      action={release ? 'twoStepOff' : 'resetFactors'}
      title={t(release ? 'stepUp.release.title' : 'stepUp.resetFactors.title', { name })}
      consequence={<p>{t(release ? 'stepUp.release.consequence' : 'stepUp.resetFactors.consequence', { name })}</p>}
      confirmLabel={t(release ? 'stepUp.release.confirm' : 'stepUp.resetFactors.confirm')}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}
