import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/result';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { errorText, useT, type MessageKey } from '../i18n';
import { call } from '../state/api';
import { useSession } from '../state/session-store';

const TITLES: Partial<Record<AppError['code'], MessageKey>> = {
  // No keychain at all, or one without this venue's key: the message says which and what to do.
  VAULT_UNAVAILABLE: 'signIn.blocked.vault',
  STORE_UNAVAILABLE: 'signIn.blocked.store',
  FORBIDDEN: 'signIn.blocked.forbidden',
  TERMINAL_REVOKED: 'signIn.blocked.revoked',
  VENUE_UPGRADE_REQUIRED: 'signIn.blocked.upgrade',
};

/** Nothing works until this is fixed, so nothing else is shown. */
const UPGRADE_RECHECK_MS = 30_000;

export function BlockedScreen({ error }: { error: AppError }) {
  const t = useT();
  const load = useSession((s) => s.load);
  const [busy, setBusy] = useState(false);
  // Where the screen offers its own way out, "Try again" is the second choice.
  const ownAction = error.code === 'TERMINAL_REVOKED' || error.code === 'VENUE_UPGRADE_REQUIRED';
  // Waiting for an upgrade another terminal's admin runs: look again by itself every half minute.
  const waitsForUpgrade = error.code === 'VENUE_UPGRADE_REQUIRED';
  useEffect(() => {
    if (!waitsForUpgrade) return;
    const timer = setInterval(() => void load(), UPGRADE_RECHECK_MS);
    return () => clearInterval(timer);
  }, [waitsForUpgrade, load]);
  return (
    <main className="card-page">
      <section className="card card--wide" aria-labelledby="blocked-title">
        <h1 id="blocked-title">{t(TITLES[error.code] ?? 'signIn.blocked.other')}</h1>
        <div className="alert alert--error" role="alert">
          {errorText(error)}
        </div>
        {error.code === 'TERMINAL_REVOKED' ? <LeaveVenue /> : null}
        {error.code === 'VENUE_UPGRADE_REQUIRED' ? <UpgradeVenue /> : null}
        <button
          type="button"
          className={ownAction ? 'button spaced' : 'button button--primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await load();
            setBusy(false);
          }}
        >
          {busy ? t('signIn.blocked.trying') : t('signIn.blocked.tryAgain')}
        </button>
      </section>
    </main>
  );
}

/** A revoked terminal forgets the venue and starts again as a fresh one, which may join again with a new code. */
function LeaveVenue() {
  const t = useT();
  const load = useSession((s) => s.load);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function leave() {
    setBusy(true);
    setError(null);
    const result = await call((a) => a.venue.leave());
    if (result.ok) {
      await load();
      return;
    }
    setBusy(false);
    setError(errorText(result.error));
  }

  return (
    <div className="blocked-action">
      <p className="lead">{t('signIn.blocked.leaveLead')}</p>
      {error ? <Alert>{error}</Alert> : null}
      <button type="button" className="button button--danger" disabled={busy} onClick={() => void leave()}>
        {busy ? t('signIn.blocked.leaving') : t('signIn.blocked.leave')}
      </button>
    </div>
  );
}

type UpgradeErrors = Partial<Record<'ownerLogin' | 'ownerPassword' | 'form', string>>;

/** Runs this release's migrations on the venue database with its owner's credentials, used once and not kept. */
function UpgradeVenue() {
  const t = useT();
  const load = useSession((s) => s.load);
  const [ownerLogin, setOwnerLogin] = useState('');
  const [ownerPassword, setOwnerPassword] = useState('');
  const [errors, setErrors] = useState<UpgradeErrors>({});
  const [busy, setBusy] = useState(false);

  async function upgrade(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const result = await call((a) => a.venue.upgrade({ ownerLogin, ownerPassword }));
    setOwnerPassword('');
    if (result.ok) {
      await load();
      return;
    }
    setBusy(false);
    const field = result.error.field;
    setErrors({ [field === 'ownerLogin' || field === 'ownerPassword' ? field : 'form']: errorText(result.error) });
  }

  return (
    <form className="blocked-action" onSubmit={upgrade} noValidate aria-labelledby="upgrade-title">
      <h2 id="upgrade-title">{t('signIn.blocked.upgradeTitle')}</h2>
      <p className="lead">{t('signIn.blocked.upgradeLead')}</p>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="grid-2">
        <Field label={t('signIn.setup.ownerLogin')} name="ownerLogin" autoComplete="off" spellCheck={false} value={ownerLogin} onChange={(e) => setOwnerLogin(e.target.value)} error={errors.ownerLogin} />
        <Field label={t('signIn.setup.ownerPassword')} name="ownerPassword" type="password" autoComplete="off" value={ownerPassword} onChange={(e) => setOwnerPassword(e.target.value)} error={errors.ownerPassword} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('signIn.blocked.upgrading') : t('signIn.blocked.upgradeVenue')}
      </button>
    </form>
  );
}
