import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { EventView, ScanView } from '../../../shared/delivery-views';
import type { GateCounts } from '../../../shared/venue-views';
import { Alert } from '../components/Alert';
import { errorText, useFormat, useT, type Translate } from '../i18n';
import { call } from '../state/api';
import { useLiveChange } from '../state/live';
import { useSession } from '../state/session-store';
import { useWork } from '../state/work-store';
import { playVerdict } from './gate-sound';

/** Admit or not: only a valid ticket opens the gate; every other answer — "already scanned" included — is a refusal. */
const admits = (result: ScanView['result']) => result === 'valid';
const verdictClass = (result: ScanView['result']) => (admits(result) ? 'scan--valid' : 'scan--bad');
/** A verdict's headline in the reader's language, by its result (core's words for a result this screen does not know). */
const headline = (t: Translate, scan: ScanView) => t('gate.verdict.headline', { result: scan.result, headline: scan.headline });

const SOUND_KEY = 'box-office.gate.sound';
/** The event this gate scans for, remembered on this computer per terminal. */
const eventKey = (terminal: string | undefined) => `box-office.gate.event.${terminal ?? 'this-terminal'}`;

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // No storage (private window): nothing remembered, the gate still works.
  }
}

/** Keys that move through a closed select's options: the steward is still choosing, the focus stays. */
const CHOOSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * The gate: the verdict first, then the event and the barcode. Made for keyboard-wedge scanners: the
 * barcode field has the focus as soon as the gate opens and after each scan, and Enter submits, so a
 * scanner gun needs no mouse.
 */
