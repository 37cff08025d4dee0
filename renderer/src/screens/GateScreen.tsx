import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { EventView, ScanView } from '../../../shared/delivery-views';
import type { GateCounts } from '../../../shared/venue-views';
import { Alert } from '../components/Alert';
import { call } from '../state/api';
import { useLiveChange } from '../state/live';

const RESULT_CLASS: Record<ScanView['result'], string> = {
  valid: 'scan--valid',
  alreadyScanned: 'scan--warn',
  revoked: 'scan--bad',
  unknown: 'scan--bad',
  otherEvent: 'scan--warn',
  unpaid: 'scan--bad',
};

/**
 * The gate: pick the event, then scan. Made for keyboard-wedge scanners: the barcode field keeps
 * the focus and Enter submits, so a scanner gun needs no mouse.
 */
export function GateScreen() {
  const [events, setEvents] = useState<EventView[]>([]);
  const [eventId, setEventId] = useState<number | null>(null);
  const [barcode, setBarcode] = useState('');
  const [last, setLast] = useState<ScanView | null>(null);
  const [recent, setRecent] = useState<(ScanView & { n: number })[]>([]);
  const counter = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const counts = useGateCounts(eventId);

  useEffect(() => {
    void call((a) => a.gate.events()).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setEvents(r.value);
      if (r.value.length === 1) setEventId(r.value[0]!.id);
    });
  }, []);

  async function scan(event: FormEvent) {
    event.preventDefault();
    if (!eventId || !barcode.trim()) return;
    const typed = barcode;
    setBarcode('');
    const result = await call((a) => a.gate.scan({ eventId, barcode: typed }));
    if (!result.ok) {
      setError(result.error.message);
      setLast(null);
    } else {
      setError(null);
      setLast(result.value);
      counter.current += 1;
      const n = counter.current;
      setRecent((r) => [{ ...result.value, n }, ...r].slice(0, 8));
    }
    counts.refresh();
    input.current?.focus();
  }

  return (
    <div className="stack">
      <section className="panel gate" aria-labelledby="gate-title">
        <h1 id="gate-title">Gate</h1>
        <div className="field">
          <label htmlFor="gate-event">Event</label>
          <select id="gate-event" value={eventId ?? ''} onChange={(e) => setEventId(Number(e.target.value) || null)}>
            <option value="">Choose the event at this gate…</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} — {e.venue}, {new Date(e.startsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: e.timeZone })}
              </option>
            ))}
          </select>
        </div>
        {counts.value && counts.value.eventId === eventId ? <ScanCounts counts={counts.value} /> : null}
        <form onSubmit={scan} className="gate__form">
          <div className="field">
            <label htmlFor="gate-barcode">Barcode</label>
            <input
              id="gate-barcode"
              ref={input}
              className="gate__input"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              disabled={!eventId}
              value={barcode}
              onChange={(e) => setBarcode(e.target.value)}
              // The scanner types into whatever has focus: keep it here.
              onBlur={() => setTimeout(() => document.querySelector('dialog[open]') || input.current?.focus(), 150)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={!eventId}>
            Check ticket
          </button>
        </form>
        {error ? <Alert>{error}</Alert> : null}
        <div className={`scan ${last ? RESULT_CLASS[last.result] : 'scan--idle'}`} role="status" aria-live="assertive" aria-label="Scan result">
          {last ? (
            <>
              <span className="scan__headline">{last.headline}</span>
              {last.detail ? <span className="scan__detail">{last.detail}</span> : null}
            </>
          ) : (
            <span className="scan__detail">{eventId ? 'Ready: scan a ticket.' : 'Choose the event first.'}</span>
          )}
        </div>
      </section>
      {recent.length ? (
        <section className="panel" aria-labelledby="recent-title">
          <h2 id="recent-title">Last scans</h2>
          <ol className="recent">
            {recent.map((r) => (
              <li key={r.n} className={RESULT_CLASS[r.result]}>
                {new Date(r.at).toLocaleTimeString()} — {r.headline}
                {r.seat ? ` · ${r.seat}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
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
  return (
    <section className="gate__counts" aria-label="Scans so far">
      <p>
        This gate: {counts.thisGate.admitted} admitted, {counts.thisGate.refused} refused · Venue: {counts.venue.admitted} admitted, {counts.venue.refused} refused
      </p>
    </section>
  );
}
