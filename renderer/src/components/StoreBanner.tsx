import { useEffect } from 'react';
import { api } from '../state/api';
import { useConnection } from '../state/connection-store';

/** Shown above every screen while the venue database does not answer; nothing is lost meanwhile. */
export function StoreBanner() {
  const { unreachable, message, report } = useConnection();

  useEffect(() => {
    if (!unreachable) return;
    const timer = setInterval(() => {
      void api()
        .app.info({})
        .then((result) => report(result.ok ? null : result.error.code, result.ok ? '' : result.error.message));
    }, 3_000);
    return () => clearInterval(timer);
  }, [unreachable, report]);

  if (!unreachable) return null;
  return (
    <div className="store-banner" role="alert" aria-labelledby="store-banner-title">
      <strong id="store-banner-title">The venue database cannot be reached.</strong> {message.replace(/^The venue database cannot be reached\.\s*/, '')}
    </div>
  );
}