export function GateScreen() {
  const t = useT();
  const f = useFormat();
  const terminal = useSession((s) => s.info?.terminal);
  const [events, setEvents] = useState<EventView[] | null>(null);
  const [eventId, setEventId] = useState<number | null>(null);
  const [barcode, setBarcode] = useState('');
  const [last, setLast] = useState<(ScanView & { n: number }) | null>(null);
  const recent = useWork((s) => s.recentScans);
  const [sound, setSound] = useState(() => readStorage(SOUND_KEY) !== 'off');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const counts = useGateCounts(eventId);
  /** Asks for the focus in the barcode field once it is enabled (after the render that enables it). */
  const [focusAsked, setFocusAsked] = useState(0);
  const lastSelectKey = useRef<{ key: string; at: number } | null>(null);

  useEffect(() => {
    void call((a) => a.gate.events()).then((r) => {
      if (!r.ok) return setError(errorText(r.error));
      setEvents(r.value);
      const remembered = Number(readStorage(eventKey(terminal)));
      const chosen = r.value.find((e) => e.id === remembered) ?? (r.value.length === 1 ? r.value[0] : undefined);
      if (chosen) {
        setEventId(chosen.id);
        setFocusAsked((n) => n + 1);
      }
    });
  }, [terminal]);

  useEffect(() => {
    if (focusAsked && eventId) input.current?.focus();
  }, [focusAsked, eventId]);

  function chooseEvent(id: number | null) {
    setEventId(id);
    setLast(null);
    writeStorage(eventKey(terminal), id === null ? null : String(id));
    // Chosen (a click, or Enter in the list): on to the barcode. Still moving through the options with the arrow keys: not yet.
    const key = lastSelectKey.current;
    const choosing = key !== null && Date.now() - key.at < 500 && (CHOOSING_KEYS.has(key.key) || key.key.length === 1);
    if (id !== null && !choosing) setFocusAsked((n) => n + 1);
  }

  function onSelectKey(e: KeyboardEvent<HTMLSelectElement>) {
    lastSelectKey.current = { key: e.key, at: Date.now() };
    if (e.key === 'Enter' && eventId) {
      e.preventDefault();
      setFocusAsked((n) => n + 1);
    }
  }

  function toggleSound(on: boolean) {
    setSound(on);
    writeStorage(SOUND_KEY, on ? 'on' : 'off');
  }

  async function scan(event: FormEvent) {
    event.preventDefault();
    if (!eventId || !barcode.trim()) return;
    const typed = barcode;
    setBarcode('');
    const result = await call((a) => a.gate.scan({ eventId, barcode: typed }));
    if (!result.ok) {
      setError(errorText(result.error));
      setLast(null);
    } else {
      const view = result.value;
      setError(null);
      setLast((previous) => ({ ...view, n: (previous?.n ?? 0) + 1 }));
      if (sound) playVerdict(admits(view.result));
      // A double read records nothing at core: it is no new scan in the list either.
      if (!view.repeated) useWork.getState().setRecentScans((r) => [{ ...view, n: (r[0]?.n ?? 0) + 1 }, ...r].slice(0, 8));
    }
    counts.refresh();
    input.current?.focus();
    // The field stays in view under the verdict (it already had the focus, so focusing scrolls nothing).
    input.current?.scrollIntoView({ block: 'nearest' });
  }

  const several = events !== null && events.length > 1;
  const hintId = 'gate-barcode-hint';

  return (
    <div className="stack">
      <section className="panel gate" aria-labelledby="gate-title">
        <h1 id="gate-title">{t('gate.title')}</h1>
        <Verdict last={last} ready={eventId !== null} loading={events === null} />
        <div className="gate__setup">
          <div className="field">
            <label htmlFor="gate-event">{t('gate.event')}</label>
            <select id="gate-event" value={eventId ?? ''} onKeyDown={onSelectKey} onChange={(e) => chooseEvent(Number(e.target.value) || null)}>
              <option value="">{t('gate.event.choose')}</option>
              {(events ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {t('gate.event.option', { name: e.name, venue: e.venue, startsAt: f.date(e.startsAt, 'event', e.timeZone) })}
                </option>
              ))}
            </select>
          </div>
          <label className="check gate__sound">
            <input type="checkbox" checked={sound} onChange={(e) => toggleSound(e.target.checked)} onClick={(e) => e.detail > 0 && setFocusAsked((n) => n + 1)} />
            {t('gate.sound')}
          </label>
        </div>
        {counts.value && counts.value.eventId === eventId ? <ScanCounts counts={counts.value} /> : null}
        <form onSubmit={scan} className="gate__form">
          <div className="field">
            <label htmlFor="gate-barcode">{t('gate.barcode')}</label>
            <input
              id="gate-barcode"
              ref={input}
              className="gate__input"
              autoComplete="off"
              spellCheck={false}
              disabled={!eventId}
              aria-describedby={!eventId && several ? hintId : undefined}
              value={barcode}
              onChange={(e) => setBarcode(e.target.value)}
              // The scanner types into whatever has focus: when the focus falls to nothing (a click on the
              // page), it comes back here. Moving on with Tab or to a dialog is left alone.
              onBlur={() =>
                setTimeout(() => {
                  const now = document.activeElement;
                  if (!now || now === document.body) input.current?.focus();
                }, 150)
              }
            />
            {!eventId && several ? (
              <div className="field__hint" id={hintId}>
                {t('gate.chooseEventFirst')}
              </div>
            ) : null}
          </div>
          <button type="submit" className="button button--primary" disabled={!eventId}>
            {t('gate.check')}
          </button>
        </form>
        {error ? <Alert>{error}</Alert> : null}
      </section>
      {recent.length ? (
        <section className="panel" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('gate.recent.title')}</h2>
          <ol className="recent">
            {recent.map((r) => (
              <li key={r.n} className={verdictClass(r.result)}>
                {t(admits(r.result) ? 'gate.recent.admitted' : 'gate.recent.refused', { time: f.date(r.at, 'time'), reason: headline(t, r), hasSeat: r.seat ? 'yes' : 'no', seat: r.seat ?? '' })}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/**
 * The verdict, at the top of the gate card (and kept in view when the page scrolls): green with a check
 * for a guest to admit, red with a cross for every refusal. The icons are decoration; the words are
 * announced at once.
 */
function Verdict({ last, ready, loading }: { last: (ScanView & { n: number }) | null; ready: boolean; loading: boolean }) {
  const t = useT();
  const admit = last ? admits(last.result) : false;
  return (
    <div className={`scan ${last ? verdictClass(last.result) : 'scan--idle'}`} role="status" aria-live="assertive" aria-label={t('gate.verdict.label')} data-verdict={last ? (admit ? 'admit' : 'refuse') : undefined}>
      {last ? (
        <>
          <span className="scan__headline">
            {admit ? <CheckIcon /> : <CrossIcon />}
            <span>{headline(t, last)}</span>
          </span>
          <span className="scan__verdict">{admit ? t('gate.verdict.admit') : t('gate.verdict.refuse')}</span>
          {last.detail ? (
            // A valid ticket's detail is its seat: data, not words.
            <span className="scan__detail" translate={admit ? 'no' : undefined}>
              {last.detail}
            </span>
          ) : null}
          {last.repeated ? <span className="scan__repeat">{t('gate.verdict.repeated')}</span> : null}
        </>
      ) : (
        <span className="scan__detail">{loading ? t('gate.verdict.opening') : ready ? t('gate.verdict.ready') : t('gate.chooseEventFirst')}</span>
      )}
    </div>
  );
}

function CheckIcon() {
  return (
    <svg className="scan__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="#fff" />
      <path d="M13 25l7.5 7.5L35.5 17" fill="none" stroke="currentColor" strokeWidth="5.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CrossIcon() {
  return (
    <svg className="scan__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="#fff" />
      <path d="M16 16l16 16M32 16L16 32" fill="none" stroke="currentColor" strokeWidth="5.5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The scans of the chosen event so far, here and at the whole venue: asked again after each scan at
 * this gate and whenever another gate of the venue scans for the same event.
 */
function useGateCounts(eventId: number | null): { value: GateCounts | null; refresh: () => void } {
  const [value, setValue] = useState<GateCounts | null>(null);
  const current = useRef(eventId);

  const refresh = useCallback(() => {
    const asked = current.current;
    if (!asked) return;
    void call((a) => a.gate.counts({ eventId: asked })).then((r) => {
      // An answer for an event no longer chosen is dropped.
      if (r.ok && current.current === asked) setValue(r.value);
    });
  }, []);

  useEffect(() => {
    current.current = eventId;
    setValue(null);
    refresh();
  }, [eventId, refresh]);
  useLiveChange((c) => c.kind === 'scan' && c.ref === current.current, refresh);
  return { value, refresh };
}

function ScanCounts({ counts }: { counts: GateCounts }) {
  const t = useT();
  return (
    <section className="gate__counts" aria-label={t('gate.counts.label')}>
      <p>
        {t('gate.counts.text', { gateAdmitted: counts.thisGate.admitted, gateRefused: counts.thisGate.refused, venueAdmitted: counts.venue.admitted, venueRefused: counts.venue.refused })}
      </p>
    </section>
  );
}
