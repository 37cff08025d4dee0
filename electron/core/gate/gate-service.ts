/**
 * The gate: one answer per scan, recorded. Checks and record are one transaction in which the
 * ticket's row is locked before deciding (PostgreSQL; SQLite serialises write transactions), so two
 * gates — two terminals on one store — scanning the same ticket at once admit it once. The scans
 * table is the record of each scan; the audit log gets summaries, from counts written in each scan's
 * own transaction (a crash loses none, and a scan never waits on the audit chain to be answered).
 */
import type { ScanResult, ScanView } from '../../../shared/delivery-views';
import type { GateCounts } from '../../../shared/venue-views';
import { fail, ok, type Result } from '../../../shared/result';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { normalizeBarcode } from '../delivery/barcode';
import { sameDay } from '../delivery/local-time';
import { sessionLocale } from '../delivery/locale';
import { text, translate, type MessageKey, type MessageValues } from '../../../shared/i18n/translator';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { GateRepo } from '../store/gate-repo';
import type { OrdersRepo } from '../store/orders-repo';
import type { Sql } from '../store/sql';
import type { Clock } from '../types';

/**
 * When the audit log gets its `gate.scans` summary: a refused scan at once; valid ones when this many
 * were scanned here since the last summary, or at the first scan once the last summary is a minute
 * old. A busy gate (thousands an hour) then pays for a summary — a write transaction of its own, and
 * the audit anchor in the keychain — once per thousand admissions, not once per hundred, and a quiet
 * one still has its admissions in the log within a minute of scanning on. Counts wait in the store
 * meanwhile: a crash loses none.
 */
export const SUMMARY_EVERY = 1_000;
export const SUMMARY_MAX_AGE_MS = 60_000;

/** A scanner may read one barcode twice in a row: within this, the same session's same barcode repeats its verdict. */
export const DOUBLE_READ_MS = 3_000;

export class GateService {
  /** Only says when to summarise; the counts themselves are in the store. */
  private scansSinceSummary = 0;
  /** When this process last summarised (it does at start): a quiet gate's admissions reach the log within a minute. */
  private lastSummaryAt: number;
  /** Each gate session's last verdict, for a scanner's double read. */
  private readonly lastVerdict = new Map<string, { eventId: number; barcode: string; view: ScanView }>();

  constructor(
    /** `settings`: the institution's language, for a gate operator who chose none. */
    private readonly d: { sql: Sql; gate: GateRepo; orders: OrdersRepo; audit: AuditLog; clock: Clock; terminal: string; settings: Pick<InstitutionSettings, 'get'> },
  ) {
    this.lastSummaryAt = d.clock.now();
  }

