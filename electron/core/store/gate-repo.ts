/** SQL for the gate: what a barcode is, whether it already got in, the record of every scan and the counts not yet audited. */
import type { ScanResult } from '../../../shared/delivery-views';
import type { Sql } from './sql';

export interface BarcodeFacts {
  ticketId: number;
  generation: number;
  revokedAt: number | null;
  currentGeneration: number;
  eventId: number;
  seat: string;
  paid: boolean;
  /** The ticket's first admission, under any of its barcodes. */
  firstAdmission: { at: number; gate: string; generation: number } | undefined;
}

interface FactsRow {
  ticket_id: number;
  generation: number;
  revoked_at: number | null;
  current_generation: number;
  event_id: number;
  seat: string;
  paid: number;
  admitted_at: number | null;
  admitted_gate: string | null;
  admitted_generation: number | null;
}

/**
 * The barcode's facts and its ticket's first admission, kept on the ticket's row (migration 013):
 * three primary-key or unique reads, one statement in the dialect both engines share.
 *
 * The barcode is looked up in a MATERIALIZED CTE, not in the join's WHERE: better-sqlite3 builds
 * SQLite with STAT4, and SQLite then re-plans a join whose WHERE compares a bound value with an
 * indexed column every time the value changes: a re-prepare per scan, and better-sqlite3 compiles a
 * new row builder each time (this read took 21 µs that way, 6.5 µs this way, at 200,000 tickets here).
 * Compared inside the CTE, the value meets a one-table unique lookup, which is never re-planned.
 */
const FACTS = `WITH b AS MATERIALIZED (SELECT ticket_id, generation, revoked_at FROM barcodes WHERE barcode = ?)
  SELECT b.ticket_id, b.generation, b.revoked_at, t.generation AS current_generation, t.event_id, t.seat, o.paid,
    t.admitted_at, t.admitted_gate, t.admitted_generation
  FROM b JOIN tickets t ON t.id = b.ticket_id JOIN orders o ON o.id = t.order_id`;

export interface TallyRow {
  eventId: number;
  operatorId: number;
  login: string | null;
  result: ScanResult;
  scans: number;
}

export interface ScanRecord {
  barcode: string;
  ticketId: number | null;
  eventId: number;
  at: number;
  gate: string;
  operatorId: number;
  result: ScanResult;
  /** A valid scan: the generation of the barcode that got in, kept on the ticket as its first admission. */
  admittedGeneration?: number | undefined;
}

const INSERT_SCAN = 'INSERT INTO scans (barcode, ticket_id, event_id, at, gate, operator_id, result) VALUES (?, ?, ?, ?, ?, ?, ?)';
/** One row per event, gate, operator and result: the screen's count and the audit log's pending count in one upsert. */
const COUNT_UPSERT = 'ON CONFLICT (event_id, gate, operator_id, result) DO UPDATE SET scans = gate_counts.scans + 1, unsummarised = gate_counts.unsummarised + 1';
/** Only the first admission is kept: a later valid scan cannot happen (the decision sees this one), and the guard says so in SQL too. */
const ADMIT = 'UPDATE tickets SET admitted_at = ?, admitted_gate = ?, admitted_generation = ? WHERE id = ? AND admitted_at IS NULL';

/** SQLite: the scans not in gate_counts yet, those after the watermark (migration 014). */
const UNFOLDED = 'FROM scans WHERE id > (SELECT scan_id FROM gate_counts_folded)';
/**
 * SQLite: the counts of an event by gate and result, gate_counts plus the scans after the watermark, in
 * one statement (one snapshot: a fold by another terminal in between can neither hide nor double a scan).
 * The scans after the watermark are at most those since the last summary: a short range of ids.
 */
const SQLITE_COUNTS = `SELECT gate, result, sum(n) AS scans FROM (
    SELECT gate, result, scans AS n FROM gate_counts WHERE event_id = ?
    UNION ALL SELECT gate, result, 1 ${UNFOLDED} AND event_id = ?
  ) GROUP BY gate, result`;
