/** SQL for the gate: what a barcode is, whether it already got in, the record of every scan and the counts not yet audited. */
import type { ScanResult } from '../../../shared/delivery-views';
import type { Db } from './database';

export interface BarcodeFacts {
  ticketId: number;
  generation: number;
  revokedAt: number | null;
  currentGeneration: number;
  eventId: number;
  seat: string;
  paid: boolean;
}

export class GateRepo {
  constructor(private readonly db: Db) {}

  lookup(barcode: string): BarcodeFacts | undefined {
    const row = this.db
      .prepare(
        `SELECT b.ticket_id, b.generation, b.revoked_at, t.generation AS current_generation, t.event_id, t.seat, o.paid
         FROM barcodes b JOIN tickets t ON t.id = b.ticket_id JOIN orders o ON o.id = t.order_id WHERE b.barcode = ?`,
      )
      .get(barcode) as { ticket_id: number; generation: number; revoked_at: number | null; current_generation: number; event_id: number; seat: string; paid: number } | undefined;
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
  firstAdmission(ticketId: number): { at: number; gate: string; generation: number } | undefined {
    return this.db
      .prepare("SELECT s.at, s.gate, b.generation FROM barcodes b JOIN scans s ON s.barcode = b.barcode AND s.result = 'valid' WHERE b.ticket_id = ? ORDER BY s.at, s.id LIMIT 1")
      .get(ticketId) as { at: number; gate: string; generation: number } | undefined;
  }

  record(scan: { barcode: string; ticketId: number | null; eventId: number; at: number; gate: string; operatorId: number; result: ScanResult }): void {
    this.db
      .prepare('INSERT INTO scans (barcode, ticket_id, event_id, at, gate, operator_id, result) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(scan.barcode, scan.ticketId, scan.eventId, scan.at, scan.gate, scan.operatorId, scan.result);
  }

  /** Counts the scan for the audit log's next summary; call in the scan's own transaction. */
  tally(scan: { eventId: number; operatorId: number; result: ScanResult }): void {
    this.db
      .prepare('INSERT INTO gate_tally (event_id, operator_id, result, scans) VALUES (?, ?, ?, 1) ON CONFLICT (event_id, operator_id, result) DO UPDATE SET scans = scans + 1')
      .run(scan.eventId, scan.operatorId, scan.result);
  }

  /** The counts not summarised yet, with the scanning operator's login. */
  pendingTally(): { eventId: number; operatorId: number; login: string | null; result: ScanResult; scans: number }[] {
    return this.db
      .prepare('SELECT t.event_id AS eventId, t.operator_id AS operatorId, o.login, t.result, t.scans FROM gate_tally t LEFT JOIN operators o ON o.id = t.operator_id ORDER BY t.event_id, t.operator_id, t.result')
      .all() as { eventId: number; operatorId: number; login: string | null; result: ScanResult; scans: number }[];
  }

  clearTally(): void {
    this.db.prepare('DELETE FROM gate_tally').run();
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
