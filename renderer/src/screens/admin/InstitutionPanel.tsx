import { useEffect, useState, type FormEvent } from 'react';
import type { InstitutionView } from '../../../../shared/settings-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { call } from '../../state/api';
import { useSession } from '../../state/session-store';
import { SmsGatewayForm } from './SmsGatewayForm';
import { TicketBrandingForm } from './TicketBrandingForm';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** Name, session limits, kiosk idle time and password policy; the print@home ticket and the SMS gateway below. */
export function InstitutionPanel() {
  const [view, setView] = useState<InstitutionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call((a) => a.settings.get()).then((r) => (r.ok ? setView(r.value) : setError(r.error.message)));
  }, []);
  if (error) return <Alert>{error}</Alert>;
  if (!view) return <p role="status">Loading settings…</p>;
  return (
    <div className="stack">
      <GeneralSettings view={view} onSaved={setView} />
      <TicketBrandingForm view={view} onSaved={setView} />
      <SmsGatewayForm view={view} onSaved={setView} />
    </div>
  );
}

function GeneralSettings({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const load = useSession((s) => s.load);
  const [name, setName] = useState(view.name);
  const [idle, setIdle] = useState(String(view.idleLockMinutes));
  const [absolute, setAbsolute] = useState(String(view.absoluteHours));
  const [kioskIdle, setKioskIdle] = useState(String(view.kioskIdleMinutes));
  const [minLength, setMinLength] = useState(String(view.passwordPolicy.minLength));
  const [numberAndSymbol, setNumberAndSymbol] = useState(view.passwordPolicy.requireNumberAndSymbol);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const numbers = { idleLockMinutes: Number(idle), absoluteHours: Number(absolute), kioskIdleMinutes: Number(kioskIdle), minLength: Number(minLength) };
    const wrong = Object.entries(numbers).find(([, n]) => !Number.isInteger(n));
    if (wrong) return setMessage({ tone: 'error', text: 'Enter whole numbers for the times and the password length.' });
    setBusy(true);
    const result = await call((a) =>
      a.settings.update({
        name,
        idleLockMinutes: numbers.idleLockMinutes,
        absoluteHours: numbers.absoluteHours,
        kioskIdleMinutes: numbers.kioskIdleMinutes,
        passwordPolicy: { minLength: numbers.minLength, requireNumberAndSymbol: numberAndSymbol },
      }),
    );
    setBusy(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    onSaved(result.value);
    setMessage({ tone: 'info', text: 'Settings saved. New session limits apply from now on; the password policy applies to the next password set.' });
    // The name and the policy are part of the app info every screen reads.
    void load();
  }

  return (
    <section className="panel" aria-labelledby="institution-title">
      <h1 id="institution-title">Institution settings</h1>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={save} noValidate>
        <Field label="Institution name" name="institutionName" value={name} onChange={(e) => setName(e.target.value)} hint="Shown on the sign-in screen and as the issuer in authenticator apps." />
        <p className="muted">Session times can be made shorter than the defaults (15 minutes idle, 12 hours in all), never longer.</p>
        <div className="grid-3">
          <Field label="Idle lock (minutes)" name="idleLock" type="number" min={1} max={15} value={idle} onChange={(e) => setIdle(e.target.value)} />
          <Field label="Session limit (hours)" name="absoluteHours" type="number" min={1} max={12} value={absolute} onChange={(e) => setAbsolute(e.target.value)} />
          <Field label="Kiosk sign-out after (minutes)" name="kioskIdle" type="number" min={1} max={15} value={kioskIdle} onChange={(e) => setKioskIdle(e.target.value)} />
        </div>
        <div className="grid-2">
          <Field label="Minimum password length" name="minLength" type="number" min={12} max={64} value={minLength} onChange={(e) => setMinLength(e.target.value)} hint="12 to 64 characters." />
          <label className="check check--field">
            <input type="checkbox" checked={numberAndSymbol} onChange={(e) => setNumberAndSymbol(e.target.checked)} /> Passwords need a number and a symbol
          </label>
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </form>
    </section>
  );
}
