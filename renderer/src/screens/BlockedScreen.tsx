import { useState } from 'react';
import type { AppError } from '../../../shared/result';
import { useSession } from '../state/session-store';

const TITLES: Partial<Record<AppError['code'], string>> = {
  // No keychain at all, or one without this venue's key: the message says which and what to do.
  VAULT_UNAVAILABLE: 'The keychain cannot be used',
  STORE_UNAVAILABLE: 'The data store cannot be used',
  FORBIDDEN: 'This page needs its access key',
};

/** Nothing works until this is fixed, so nothing else is shown. */
export function BlockedScreen({ error }: { error: AppError }) {
  const load = useSession((s) => s.load);
  const [busy, setBusy] = useState(false);
  return (
    <main className="card-page">
      <section className="card card--wide" aria-labelledby="blocked-title">
        <h1 id="blocked-title">{TITLES[error.code] ?? 'Box Office cannot start'}</h1>
        <div className="alert alert--error" role="alert">
          {error.message}
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await load();
            setBusy(false);
          }}
        >
          {busy ? 'Trying…' : 'Try again'}
        </button>
      </section>
    </main>
  );
}
