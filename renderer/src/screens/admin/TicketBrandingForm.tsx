import { useId, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { InstitutionView, LogoView } from '../../../../shared/settings-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { call } from '../../state/api';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** Core refuses bigger logos too; checked here first so a big file is never sent. */
export const LOGO_MAX_BYTES = 200 * 1024;
export const DOORS_MAX = 120;
export const TERMS_MAX = 600;

const number = (n: number) => n.toLocaleString('en');

/** "240 × 80 px, 12 KB" */
export function logoSize(logo: LogoView): string {
  const size = logo.bytes < 1024 ? `${number(logo.bytes)} bytes` : `${number(Math.round(logo.bytes / 1024))} KB`;
  return `${number(logo.width)} × ${number(logo.height)} px, ${size}`;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: spreading 200 KB into one call would overflow the argument list.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The print@home ticket: the logo beside the institution's name, the doors line and the terms. */
export function TicketBrandingForm({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  return (
    <section className="panel" aria-labelledby="ticket-branding-title">
      <h2 id="ticket-branding-title">Print@home ticket</h2>
      <p className="muted">
        What every print@home ticket carries besides the order: your logo beside the institution&apos;s name, a doors line under the date and your terms at the foot.
        Tickets printed before a change keep their own file.
      </p>
      <LogoSetting view={view} onSaved={onSaved} />
      <TicketTexts view={view} onSaved={onSaved} />
    </section>
  );
}

function LogoSetting({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const logo = view.logo;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setMessage(null);
    setError(null);
    if (file.size > LOGO_MAX_BYTES) {
      input.value = '';
      return setError(`${file.name} is ${number(Math.ceil(file.size / 1024))} KB; the logo can be at most 200 KB (every print@home ticket carries it). Save it smaller and choose it again.`);
    }
    setBusy('upload');
    let image: string;
    try {
      image = toBase64(await file.arrayBuffer());
    } catch {
      setBusy(null);
      input.value = '';
      return setError('The file could not be read. Choose it again.');
    }
    const result = await call((a) => a.settings.setLogo({ image }));
    setBusy(null);
    // Cleared either way, so the same file can be chosen again after fixing it.
    input.value = '';
    if (!result.ok) return setError(result.error.message);
    onSaved(result.value);
    setMessage('The logo is saved. Tickets printed from now on carry it.');
  }

  async function remove() {
    setMessage(null);
    setError(null);
    setBusy('remove');
    const result = await call((a) => a.settings.setLogo({ image: null }));
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    onSaved(result.value);
    setMessage('The logo is removed. Tickets printed from now on show the institution\'s name alone.');
  }

  return (
    <div className="ticket-logo">
      <figure className="ticket-logo__preview">
        <div className="ticket-logo__band">
          {logo ? <img className="ticket-logo__img" src={logo.dataUrl} alt="Ticket logo" /> : null}
          <span className="ticket-logo__name">
            <span className="ticket-logo__institution">{view.name}</span>
            <span className="ticket-logo__kind">print@home ticket</span>
          </span>
        </div>
        <figcaption className="ticket-logo__caption">{logo ? <>Current logo: {logoSize(logo)}</> : 'No logo: the ticket shows the institution\'s name alone.'}</figcaption>
      </figure>
      <div className="ticket-logo__controls">
        <Field
          label="Ticket logo"
          name="ticketLogo"
          type="file"
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          disabled={busy !== null}
          onChange={(e) => void choose(e)}
          error={error}
          hint="A PNG or JPEG, at most 200 KB and 1,200 pixels a side. It is saved as soon as you choose it. The ticket's header is dark blue: a logo on a light background shows best."
        />
        {busy === 'upload' ? <p role="status">Saving the logo…</p> : null}
        {message ? <Alert tone="info">{message}</Alert> : null}
        {logo ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void remove()}>
            {busy === 'remove' ? 'Removing…' : 'Remove the logo'}
          </button>
        ) : null}
      </div>
    </div>
  );
}

type TextErrors = { ticketDoors?: string; ticketTerms?: string };

function TicketTexts({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const [doors, setDoors] = useState(view.ticketDoors ?? '');
  const [terms, setTerms] = useState(view.ticketTerms ?? '');
  const [errors, setErrors] = useState<TextErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    const result = await call((a) => a.settings.update({ ticketDoors: doors, ticketTerms: terms }));
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      if (field === 'ticketDoors' || field === 'ticketTerms') return setErrors({ [field]: result.error.message });
      return setMessage({ tone: 'error', text: result.error.message });
    }
    onSaved(result.value);
    setDoors(result.value.ticketDoors ?? '');
    setTerms(result.value.ticketTerms ?? '');
    setMessage({ tone: 'info', text: 'Ticket texts saved. Tickets printed from now on carry them.' });
  }

  return (
    <form className="ticket-texts" onSubmit={save} noValidate aria-label="Ticket texts">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field
        label="Doors and entrance"
        name="ticketDoors"
        maxLength={DOORS_MAX}
        placeholder="Doors 19:00 · Entrance B, Seefeldstrasse"
        value={doors}
        onChange={(e) => setDoors(e.target.value)}
        error={errors.ticketDoors}
        hint={`One line under the date, up to ${DOORS_MAX} characters. Leave it empty to print none.`}
      />
      <TermsField value={terms} onChange={setTerms} error={errors.ticketTerms} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save ticket texts'}
      </button>
    </form>
  );
}

/** One paragraph (the ticket wraps it), so line breaks become spaces; the count is what core counts. */
function TermsField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const id = useId();
  const left = TERMS_MAX - value.length;
  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>Terms</label>
      <textarea
        id={id}
        name="ticketTerms"
        className="field__textarea"
        rows={4}
        maxLength={TERMS_MAX}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onKeyDown={(e: KeyboardEvent<HTMLTextAreaElement>) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        onChange={(e) => onChange(e.target.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '))}
        placeholder="Tickets are not refunded or exchanged. Resale above the printed price is not allowed."
      />
      <div className="field__foot">
        <div className="field__hint" id={`${id}-hint`}>
          Printed small at the foot of the ticket, as one paragraph. Leave it empty to print none.
        </div>
        <div className={`field__count${left <= 40 ? ' field__count--near' : ''}`} id={`${id}-count`} aria-live={left <= 40 ? 'polite' : 'off'}>
          {number(value.length)} of {number(TERMS_MAX)} characters
        </div>
      </div>
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
