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
