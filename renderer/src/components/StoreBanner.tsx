import { useEffect } from 'react';
import { errorText, useT } from '../i18n';
import { api } from '../state/api';
import { useConnection } from '../state/connection-store';

/** Shown above every screen while the venue database does not answer; nothing is lost meanwhile. */
export function StoreBanner() {
  const t = useT();
  const { unreachable, message, report } = useConnection();

  useEffect(() => {
    if (!unreachable) return;
    const timer = setInterval(() => {
      void api()
        .app.info({})
        .then((result) => report(result.ok ? null : result.error.code, result.ok ? '' : errorText(result.error)));
    }, 3_000);
    return () => clearInterval(timer);
  }, [unreachable, report]);

  if (!unreachable) return null;
  // Core's message starts with the same sentence as the title (in the same language): shown once.
  const title = t('common.storeBanner.title');
  return (
    <div className="store-banner" role="alert" aria-labelledby="store-banner-title">
      <strong id="store-banner-title">{title}</strong> {message.startsWith(title) ? message.slice(title.length).trimStart() : message}
    </div>
  );
}