/** SQLite: the scans after the watermark move into gate_counts, counted and not summarised yet; then the watermark moves. */
const FOLD = [
  `INSERT INTO gate_counts (event_id, gate, operator_id, result, scans, unsummarised)
     SELECT event_id, gate, operator_id, result, count(*), count(*) ${UNFOLDED} GROUP BY event_id, gate, operator_id, result
     ON CONFLICT (event_id, gate, operator_id, result) DO UPDATE SET scans = gate_counts.scans + excluded.scans, unsummarised = gate_counts.unsummarised + excluded.unsummarised`,
  'UPDATE gate_counts_folded SET scan_id = coalesce((SELECT max(id) FROM scans), scan_id)',
];

export class GateRepo {
  constructor(private readonly sql: Sql) {}

  /** One transaction (the store's): the scan's checks, its record and its count commit together. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  /**
   * What the barcode is and the ticket's first admission under any of its barcodes (a duplicate made
   * after the original got in must not let a second guest in), for a scan's decision, in one statement.
   * Call inside the scan's transaction: on PostgreSQL the barcode's ticket row is locked first (FOR
   * UPDATE, held until commit), so two gates scanning the same ticket — under this or any other of its
   * barcodes — decide one after the other, the second seeing the first's admission; a reissue of the
   * ticket also waits or is waited for. The facts are read by a statement after the lock (a new
   * snapshot), so they are the committed ones. SQLite needs no lock: its write transactions are
   * serialised (BEGIN IMMEDIATE, across processes too).
   */
  async decide(barcode: string): Promise<BarcodeFacts | undefined> {
    if (this.sql.kind === 'postgres') {
      await this.sql.get('SELECT t.id FROM tickets t WHERE t.id = (SELECT b.ticket_id FROM barcodes b WHERE b.barcode = ?) FOR UPDATE', [barcode]);
    }
    const row = await this.sql.get<FactsRow>(FACTS, [barcode]);
    return (
      row && {
        ticketId: row.ticket_id,
        generation: row.generation,
        revokedAt: row.revoked_at,
        currentGeneration: row.current_generation,
        eventId: row.event_id,
        seat: row.seat,
        paid: row.paid === 1,
        firstAdmission: row.admitted_at === null ? undefined : { at: row.admitted_at, gate: row.admitted_gate!, generation: row.admitted_generation! },
      }
    );
  }

  /**
   * Records the scan, counts it (for the gate screen and the audit log's next summary) and, when valid,
   * keeps it on the ticket as its first admission. Call in the scan's own transaction, after `decide`,
   * so all of it commits with the decision. PostgreSQL does it in one statement (data-modifying WITHs,
   * the count an atomic upsert): one round trip. SQLite has no round trip to save but pages to write:
   * the scan's own row is its count until the next summary folds it in (migration 014), so a valid
   * scan writes the scan's page and the ticket's, as raw SQLite would write the first.
   */
  async record(scan: ScanRecord): Promise<void> {
    const values = [scan.barcode, scan.ticketId, scan.eventId, scan.at, scan.gate, scan.operatorId, scan.result];
    const admitted = scan.result === 'valid' && scan.ticketId !== null && scan.admittedGeneration !== undefined;
    if (this.sql.kind === 'postgres') {
      const admit = admitted ? `, a AS (${ADMIT})` : '';
      await this.sql.run(
        `WITH s AS (${INSERT_SCAN} RETURNING event_id, gate, operator_id, result)${admit}
         INSERT INTO gate_counts (event_id, gate, operator_id, result, scans, unsummarised) SELECT event_id, gate, operator_id, result, 1, 1 FROM s ${COUNT_UPSERT}`,
        admitted ? [...values, scan.at, scan.gate, scan.admittedGeneration!, scan.ticketId] : values,
      );
      return;
    }
    await this.sql.run(INSERT_SCAN, values);
    if (admitted) await this.sql.run(ADMIT, [scan.at, scan.gate, scan.admittedGeneration!, scan.ticketId]);
  }

