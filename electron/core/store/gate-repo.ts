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
  first_at: number | null;
  first_gate: string | null;
  first_generation: number | null;
}

/**
 * The barcode's facts and its ticket's first valid scan (barcodes_ticket, then the partial index
 * scans_admitted), one statement in the dialect both engines share: one round trip fewer per scan.
 * "First" is the lowest id: decisions on a ticket are serialised (its row lock, SQLite's write lock),
 * so a ticket has one valid scan, and ids follow the order scans were recorded in. min() needs no sort
 * (ORDER BY … LIMIT 1 built a temporary B-tree on every scan).
 */
const FACTS = `SELECT b.ticket_id, b.generation, b.revoked_at, t.generation AS current_generation, t.event_id, t.seat, o.paid,
    fs.at AS first_at, fs.gate AS first_gate, fb.generation AS first_generation
  FROM barcodes b JOIN tickets t ON t.id = b.ticket_id JOIN orders o ON o.id = t.order_id
  LEFT JOIN scans fs ON fs.id = (SELECT min(s.id) FROM barcodes b2 JOIN scans s ON s.barcode = b2.barcode AND s.result = 'valid' WHERE b2.ticket_id = b.ticket_id)
  LEFT JOIN barcodes fb ON fb.barcode = fs.barcode
  WHERE b.barcode = ?`;

export interface TallyRow {
  eventId: number;
  operatorId: number;
  login: string | null;
  result: ScanResult;
  scans: number;
}

const INSERT_SCAN = 'INSERT INTO scans (barcode, ticket_id, event_id, at, gate, operator_id, result) VALUES (?, ?, ?, ?, ?, ?, ?)';
const COUNT_UPSERT = 'ON CONFLICT (event_id, operator_id, result) DO UPDATE SET scans = gate_tally.scans + 1';
const GATE_COUNT_UPSERT = 'ON CONFLICT (event_id, gate, result) DO UPDATE SET scans = scan_counts.scans + 1';

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
        firstAdmission: row.first_at === null ? undefined : { at: row.first_at, gate: row.first_gate!, generation: row.first_generation! },
      }
    );
  }

  /**
   * Records the scan and counts it for the audit log's next summary (an atomic upsert). Call in the
   * scan's own transaction, so the record and its count commit together. PostgreSQL does both in one
   * statement (a data-modifying WITH): one round trip; SQLite has no such statement and no round trip.
   */
  async record(scan: { barcode: string; ticketId: number | null; eventId: number; at: number; gate: string; operatorId: number; result: ScanResult }): Promise<void> {
    const values = [scan.barcode, scan.ticketId, scan.eventId, scan.at, scan.gate, scan.operatorId, scan.result];
    if (this.sql.kind === 'postgres') {
      await this.sql.run(
        `WITH s AS (${INSERT_SCAN} RETURNING event_id, operator_id, gate, result),
              g AS (INSERT INTO scan_counts (event_id, gate, result, scans) SELECT event_id, gate, result, 1 FROM s ${GATE_COUNT_UPSERT})
         INSERT INTO gate_tally (event_id, operator_id, result, scans) SELECT event_id, operator_id, result, 1 FROM s ${COUNT_UPSERT}`,
        values,
      );
      return;
    }
    await this.sql.run(INSERT_SCAN, values);
    await this.sql.run(`INSERT INTO gate_tally (event_id, operator_id, result, scans) VALUES (?, ?, ?, 1) ${COUNT_UPSERT}`, [scan.eventId, scan.operatorId, scan.result]);
    await this.sql.run(`INSERT INTO scan_counts (event_id, gate, result, scans) VALUES (?, ?, ?, 1) ${GATE_COUNT_UPSERT}`, [scan.eventId, scan.gate, scan.result]);
  }

  /** Scans of an event by gate and result (kept as scans are recorded): this gate's and the venue's. */
  async counts(eventId: number, gate: string): Promise<{ thisGate: { admitted: number; refused: number }; venue: { admitted: number; refused: number } }> {
    const rows = await this.sql.all<{ gate: string; result: string; scans: number }>('SELECT gate, result, scans FROM scan_counts WHERE event_id = ?', [eventId]);
    const counts = { thisGate: { admitted: 0, refused: 0 }, venue: { admitted: 0, refused: 0 } };
    for (const r of rows) {
      const key = r.result === 'valid' ? 'admitted' : 'refused';
      counts.venue[key] += Number(r.scans);
      if (r.gate === gate) counts.thisGate[key] += Number(r.scans);
    }
    return counts;
  }

  /**
   * Takes the counts not summarised yet: deletes them and returns exactly what it deleted, in one
   * statement, so a scan counted meanwhile by another terminal is neither lost nor summarised twice
   * (it waits for this transaction, then starts a new row). Call inside the summary's transaction:
   * if its audit entry fails, the counts come back.
   */
  async takeTally(): Promise<TallyRow[]> {
    const rows = await this.sql.all<{ event_id: number; operator_id: number; result: ScanResult; scans: number }>('DELETE FROM gate_tally RETURNING event_id, operator_id, result, scans');
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => r.operator_id))];
    const logins = new Map(
      (await this.sql.all<{ id: number; login: string }>(`SELECT id, login FROM operators WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).map((o) => [o.id, o.login]),
    );
    return rows
      .map((r) => ({ eventId: r.event_id, operatorId: r.operator_id, login: logins.get(r.operator_id) ?? null, result: r.result, scans: r.scans }))
      .sort((a, b) => a.eventId - b.eventId || a.operatorId - b.operatorId || (a.result < b.result ? -1 : a.result > b.result ? 1 : 0));
  }
}
