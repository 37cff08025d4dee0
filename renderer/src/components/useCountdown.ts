import { useEffect, useState } from 'react';
import { tNow } from '../i18n';

/** Whole seconds left until `until` (epoch ms), ticking once a second; 0 when passed or null. */
export function useCountdown(until: number | null): number {
  const left = () => (until ? Math.max(0, Math.ceil((until - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!until) return;
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}

/** "1 min 05 s": a countdown in the current language (read when called: countdowns render every second). */
export const formatWait = (seconds: number): string =>
  seconds >= 60
    ? tNow('common.wait.minutes', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') })
    : tNow('common.wait.seconds', { seconds });