  /** Scans of an event by gate and result (kept as scans are recorded): this gate's and the venue's. */
  async counts(eventId: number, gate: string): Promise<{ thisGate: { admitted: number; refused: number }; venue: { admitted: number; refused: number } }> {
    const [query, params] = this.sql.kind === 'sqlite' ? [SQLITE_COUNTS, [eventId, eventId]] : ['SELECT gate, result, sum(scans) AS scans FROM gate_counts WHERE event_id = ? GROUP BY gate, result', [eventId]];
    const rows = await this.sql.all<{ gate: string; result: string; scans: number }>(query, params);
    const counts = { thisGate: { admitted: 0, refused: 0 }, venue: { admitted: 0, refused: 0 } };
    for (const r of rows) {
      const key = r.result === 'valid' ? 'admitted' : 'refused';
      counts.venue[key] += Number(r.scans);
      if (r.gate === gate) counts.thisGate[key] += Number(r.scans);
    }
    return counts;
  }

  /**
   * Takes the counts not summarised yet. Call inside the summary's transaction: if its audit entry
   * fails, the counts come back. The rows are read locked (FOR UPDATE on PostgreSQL; SQLite's write
   * transaction holds the whole store), then each gives back exactly what was read, so a scan counted
   * meanwhile by another terminal is neither lost nor summarised twice. On SQLite the scans after the
   * watermark are folded in first, in the same transaction.
   */
  async takeTally(): Promise<TallyRow[]> {
    if (this.sql.kind === 'sqlite') await this.fold();
    const lock = this.sql.kind === 'postgres' ? ' FOR UPDATE' : '';
    const pending = await this.sql.all<{ event_id: number; gate: string; operator_id: number; result: ScanResult; unsummarised: number }>(
      `SELECT event_id, gate, operator_id, result, unsummarised FROM gate_counts WHERE unsummarised > 0${lock}`,
    );
    const totals = new Map<string, { event_id: number; operator_id: number; result: ScanResult; scans: number }>();
    for (const row of pending) {
      await this.sql.run('UPDATE gate_counts SET unsummarised = unsummarised - ? WHERE event_id = ? AND gate = ? AND operator_id = ? AND result = ?', [
        row.unsummarised,
        row.event_id,
        row.gate,
        row.operator_id,
        row.result,
      ]);
      const key = `${row.event_id}:${row.operator_id}:${row.result}`;
      const total = totals.get(key) ?? { event_id: row.event_id, operator_id: row.operator_id, result: row.result, scans: 0 };
      total.scans += Number(row.unsummarised);
      totals.set(key, total);
    }
    const rows = [...totals.values()];
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => r.operator_id))];
    const logins = new Map(
      (await this.sql.all<{ id: number; login: string }>(`SELECT id, login FROM operators WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).map((o) => [o.id, o.login]),
    );
    return rows
      .map((r) => ({ eventId: r.event_id, operatorId: r.operator_id, login: logins.get(r.operator_id) ?? null, result: r.result, scans: r.scans }))
      .sort((a, b) => a.eventId - b.eventId || a.operatorId - b.operatorId || (a.result < b.result ? -1 : a.result > b.result ? 1 : 0));
  }

  /**
   * SQLite: counts the scans after the watermark into gate_counts and moves the watermark past them.
   * Inside a write transaction (the summary's), so max(id) is the last scan committed and no scan can
   * commit between the count and the move. The counts a screen reads do not change.
   */
  private async fold(): Promise<void> {
    if (!this.sql.inTransaction) throw new Error('GateRepo.fold runs inside a transaction');
    for (const statement of FOLD) await this.sql.run(statement);
  }
}
