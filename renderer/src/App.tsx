import { useEffect } from 'react';
import { StoreBanner } from './components/StoreBanner';
import { BlockedScreen } from './screens/BlockedScreen';
import { EnrollmentScreen } from './screens/EnrollmentScreen';
import { RecoveryCodesScreen } from './screens/RecoveryCodesScreen';
import { SecondFactorScreen } from './screens/SecondFactorScreen';
import { HomeScreen } from './screens/HomeScreen';
import { LockScreen } from './screens/LockScreen';
import { NewPasswordScreen } from './screens/NewPasswordScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { useSession } from './state/session-store';
import { useLocale, useT } from './i18n';
import { isLocale } from '../../shared/i18n/locales';

/** Picks the screen from the session state; core decides the state, the page only follows it. */
export function App() {
  return (
    <>
      <StoreBanner />
      <Screen />
    </>
  );
}

function Screen() {
  const t = useT();
  const { info, blocked, session, recoveryCodes, load, refresh } = useSession();

  useEffect(() => {
    void load();
  }, [load]);

  // The operator's own language once she is known, the institution's before (and for operators who chose none).
  const own = session.state === 'signedOut' ? null : session.operator.language;
  useEffect(() => {
    if (!info) return;
    useLocale.getState().set(isLocale(own) ? own : info.language, info.timeZone);
  }, [info, own]);

  // Show the lock screen when the idle lock falls, without waiting for the next click.
  const lockAt = session.state === 'active' ? session.idleLockAt : null;
  useEffect(() => {
    if (!lockAt) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, lockAt - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [lockAt, refresh]);

  // The pending second step ends by itself after 5 minutes: follow it.
  const pendingUntil = session.state === 'secondFactor' || session.state === 'enrollment' || session.state === 'passwordChange' ? session.expiresAt : null;
  useEffect(() => {
    if (!pendingUntil) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, pendingUntil - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [pendingUntil, refresh]);

  // A slow heartbeat catches what timers cannot see (absolute limit, sign-out from elsewhere).
  useEffect(() => {
    if (session.state === 'signedOut') return;
    const timer = setInterval(() => void refresh(), 60_000);
    return () => clearInterval(timer);
  }, [session.state, refresh]);

  if (blocked) return <BlockedScreen error={blocked} />;
  if (!info) return <p className="loading" role="status">
        {t('common.startup.starting')}
      </p>;
  if (info.setupPending && session.state === 'signedOut') return <SetupScreen />;
  if (recoveryCodes && session.state === 'active') return <RecoveryCodesScreen codes={recoveryCodes} />;
  switch (session.state) {
    case 'signedOut':
      return <SignInScreen />;
    case 'locked':
      return <LockScreen />;
    case 'active':
      return <HomeScreen session={session} />;
    case 'secondFactor':
      return <SecondFactorScreen view={session} />;
    case 'enrollment':
      return <EnrollmentScreen view={session} />;
    case 'passwordChange':
      return <NewPasswordScreen view={session} />;
  }
}
