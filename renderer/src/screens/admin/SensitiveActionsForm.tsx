import { useState, type FormEvent } from 'react';
import type { ApprovalSettings, InstitutionView } from '../../../../shared/settings-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { SensitiveConfirmDialog } from '../../components/SensitiveConfirmDialog';
import type { SensitiveInput } from '../../components/SensitiveFields';
import type { AppError } from '../../../../shared/result';
import { APPROVAL_ACTIONS } from '../../../../shared/sensitive-views';
import { errorText, useT } from '../../i18n';
import { call } from '../../state/api';

const APPROVALS: readonly (keyof ApprovalSettings)[] = APPROVAL_ACTIONS;

/** How old an operator's last confirmation may be before a sensitive action asks again, and which actions a supervisor approves. */
export function SensitiveActionsForm({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const t = useT();
  const [minutes, setMinutes] = useState(String(view.stepUpMinutes));
  const [approvals, setApprovals] = useState<ApprovalSettings>(view.approvals);
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Approvals the institution requires now that this change switches off: core then asks a supervisor (and her code again). */
  const [switchingOff, setSwitchingOff] = useState<(keyof ApprovalSettings)[]>([]);

  async function send(stepUpMinutes: number, extra: SensitiveInput = {}): Promise<AppError | null> {
    setBusy(true);
    const result = await call((a) => a.settings.update({ stepUpMinutes, approvals, ...extra }));
    setBusy(false);
    if (!result.ok) return result.error;
    setSwitchingOff([]);
    onSaved(result.value);
    setMessage({ tone: 'info', text: t('stepUp.settings.saved') });
    return null;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const stepUpMinutes = Number(minutes);
    if (!Number.isInteger(stepUpMinutes) || stepUpMinutes < 1 || stepUpMinutes > 60) return setMinutesError(t('stepUp.settings.wholeMinutes'));
    setMinutesError(null);
    const off = APPROVALS.filter((action) => view.approvals[action] && !approvals[action]);
    if (off.length > 0) return setSwitchingOff(off);
    const refused = await send(stepUpMinutes);
    if (!refused) return;
    if (refused.field === 'stepUpMinutes') return setMinutesError(errorText(refused));
    setMessage({ tone: 'error', text: errorText(refused) });
  }

  return (
    <section className="panel" aria-labelledby="sensitive-title">
      <h2 id="sensitive-title">{t('stepUp.settings.title')}</h2>
      <p className="muted">{t('stepUp.settings.intro')}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={save} noValidate>
        <Field
          label={t('stepUp.settings.minutes')}
          name="stepUpMinutes"
          type="number"
          min={1}
          max={60}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={minutesError}
          hint={t('stepUp.settings.minutesHint')}
        />
        <fieldset className="radios">
          <legend>{t('stepUp.settings.approvals')}</legend>
          {APPROVALS.map((action) => (
            <label key={action} className="check">
              <input type="checkbox" name={`approval-${action}`} checked={approvals[action]} onChange={(e) => setApprovals({ ...approvals, [action]: e.target.checked })} /> {t('stepUp.settings.approval', { action })}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('stepUp.settings.save')}
        </button>
      </form>
      {switchingOff.length > 0 ? (
        <SensitiveConfirmDialog
          action="approvalsOff"
          title={t('stepUp.approvalsOff.title')}
          consequence={<p>{t('stepUp.approvalsOff.consequence', { actions: switchingOff.map((action) => t('stepUp.settings.approval', { action })).join('; ') })}</p>}
          confirmLabel={t('stepUp.approvalsOff.confirm')}
          onConfirm={(extra) => send(Number(minutes), extra)}
          onClose={() => setSwitchingOff([])}
        />
      ) : null}
    </section>
  );
}
