import type { ActiveSession } from '../../../shared/views';
import { useT } from '../i18n';
import { useSession } from '../state/session-store';
import { Alert } from './Alert';

/**
 * Two-step is required of her but the admin allowed some sign-ins before setup: every screen says how many are
 * left (core counts them in the store), with the way to set it up now in My security.
 */
export function EnrollmentGraceNotice({ session, canSetUp }: { session: ActiveSession; canSetUp: boolean }) {
  const t = useT();
  const navigate = useSession((s) => s.navigate);
  if (!session.enrollmentGrace) return null;
  return (
    <Alert tone="warning">
      {t('emergency.grace.notice', { left: session.enrollmentGrace.left })}{' '}
      {canSetUp ? (
        <button type="button" className="button button--small" onClick={() => navigate('security')}>
          {t('emergency.grace.setUpNow')}
        </button>
      ) : null}
    </Alert>
  );
}
