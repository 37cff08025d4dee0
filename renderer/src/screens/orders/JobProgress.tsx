import type { JobView } from '../../../../shared/job-views';
import { useT, type Translate } from '../../i18n';

function timeLeft(t: Translate, ms: number | null): string {
  if (ms === null) return t('orders.job.estimating');
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 60 ? t('orders.job.secondsLeft', { seconds }) : t('orders.job.minutesLeft', { minutes: Math.round(seconds / 60) });
}

/**
 * A job of this order: n of N with a progress bar and time left while it runs (Cancel stops it after
 * the batch being committed); once ended, the outcome, the tickets refused and the joined file to save.
 */
export function JobProgress({ job, shell, onCancel, onSave }: { job: JobView; shell: 'electron' | 'web' | undefined; onCancel: () => void; onSave: () => void }) {
  const t = useT();
  const running = job.state === 'running';
  const label = t('orders.job.progress', { kind: job.kind, done: job.done, total: job.total });
  const ended = job.refusedCount
    ? t('orders.job.endedRefused', { state: job.state, issued: job.issued, refused: job.refusedCount })
    : t('orders.job.ended', { state: job.state, issued: job.issued });
  return (
    <section className="job" aria-label={t('orders.job.label', { kind: job.kind })}>
      <div className="job-head">
        <strong>{label}</strong>
        <span className="muted">{running ? (job.cancelRequested ? t('orders.job.stopping') : timeLeft(t, job.msLeft)) : ended}</span>
      </div>
      <div className="job-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.done} aria-valuetext={t('orders.job.progressValue', { done: job.done, total: job.total })}>
        <div className={`job-bar__fill job-bar__fill--${job.state}`} style={{ width: `${job.total ? (100 * job.done) / job.total : 0}%` }} />
      </div>
      {job.message ? <p className="muted">{job.message}</p> : null}
      {job.refusedCount > 0 ? (
        <details>
          <summary>
            {job.refusedCount > job.refused.length ? t('orders.job.refusedFirst', { count: job.refusedCount, shown: job.refused.length }) : t('orders.job.refused', { count: job.refusedCount })}
          </summary>
          <ul>
            {job.refused.map((r) => (
              <li key={r.ticketId}>
                {t('orders.job.refusedTicket', { ticket: r.ticketId, reason: r.reason })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="actions">
        {running ? (
          <button type="button" className="button" onClick={onCancel} disabled={job.cancelRequested}>
            {t('orders.job.cancel')}
          </button>
        ) : null}
        {job.result ? (
          <button type="button" className="button button--primary" onClick={onSave}>
            {shell === 'electron' ? t('orders.job.save') : t('orders.job.download', { fileName: job.result.fileName })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
