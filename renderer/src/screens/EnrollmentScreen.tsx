import type { SessionView } from '../../../shared/views';
import { Brand } from '../components/Brand';
import { EnrollPanel } from '../components/EnrollPanel';
import { formatWait, useCountdown } from '../components/useCountdown';
import { useSession } from '../state/session-store';

/** Required enrollment right after the password: nothing else is reachable until it is done. */
export function EnrollmentScreen({ view }: { view: Extract<SessionView, { state: 'enrollment' }> }) {
  const { setSession, showRecoveryCodes, signOut } = useSession();
  const left = useCountdown(view.expiresAt);
  return (
    <main className="card-page">
      <section className="card card--wide" aria-labelledby="enroll-title">
        <Brand />
        <h1 id="enroll-title">Set up two-step verification</h1>
        <p className="lead">
          {view.operator.displayName}, your institution asks you to confirm each sign-in with a second step: a code from an app on your phone or a text
          message. Choose one to continue.
        </p>
        <EnrollPanel
          onDone={({ recoveryCodes, session }) => {
            showRecoveryCodes(recoveryCodes);
            setSession(session);
          }}
        />
        <div className="actions actions--end">
          <span className="muted">Time left: {formatWait(left)}</span>
          <button type="button" className="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </section>
    </main>
  );
}
