import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditPage, AuditVerification } from '../../../shared/audit-views';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { call } from '../state/api';

const PAGE = 50;
const toEpoch = (date: string, endOfDay: boolean) => (date ? new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}`).getTime() : undefined);

/** The audit log: filters, newest first, paged; Verify checks the chain, seals and anchor; export as CSV. */
export function AuditPanel() {
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
      else setError(result.error.message);
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
    else setError(result.error.message);
  }

  async function exportCsv() {
    const result = await call((a) => a.audit.exportCsv(filter()));
    if (!result.ok) return setError(result.error.message);
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
      <h2 id="audit-title">Audit log</h2>
      <form className="inline-form" onSubmit={search} noValidate>
        <Field label="Operator login" name="auditOperator" value={operator} onChange={(e) => setOperator(e.target.value)} />
        <Field label="Kind (e.g. auth. or delivery.)" name="auditKind" value={kind} onChange={(e) => setKind(e.target.value)} />
        <Field label="From" name="auditFrom" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Field label="To" name="auditTo" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="button button--primary">
          Filter
        </button>
        <button type="button" className="button" onClick={exportCsv}>
          Export CSV
        </button>
        <button type="button" className="button" onClick={verify}>
          Verify
        </button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {verification ? (
        verification.intact ? (
          <Alert tone="info">The log is intact: {verification.checked} entries checked, none edited or removed.</Alert>
        ) : (
          <Alert>
            The log was tampered with: {verification.message ?? `entry #${verification.firstBrokenId} was edited, or the entry before it was removed.`}
            {verification.unreadableIds.length > 0 ? ` Unreadable entries: ${verification.unreadableIds.map((id) => `#${id}`).join(', ')}.` : ''} Keep this machine as it is and tell your
            security contact.
          </Alert>
        )
      ) : null}
      {page ? (
        <>
          <table className="table" aria-label="Audit entries">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Operator</th>
                <th scope="col">Subject</th>
                <th scope="col">Terminal</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.kind}</td>
                  <td>{e.actorLogin ?? '—'}</td>
                  <td>{e.subject ?? '—'}</td>
                  <td>{e.terminal}</td>
                  <td className="muted small">
                    {e.unreadable !== null ? (
                      // Shown as stored, marked: a damaged entry is evidence, never hidden.
                      <>
                        <strong>Unreadable:</strong> {e.unreadable}
                      </>
                    ) : (
                      Object.entries(e.detail)
                        .map(([k, v]) => `${k}: ${String(v)}`)
                        .join(' · ')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button button--small" disabled={page.offset === 0} onClick={() => load(Math.max(0, page.offset - PAGE))}>
              Newer
            </button>
            <span className="muted">
              {page.total === 0 ? 'No entries' : `${page.offset + 1}–${Math.min(page.total, page.offset + PAGE)} of ${page.total}`}
            </span>
            <button type="button" className="button button--small" disabled={page.offset + PAGE >= page.total} onClick={() => load(page.offset + PAGE)}>
              Older
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
