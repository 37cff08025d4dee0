/** What must hold in the store after any race or crash: one state per ticket, and a PDF exactly with print@home. */
import Database from 'better-sqlite3';
import { expect } from 'vitest';

export function checkDeliveryInvariants(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const orphanDocs = db.prepare("SELECT count(*) AS n FROM ticket_documents d JOIN tickets t ON t.id = d.ticket_id AND t.generation = d.generation WHERE t.delivery <> 'print_at_home'").get();
  const printsWithoutDoc = db.prepare("SELECT count(*) AS n FROM tickets t LEFT JOIN ticket_documents d ON d.ticket_id = t.id AND d.generation = t.generation WHERE t.delivery = 'print_at_home' AND d.ticket_id IS NULL").get();
  const states = db.prepare('SELECT delivery, count(*) AS n FROM tickets GROUP BY delivery').all() as { delivery: string; n: number }[];
  db.close();
  expect(orphanDocs).toEqual({ n: 0 });
  expect(printsWithoutDoc).toEqual({ n: 0 });
  return Object.fromEntries(states.map((s) => [s.delivery, s.n]));
}

/**
 * What must hold in the audit log after any crash: every issued ticket has its entry (print@home by
 * ticket, mobile by count), and every recorded scan is counted once, summarised or still pending.
 */
export function checkAuditInvariants(file: string): void {
  const db = new Database(file, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  const printsWithoutEntry = db
    .prepare(
      `SELECT t.id FROM tickets t WHERE t.delivery = 'print_at_home' AND NOT EXISTS (
         SELECT 1 FROM audit_log a WHERE a.kind = 'delivery.print-issued'
           AND json_extract(a.detail, '$.ticket') = t.id AND json_extract(a.detail, '$.generation') = t.generation)`,
    )
    .all();
  const mobile = one("SELECT count(*) AS n FROM tickets WHERE delivery = 'mobile'");
  const mobileAudited = one("SELECT sum(json_extract(detail, '$.tickets')) AS n FROM audit_log WHERE kind = 'delivery.mobile-issued'");
  const scans = one('SELECT count(*) AS n FROM scans');
  const counted = one("SELECT sum(json_extract(detail, '$.scans')) AS n FROM audit_log WHERE kind = 'gate.scans'") + one('SELECT sum(scans) AS n FROM gate_tally');
  db.close();
  expect(printsWithoutEntry, 'print@home tickets without their audit entry').toEqual([]);
  expect(mobileAudited, 'mobile tickets audited').toBe(mobile);
  expect(counted, 'scans counted by the audit log').toBe(scans);
}