  async scan(session: Session, eventId: number, typed: string): Promise<Result<ScanView>> {
    const barcode = normalizeBarcode(typed);
    const at = this.d.clock.now();
    // The steward reads the verdict in her language.
    const locale = sessionLocale(session, this.d.settings);
    const say = (key: MessageKey, values?: MessageValues) => translate(locale, key, values);
    const last = this.lastVerdict.get(session.id);
    if (barcode && last && last.barcode === barcode && last.eventId === eventId && at - last.view.at < DOUBLE_READ_MS) return ok({ ...last.view, repeated: true });
    // The common case — a ticket of this event — costs one statement to decide (after the row lock on
    // PostgreSQL) and the record with its count; the event is read only when the ticket is not one of it.
    const view = await this.d.sql.transaction(async (): Promise<(ScanView & { ticketId: number | null }) | null> => {
      // Locks the ticket's row on PostgreSQL until this transaction ends: the decision below is this gate's alone.
      const facts = barcode ? await this.d.gate.decide(barcode) : undefined;
      if (facts?.eventId !== eventId && !(await this.d.orders.event(eventId))) return null; // nothing recorded
      const answer = (result: ScanResult, headline: string, detail: string | null = null) => ({ result, headline, detail, seat: facts?.seat ?? null, at, ticketId: facts?.ticketId ?? null });
      let outcome: ReturnType<typeof answer>;
      if (!facts) outcome = answer('unknown', say('coreData.gate.unknown'), say(barcode ? 'coreData.gate.notOurs' : 'coreData.gate.notABarcode'));
      else if (facts.revokedAt !== null)
        outcome = answer('revoked', say('coreData.gate.revoked'), say('coreData.gate.superseded', { duplicate: facts.currentGeneration - 1, at: facts.revokedAt }));
      else if (facts.eventId !== eventId) {
        const other = (await this.d.orders.event(facts.eventId))?.name;
        outcome = answer('otherEvent', say('coreData.gate.otherEvent'), say('coreData.gate.otherEventDetail', { event: other ?? '', known: other ? 'yes' : 'no' }));
      } else if (!facts.paid) outcome = answer('unpaid', say('coreData.gate.unpaid'), say('coreData.gate.unpaidDetail'));
      else {
        const first = facts.firstAdmission;
        const earlier = !first || first.generation === facts.generation ? 'same' : first.generation === 1 ? 'original' : 'duplicate';
        outcome = first
          ? answer('alreadyScanned', say('coreData.gate.alreadyScanned'), say('coreData.gate.admittedAt', { at: first.at, today: sameDay(first.at, at) ? 'yes' : 'no', gate: first.gate, earlier, duplicate: (first.generation ?? 1) - 1 }))
          : answer('valid', say('coreData.gate.valid'), facts.seat);
      }
      await this.d.gate.record({
        barcode: barcode ?? typed.slice(0, 64),
        ticketId: outcome.ticketId,
        eventId,
        at,
        gate: this.d.terminal,
        operatorId: session.operatorId,
        result: outcome.result,
        admittedGeneration: facts?.generation,
      });
      return outcome;
    });
    if (!view) return fail('NOT_FOUND', text('coreData.gate.chooseEvent'));
    this.scansSinceSummary += 1;
    if (this.scansSinceSummary >= SUMMARY_EVERY || at - this.lastSummaryAt >= SUMMARY_MAX_AGE_MS || view.result !== 'valid') {
      // The scan has committed: its verdict is the answer. A summary that fails leaves its counts pending for the next one.
      await this.summarise().catch((error: unknown) => console.error('[box-office] the gate summary failed; its counts stay pending:', error));
    }
    const { ticketId: _ticketId, ...rest } = view;
    if (barcode) this.lastVerdict.set(session.id, { eventId, barcode, view: rest });
    // One entry per gate session: a departed session's entry goes when the map grows past a few hundred.
    if (this.lastVerdict.size > 500) this.lastVerdict.delete(this.lastVerdict.keys().next().value!);
    return ok(rest);
  }

  /** This gate's and the venue's scans of an event (the gate screen's counters). */
  async counts(eventId: number): Promise<Result<GateCounts>> {
    if (!(await this.d.orders.event(eventId))) return fail('NOT_FOUND', text('coreData.gate.chooseEvent'));
    return ok({ eventId, gate: this.d.terminal, ...(await this.d.gate.counts(eventId, this.d.terminal)) });
  }

  /**
   * One `gate.scans` entry per event and operator with the counts by result since the last summary,
   * the counts taken (deleted and read in one statement) in the same transaction as the entries, so
   * two gates never summarise the same scans twice and none is lost. Also run at start, for counts a
   * crash left behind. Returns the number of entries written.
   */
  async summarise(): Promise<number> {
    this.scansSinceSummary = 0;
    this.lastSummaryAt = this.d.clock.now();
    return this.d.sql.transaction(async () => {
      const groups = new Map<string, { event: number; operatorId: number; login: string | null; counts: Record<string, number> }>();
      for (const row of await this.d.gate.takeTally()) {
        const key = `${row.eventId}:${row.operatorId}`;
        const group = groups.get(key) ?? { event: row.eventId, operatorId: row.operatorId, login: row.login, counts: {} };
        group.counts[row.result] = row.scans;
        groups.set(key, group);
      }
      for (const g of groups.values()) {
        const scans = Object.values(g.counts).reduce((a, b) => a + b, 0);
        await this.d.audit.append({ kind: 'gate.scans', actorId: g.operatorId, actorLogin: g.login, detail: { event: g.event, scans, ...g.counts } });
      }
      return groups.size;
    });
  }
}
