import type { JobView } from '../../../../shared/job-views';

const KIND = { print_at_home: 'Print@home for all', mobile: 'Mobile for all', reissue: 'Reissue for all' } as const;
const ENDED = { done: 'done', cancelled: 'cancelled', failed: 'failed', running: 'running' } as const;

function timeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}

/**
 * A job of this order: n of N with a progress bar and time left while it runs (Cancel stops it after
 * the batch being committed); once ended, the outcome, the tickets refused and the joined file to save.
 */
export function JobProgress({ job, shell, onCancel, onSave }: { job: JobView; shell: 'electron' | 'web' | undefined; onCancel: () => void; onSave: () => void }) {
  const running = job.state === 'running';
  const label = `${KIND[job.kind]}: ${job.done} of ${job.total}`;
  return (
    <section className="job" aria-label={`${KIND[job.kind]} job`}>
      <div className="job-head">
        <strong>{label}</strong>
        <span className="muted">{running ? (job.cancelRequested ? 'stopping after this batch…' : timeLeft(job.msLeft)) : `${ENDED[job.state]} · ${job.issued} issued${job.refusedCount ? ` · ${job.refusedCount} refused` : ''}`}</span>
      </div>
      <div className="job-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.done} aria-valuetext={`${job.done} of ${job.total}`}>
        <div className={`job-bar__fill job-bar__fill--${job.state}`} style={{ width: `${job.total ? (100 * job.done) / job.total : 0}%` }} />
      </div>
      {job.message ? <p className="muted">{job.message}</p> : null}
      {job.refusedCount > 0 ? (
        <details>
          <summary>
            {job.refusedCount} ticket(s) left as they were{job.refusedCount > job.refused.length ? ` (the first ${job.refused.length} shown)` : ''}
          </summary>
          <ul>
            {job.refused.map((r) => (
              <li key={r.ticketId}>
                Ticket {r.ticketId}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="actions">
        {running ? (
          <button type="button" className="button" onClick={onCancel} disabled={job.cancelRequested}>
            Cancel
          </button>
        ) : null}
        {job.result ? (
          <button type="button" className="button button--primary" onClick={onSave}>
            {shell === 'electron' ? 'Save…' : `Download ${job.result.fileName}`}
          </button>
        ) : null}
      </div>
    </section>
  );
}
