/** SQL for the gate: what a barcode is, whether it already got in, and the record of every scan. */
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

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
