import { useEffect } from 'react';
import { BlockedScreen } from './screens/BlockedScreen';
import { HomeScreen } from './screens/HomeScreen';
import { LockScreen } from './screens/LockScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { useSession } from './state/session-store';

/** Picks the screen from the session state; core decides the state, the page only follows it. */
export function App() {
  const { info, blocked, session, load, refresh } = useSession();

  useEffect(() => {
    void load();
  }, [load]);

  // Show the lock screen when the idle lock falls, without waiting for the next click.
  const lockAt = session.state === 'active' ? session.idleLockAt : null;
  useEffect(() => {
    if (!lockAt) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, lockAt - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [lockAt, refresh]);

  // A slow heartbeat catches what timers cannot see (absolute limit, sign-out from elsewhere).
  useEffect(() => {
    if (session.state === 'signedOut') return;
    const timer = setInterval(() => void refresh(), 60_000);
    return () => clearInterval(timer);
  }, [session.state, refresh]);

  if (blocked) return <BlockedScreen error={blocked} />;
  if (!info) return <p className="loading" role="status">Starting Box Office…</p>;
  if (info.setupPending && session.state === 'signedOut') return <SetupScreen />;
  switch (session.state) {
    case 'signedOut':
      return <SignInScreen />;
    case 'locked':
      return <LockScreen />;
    case 'active':
      return <HomeScreen session={session} />;
  }
}
