import type { SessionView } from '../../../shared/views';
import { Brand } from '../components/Brand';
import { ClockWarning } from '../components/ClockWarning';
import { EnrollPanel } from '../components/EnrollPanel';
import { formatWait, useCountdown } from '../components/useCountdown';
import { useT } from '../i18n';
import { useSession } from '../state/session-store';

/** Required enrollment right after the password: nothing else is reachable until it is done. */
export function EnrollmentScreen({ view }: { view: Extract<SessionView, { state: 'enrollment' }> }) {
  const t = useT();
  const { setSession, showRecoveryCodes, signOut } = useSession();
  const left = useCountdown(view.expiresAt);
  return (
    <main className="card-page">
      <section className="card card--wide" aria-labelledby="enroll-title">
        <Brand />
        <h1 id="enroll-title">{t('signIn.enrollment.title')}</h1>
        <p className="lead">{t('signIn.enrollment.lead', { name: view.operator.displayName })}</p>
        <ClockWarning warning={view.clockWarning} />
        <EnrollPanel
          onDone={({ recoveryCodes, session }) => {
            showRecoveryCodes(recoveryCodes);
            setSession(session);
          }}
        />
        <div className="actions actions--end">
          <span className="muted">{t('common.timeLeft', { wait: formatWait(left) })}</span>
          <button type="button" className="button" onClick={() => void signOut()}>
            {t('common.signOut')}
          </button>
        </div>
      </section>
    </main>
  );
}
