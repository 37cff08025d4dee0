import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditPage, AuditVerification } from '../../../shared/audit-views';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { errorText, useFormat, useT, type Translate } from '../i18n';
import { call } from '../state/api';
import { usePlain, type Plain } from './admin/plain';
import { describeEntry } from './audit/describe-entry';

const PAGE = 50;
const toEpoch = (date: string, endOfDay: boolean) => (date ? new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}`).getTime() : undefined);

/** What is wrong with the log, in words (core's `message` says the same in English only). */
function problemText(plain: Plain, v: AuditVerification): string {
  const id = v.firstBrokenId ?? 0;
  // For a cut log core points at the first entry missing: the one after the last left (none left: the first).
  if (v.problem === 'missing') return id <= 1 ? plain.t('audit.problem', { problem: 'missingAll', id }) : plain.t('audit.problem', { problem: 'missing', id, last: id - 1 });
  return plain.t('audit.problem', { problem: v.problem ?? 'edited', id, last: '' });
}

function tampered(t: Translate, plain: Plain, v: AuditVerification): string {
  return t('audit.tampered', {
    problem: problemText(plain, v),
    unreadableCount: v.unreadableIds.length,
    unreadable: v.unreadableIds.map((id) => `#${id}`).join(', '),
  });
}

/** The audit log: filters, newest first, paged; Verify checks the chain, seals and anchor; export as CSV. */
export function AuditPanel() {
  const t = useT();
  const f = useFormat();
  const plain = usePlain();
  const [operator, setOperator] = useState('');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState<AuditPage | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);

  const filter = useCallback(
    () => ({ operator: operator.trim() || undefined, kind: kind.trim() || undefined, from: toEpoch(from, false), to: toEpoch(to, true) }),
    [operator, kind, from, to],
  );

  const load = useCallback(
    async (offset: number) => {
      const result = await call((a) => a.audit.list({ ...filter(), offset, limit: PAGE }));
      if (result.ok) setPage(result.value);
      else setError(errorText(result.error));
    },
    [filter],
  );
  // Once, on opening (with empty filters); later loads follow the Filter button, not every keystroke.
  useEffect(() => {
    void load(0);
  }, []);

  async function verify() {
    const result = await call((a) => a.audit.verify());
    if (result.ok) setVerification(result.value);
    else setError(errorText(result.error));
  }

  async function exportCsv() {
    const result = await call((a) => a.audit.exportCsv(filter()));
    if (!result.ok) return setError(errorText(result.error));
    const url = URL.createObjectURL(new Blob([result.value.csv], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const search = (event: FormEvent) => {
    event.preventDefault();
    void load(0);
  };

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <form className="inline-form" onSubmit={search} noValidate>
        <Field label={t('audit.filter.operator')} name="auditOperator" translate="no" value={operator} onChange={(e) => setOperator(e.target.value)} />
        <Field label={t('audit.filter.kind')} name="auditKind" translate="no" value={kind} onChange={(e) => setKind(e.target.value)} />
        {/* Date inputs: the browser shows the day in its own language's order, never a US-style text to type. */}
        <Field label={t('audit.filter.from')} name="auditFrom" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Field label={t('audit.filter.to')} name="auditTo" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="button button--primary">
          {t('audit.filter.submit')}
        </button>
        <button type="button" className="button" onClick={exportCsv}>
          {t('audit.export')}
        </button>
        <button type="button" className="button" onClick={verify}>
          {t('audit.verify')}
        </button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {verification ? (
        verification.intact ? (
          <Alert tone="info">{t('audit.intact', { checked: verification.checked })}</Alert>
        ) : (
          <Alert>{tampered(t, plain, verification)}</Alert>
        )
      ) : null}
      {page ? (
        <>
          <table className="table" aria-label={t('audit.table')}>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.id')}</th>
                <th scope="col">{t('audit.col.time')}</th>
                <th scope="col">{t('audit.col.operator')}</th>
                <th scope="col">{t('audit.col.event')}</th>
                <th scope="col">{t('audit.col.terminal')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.id}>
                  <td translate="no">{e.id}</td>
                  <td>{f.date(e.at, 'dateTime')}</td>
                  {e.actorLogin !== null ? <td translate="no">{e.actorLogin}</td> : <td>{t('audit.value.none')}</td>}
                  <td>
                    {e.unreadable !== null ? (
                      // Shown as stored, marked: a damaged entry is evidence, never hidden.
                      <>
                        <strong>{t('audit.unreadable')}</strong> <span translate="no">{e.unreadable}</span>
                      </>
                    ) : (
                      <span>{describeEntry(e, t, plain)}</span>
                    )}
                    {/* The kind as stored: what the Kind filter and the CSV export use. */}
                    <div className="muted small">
                      <code translate="no">{e.kind}</code>
                    </div>
                  </td>
                  <td translate="no">{e.terminal}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button button--small" disabled={page.offset === 0} onClick={() => load(Math.max(0, page.offset - PAGE))}>
              {t('audit.newer')}
            </button>
            <span className="muted">
              {page.total === 0 ? t('audit.empty') : t('audit.range', { first: page.offset + 1, last: Math.min(page.total, page.offset + PAGE), total: page.total })}
            </span>
            <button type="button" className="button button--small" disabled={page.offset + PAGE >= page.total} onClick={() => load(page.offset + PAGE)}>
              {t('audit.older')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
