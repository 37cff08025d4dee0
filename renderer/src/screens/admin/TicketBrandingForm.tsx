import { useId, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { InstitutionView, LogoView } from '../../../../shared/settings-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorText, useT, type Translate } from '../../i18n';
import { call } from '../../state/api';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** Core refuses bigger logos too; checked here first so a big file is never sent. */
export const LOGO_MAX_BYTES = 200 * 1024;
export const DOORS_MAX = 120;
export const TERMS_MAX = 600;

/** "Current logo: 240 × 80 px, 12 KB" */
export function currentLogo(t: Translate, logo: LogoView): string {
  const small = logo.bytes < 1024;
  return t('admin.branding.currentLogo', { width: logo.width, height: logo.height, unit: small ? 'bytes' : 'kb', amount: small ? logo.bytes : Math.round(logo.bytes / 1024) });
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
  const t = useT();
  return (
    <section className="panel" aria-labelledby="ticket-branding-title">
      <h2 id="ticket-branding-title">{t('admin.branding.title')}</h2>
      <p className="muted">{t('admin.branding.lead')}</p>
      <LogoSetting view={view} onSaved={onSaved} />
      <TicketTexts view={view} onSaved={onSaved} />
    </section>
  );
}

function LogoSetting({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const t = useT();
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
      return setError(t('admin.branding.logoTooLarge', { file: file.name, kb: Math.ceil(file.size / 1024) }));
    }
    setBusy('upload');
    let image: string;
    try {
      image = toBase64(await file.arrayBuffer());
    } catch {
      setBusy(null);
      input.value = '';
      return setError(t('admin.branding.unreadable'));
    }
    const result = await call((a) => a.settings.setLogo({ image }));
    setBusy(null);
    // Cleared either way, so the same file can be chosen again after fixing it.
    input.value = '';
    if (!result.ok) return setError(errorText(result.error));
    onSaved(result.value);
    setMessage(t('admin.branding.logoSaved'));
  }

  async function remove() {
    setMessage(null);
    setError(null);
    setBusy('remove');
    const result = await call((a) => a.settings.setLogo({ image: null }));
    setBusy(null);
    if (!result.ok) return setError(errorText(result.error));
    onSaved(result.value);
    setMessage(t('admin.branding.logoRemoved'));
  }

  return (
    <div className="ticket-logo">
      <figure className="ticket-logo__preview">
        <div className="ticket-logo__band">
          {logo ? <img className="ticket-logo__img" src={logo.dataUrl} alt={t('admin.branding.logoAlt')} /> : null}
          <span className="ticket-logo__name">
            <span className="ticket-logo__institution" translate="no">
              {view.name}
            </span>
            <span className="ticket-logo__kind">{t('admin.branding.kind')}</span>
          </span>
        </div>
        <figcaption className="ticket-logo__caption">{logo ? currentLogo(t, logo) : t('admin.branding.noLogo')}</figcaption>
      </figure>
      <div className="ticket-logo__controls">
        <Field
          label={t('admin.branding.logoLabel')}
          name="ticketLogo"
          type="file"
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          disabled={busy !== null}
          onChange={(e) => void choose(e)}
          error={error}
          hint={t('admin.branding.logoHint')}
        />
        {busy === 'upload' ? <p role="status">{t('admin.branding.logoSaving')}</p> : null}
        {message ? <Alert tone="info">{message}</Alert> : null}
        {logo ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void remove()}>
            {t(busy === 'remove' ? 'admin.branding.logoRemoving' : 'admin.branding.logoRemove')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

type TextErrors = { ticketDoors?: string; ticketTerms?: string };

function TicketTexts({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const t = useT();
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
      if (field === 'ticketDoors' || field === 'ticketTerms') return setErrors({ [field]: errorText(result.error) });
      return setMessage({ tone: 'error', text: errorText(result.error) });
    }
    onSaved(result.value);
    setDoors(result.value.ticketDoors ?? '');
    setTerms(result.value.ticketTerms ?? '');
    setMessage({ tone: 'info', text: t('admin.branding.textsSaved') });
  }

  return (
    <form className="ticket-texts" onSubmit={save} noValidate aria-label={t('admin.branding.texts')}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field
        label={t('admin.branding.doors')}
        name="ticketDoors"
        maxLength={DOORS_MAX}
        placeholder={t('admin.branding.doorsExample')}
        value={doors}
        onChange={(e) => setDoors(e.target.value)}
        error={errors.ticketDoors}
        hint={t('admin.branding.doorsHint', { max: DOORS_MAX })}
      />
      <TermsField value={terms} onChange={setTerms} error={errors.ticketTerms} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t(busy ? 'admin.branding.textsSaving' : 'admin.branding.textsSave')}
      </button>
    </form>
  );
}

/** One paragraph (the ticket wraps it), so line breaks become spaces; the count is what core counts. */
function TermsField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const t = useT();
  const id = useId();
  const left = TERMS_MAX - value.length;
  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{t('admin.branding.terms')}</label>
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
        placeholder={t('admin.branding.termsExample')}
      />
      <div className="field__foot">
        <div className="field__hint" id={`${id}-hint`}>
          {t('admin.branding.termsHint')}
        </div>
        <div className={`field__count${left <= 40 ? ' field__count--near' : ''}`} id={`${id}-count`} aria-live={left <= 40 ? 'polite' : 'off'}>
          {t('admin.branding.termsCount', { count: value.length, max: TERMS_MAX })}
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
