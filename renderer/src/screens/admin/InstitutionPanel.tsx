import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { isTimeZone, LOCALE_NAMES, LOCALES, type Locale } from '../../../../shared/i18n/locales';
import type { InstitutionView } from '../../../../shared/settings-views';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorText, useT } from '../../i18n';
import { call } from '../../state/api';
import { useSession } from '../../state/session-store';
import { SensitiveActionsForm } from './SensitiveActionsForm';
import { SmsGatewayForm } from './SmsGatewayForm';
import { TicketBrandingForm } from './TicketBrandingForm';

type Message = { tone: 'error' | 'info'; text: string } | null;

/** Every IANA zone this browser knows, for the time zone field's suggestions (read once). */
let zones: string[] | null = null;
const timeZones = (): string[] => {
  if (!zones) {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
  }
  return zones;
};

/** Name, language, time zone, session limits, kiosk idle time and password policy; the print@home ticket and the SMS gateway below. */
export function InstitutionPanel() {
  const t = useT();
  const [view, setView] = useState<InstitutionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call((a) => a.settings.get()).then((r) => (r.ok ? setView(r.value) : setError(errorText(r.error))));
  }, []);
  if (error) return <Alert>{error}</Alert>;
  if (!view) return <p role="status">{t('admin.institution.loading')}</p>;
  return (
    <div className="stack">
      <GeneralSettings view={view} onSaved={setView} />
      <SensitiveActionsForm view={view} onSaved={setView} />
      <TicketBrandingForm view={view} onSaved={setView} />
      <SmsGatewayForm view={view} onSaved={setView} />
    </div>
  );
}

function GeneralSettings({ view, onSaved }: { view: InstitutionView; onSaved: (view: InstitutionView) => void }) {
  const t = useT();
  const load = useSession((s) => s.load);
  const languageId = useId();
  const zonesId = useId();
  const [name, setName] = useState(view.name);
  const [language, setLanguage] = useState<Locale>(view.language);
  const [timeZone, setTimeZone] = useState(view.timeZone);
  const [zoneError, setZoneError] = useState<string | null>(null);
  const zoneOptions = useMemo(timeZones, []);
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
    if (wrong) return setMessage({ tone: 'error', text: t('admin.institution.wholeNumbers') });
    const zone = timeZone.trim();
    if (!isTimeZone(zone) || zone === '') {
      setMessage(null);
      return setZoneError(t('admin.institution.timeZoneInvalid'));
    }
    setZoneError(null);
    setBusy(true);
    const result = await call((a) =>
      a.settings.update({
        name,
        idleLockMinutes: numbers.idleLockMinutes,
        absoluteHours: numbers.absoluteHours,
        kioskIdleMinutes: numbers.kioskIdleMinutes,
        passwordPolicy: { minLength: numbers.minLength, requireNumberAndSymbol: numberAndSymbol },
        language,
        timeZone: zone,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'timeZone') return setZoneError(errorText(result.error));
      return setMessage({ tone: 'error', text: errorText(result.error) });
    }
    onSaved(result.value);
    setTimeZone(result.value.timeZone);
    setMessage({ tone: 'info', text: t('admin.institution.saved') });
    // The name, the language, the time zone and the policy are part of the app info every screen reads.
    void load();
  }

  return (
    <section className="panel" aria-labelledby="institution-title">
      <h1 id="institution-title">{t('admin.institution.title')}</h1>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={save} noValidate>
        <Field label={t('admin.institution.name')} name="institutionName" value={name} onChange={(e) => setName(e.target.value)} hint={t('admin.institution.nameHint')} />
        <div className="grid-2">
          <div className="field">
            <label htmlFor={languageId}>{t('admin.institution.language')}</label>
            <select id={languageId} name="language" aria-describedby={`${languageId}-hint`} value={language} onChange={(e) => setLanguage(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                // Each language named in itself: data, not translated.
                <option key={l} value={l} lang={l} translate="no">
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
            <div className="field__hint" id={`${languageId}-hint`}>
              {t('admin.institution.languageHint')}
            </div>
          </div>
          <Field
            label={t('admin.institution.timeZone')}
            name="timeZone"
            list={zonesId}
            autoComplete="off"
            spellCheck={false}
            translate="no"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            error={zoneError}
            hint={t('admin.institution.timeZoneHint')}
          />
          <datalist id={zonesId}>
            {zoneOptions.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <p className="muted">{t('admin.institution.sessionNote')}</p>
        <div className="grid-3">
          <Field label={t('admin.institution.idleLock')} name="idleLock" type="number" min={1} max={15} value={idle} onChange={(e) => setIdle(e.target.value)} />
          <Field label={t('admin.institution.sessionLimit')} name="absoluteHours" type="number" min={1} max={12} value={absolute} onChange={(e) => setAbsolute(e.target.value)} />
          <Field label={t('admin.institution.kioskIdle')} name="kioskIdle" type="number" min={1} max={15} value={kioskIdle} onChange={(e) => setKioskIdle(e.target.value)} />
        </div>
        <div className="grid-2">
          <Field
            label={t('admin.institution.minLength')}
            name="minLength"
            type="number"
            min={12}
            max={64}
            value={minLength}
            onChange={(e) => setMinLength(e.target.value)}
            hint={t('admin.institution.minLengthHint')}
          />
          <label className="check check--field">
            <input type="checkbox" checked={numberAndSymbol} onChange={(e) => setNumberAndSymbol(e.target.checked)} /> {t('admin.institution.numberAndSymbol')}
          </label>
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(busy ? 'admin.institution.saving' : 'admin.institution.save')}
        </button>
      </form>
    </section>
  );
}
