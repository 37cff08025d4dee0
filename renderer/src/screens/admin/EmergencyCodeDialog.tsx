import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EmergencyCodeIssued, EmergencyCodeView } from '../../../../shared/emergency-views';
import type { OperatorRow } from '../../../../shared/mfa-views';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { SensitiveFields, useSensitive } from '../../components/SensitiveFields';
import { errorText, useFormat, useT } from '../../i18n';
import { call } from '../../state/api';
import { usePlain } from './plain';

const hasFactor = (o: OperatorRow) => o.methods.includes('totp') || o.methods.includes('sms');

/** The row's action: opens the dialog; the table reloads when it closes (the row's badge follows). */
export function EmergencyCodeAction({ operator, onClosed }: { operator: OperatorRow; onClosed: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      {/* Nothing to stand in for without a factor (core says so too); a code still usable can be revoked. */}
      <button
        type="button"
        className="button button--small"
        aria-label={t('emergency.admin.issueFor', { login: operator.login })}
        disabled={!hasFactor(operator) && operator.emergencyCodeUntil === null}
        onClick={() => setOpen(true)}
      >
        {t('emergency.admin.issue')}
      </button>
      {open ? (
        <EmergencyCodeDialog
          operator={operator}
          onClose={() => {
            setOpen(false);
            onClosed();
          }}
        />
      ) : null}
    </>
  );
}

/** In the operator's row: until when her emergency code works. */
export function EmergencyCodeBadge({ operator }: { operator: OperatorRow }) {
  const t = useT();
  const plain = usePlain();
  if (operator.emergencyCodeUntil === null) return null;
  return <span className="badge badge--warn">{t('emergency.admin.badge', { until: plain.date(operator.emergencyCodeUntil, 'time') })}</span>;
}

/**
 * An operator who cannot use her second factor today: the admin issues one code for one sign-in, shown here
 * once with its expiry; below, every code still usable, each with Revoke.
 */
function EmergencyCodeDialog({ operator, onClose }: { operator: OperatorRow; onClose: () => void }) {
  const t = useT();
  const plain = usePlain();
  const [issued, setIssued] = useState<EmergencyCodeIssued | null>(null);
  const [codes, setCodes] = useState<EmergencyCodeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A code is as good as her second factor for one sign-in: the admin proves herself again first when her last proof is old.
  const sensitive = useSensitive('emergencyCode');
  const name = operator.displayName;

  const load = useCallback(async () => {
    const result = await call((a) => a.operators.emergencyCodes());
    if (result.ok) setCodes(result.value);
    else setError(errorText(result.error));
  }, []);
  useEffect(() => void load(), [load]);

  async function issue(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!sensitive.validate()) return;
    setBusy(true);
    const result = await call((a) => a.operators.issueEmergencyCode({ operatorId: operator.id, ...sensitive.input() }));
    setBusy(false);
    if (result.ok) setIssued(result.value);
    // A refusal about her own code shows beside that field; the rest above.
    else if (!(await sensitive.place(result.error))) setError(errorText(result.error));
    await load();
  }

  async function revoke(code: EmergencyCodeView) {
    setError(null);
    const result = await call((a) => a.operators.revokeEmergencyCode({ codeId: code.id }));
    if (result.ok) {
      setCodes(result.value);
      // The code on screen is no longer worth handing over.
      if (code.operatorId === operator.id) setIssued(null);
    } else {
      setError(errorText(result.error));
      await load();
    }
  }

  return (
    <Modal title={t('emergency.admin.title', { name })} onClose={onClose} wide>
      <p className="lead">{t('emergency.admin.lead', { name })}</p>
      {error ? <Alert>{error}</Alert> : null}
      {!hasFactor(operator) ? <Alert tone="info">{t('emergency.core.noFactor', { name })}</Alert> : null}
      {issued ? (
        <div role="status">
          <p>
            <span className="visually-hidden">{t('emergency.admin.codeLabel', { name })}: </span>
            <code className="manual-key" translate="no">
              {issued.code}
            </code>
          </p>
          <p>{t('emergency.admin.shownOnce', { name, until: plain.date(issued.expiresAt, 'time') })}</p>
        </div>
      ) : (
        <form onSubmit={(event) => void issue(event)} noValidate>
          <SensitiveFields sensitive={sensitive} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy || !hasFactor(operator) || operator.disabled || (sensitive.loading && !sensitive.check)}>
              {t(busy ? 'emergency.admin.busy' : 'emergency.admin.submit')}
            </button>
          </div>
        </form>
      )}
      <h3 id="emergency-active-title">{t('emergency.admin.activeTitle')}</h3>
      {codes && codes.length === 0 ? <p className="muted">{t('emergency.admin.none')}</p> : null}
      {codes && codes.length > 0 ? <ActiveCodes codes={codes} onRevoke={revoke} /> : null}
    </Modal>
  );
}

function ActiveCodes({ codes, onRevoke }: { codes: EmergencyCodeView[]; onRevoke: (code: EmergencyCodeView) => Promise<void> }) {
  const t = useT();
  const f = useFormat();
  return (
    <table className="table" aria-labelledby="emergency-active-title">
      <thead>
        <tr>
          <th scope="col">{t('emergency.admin.col.operator')}</th>
          <th scope="col">{t('emergency.admin.col.issuedBy')}</th>
          <th scope="col">{t('emergency.admin.col.issuedAt')}</th>
          <th scope="col">{t('emergency.admin.col.expiresAt')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.operators.col.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {codes.map((c) => (
          <tr key={c.id}>
            <td translate="no">
              {c.operatorName} ({c.operatorLogin})
            </td>
            <td translate="no">{c.issuedBy}</td>
            <td>{f.date(c.issuedAt, 'dateTime')}</td>
            <td>{f.date(c.expiresAt, 'dateTime')}</td>
            <td>
              <button type="button" className="button button--small" aria-label={t('emergency.admin.revokeFor', { login: c.operatorLogin })} onClick={() => void onRevoke(c)}>
                {t('emergency.admin.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
