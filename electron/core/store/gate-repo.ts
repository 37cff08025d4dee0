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
}

export interface TallyRow {
  eventId: number;
  operatorId: number;
  login: string | null;
  result: ScanResult;
  scans: number;
}

export class GateRepo {
  constructor(private readonly sql: Sql) {}

  /** One transaction (the store's): the scan's checks, its record and its count commit together. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  /**
   * What the barcode is, for a scan's decision. Call inside the scan's transaction: on PostgreSQL the
   * barcode's ticket row is locked first (FOR UPDATE, held until commit), so two gates scanning the
   * same ticket — under this or any other of its barcodes — decide one after the other, the second
   * seeing the first's admission; a reissue of the ticket also waits or is waited for. The facts are
   * read after the lock, so they are the committed ones. SQLite needs no lock: its write transactions
   * are serialised (BEGIN IMMEDIATE, across processes too).
   */
  async lookup(barcode: string): Promise<BarcodeFacts | undefined> {
    if (this.sql.kind === 'postgres') {
      await this.sql.get('SELECT t.id FROM tickets t WHERE t.id = (SELECT b.ticket_id FROM barcodes b WHERE b.barcode = ?) FOR UPDATE', [barcode]);
    }
    const row = await this.sql.get<{ ticket_id: number; generation: number; revoked_at: number | null; current_generation: number; event_id: number; seat: string; paid: number }>(
      `SELECT b.ticket_id, b.generation, b.revoked_at, t.generation AS current_generation, t.event_id, t.seat, o.paid
       FROM barcodes b JOIN tickets t ON t.id = b.ticket_id JOIN orders o ON o.id = t.order_id WHERE b.barcode = ?`,
      [barcode],
    );
    return (
      row && {
        ticketId: row.ticket_id,
        generation: row.generation,
        revokedAt: row.revoked_at,
        currentGeneration: row.current_generation,
        eventId: row.event_id,
        seat: row.seat,
        paid: row.paid === 1,
      }
    );
  }

  /**
   * The ticket's first admission under any of its barcodes: a duplicate made after the original got
   * in must not let a second guest in. Uses barcodes_ticket, then the partial index scans_admitted.
   */
  async firstAdmission(ticketId: number): Promise<{ at: number; gate: string; generation: number } | undefined> {
    return this.sql.get<{ at: number; gate: string; generation: number }>(
      "SELECT s.at, s.gate, b.generation FROM barcodes b JOIN scans s ON s.barcode = b.barcode AND s.result = 'valid' WHERE b.ticket_id = ? ORDER BY s.at, s.id LIMIT 1",
      [ticketId],
    );
  }

  async record(scan: { barcode: string; ticketId: number | null; eventId: number; at: number; gate: string; operatorId: number; result: ScanResult }): Promise<void> {
    await this.sql.run('INSERT INTO scans (barcode, ticket_id, event_id, at, gate, operator_id, result) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      scan.barcode,
      scan.ticketId,
      scan.eventId,
      scan.at,
      scan.gate,
      scan.operatorId,
      scan.result,
    ]);
  }

  /** Counts the scan for the audit log's next summary: one atomic upsert; call in the scan's own transaction. */
  async tally(scan: { eventId: number; operatorId: number; result: ScanResult }): Promise<void> {
    await this.sql.run(
      'INSERT INTO gate_tally (event_id, operator_id, result, scans) VALUES (?, ?, ?, 1) ON CONFLICT (event_id, operator_id, result) DO UPDATE SET scans = gate_tally.scans + 1',
      [scan.eventId, scan.operatorId, scan.result],
    );
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
