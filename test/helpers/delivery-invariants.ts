/**
 * What must hold in the store after any race or crash, on either engine: one state per ticket, a PDF
 * exactly with print@home, every issue audited and every scan counted. Engine-neutral SQL through `Sql`.
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Sql } from '../../electron/core/store/sql';
import { openTestStore } from './worker-delivery-service';

/** Opens the store at `location` (SQLite data folder or postgres:// URL) for `check`, and closes it again. */
export async function withStore<T>(location: string, check: (sql: Sql) => Promise<T>): Promise<T> {
  const store = await openTestStore(location);
  try {
    return await check(store.sql);
  } finally {
    await store.close();
  }
}

const count = async (sql: Sql, query: string) => Number((await sql.get<{ n: number | string | null }>(query))?.n ?? 0);

export async function deliveryInvariants(sql: Sql): Promise<Record<string, number>> {
  // The file's own consistency is SQLite's question; PostgreSQL's server answers for its files.
  if (sql.kind === 'sqlite') expect(await sql.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
  const orphanDocs = await count(sql, "SELECT count(*) AS n FROM ticket_documents d JOIN tickets t ON t.id = d.ticket_id AND t.generation = d.generation WHERE t.delivery <> 'print_at_home'");
  const printsWithoutDoc = await count(sql, "SELECT count(*) AS n FROM tickets t LEFT JOIN ticket_documents d ON d.ticket_id = t.id AND d.generation = t.generation WHERE t.delivery = 'print_at_home' AND d.ticket_id IS NULL");
  const states = await sql.all<{ delivery: string; n: number }>('SELECT delivery, count(*) AS n FROM tickets GROUP BY delivery');
  expect(orphanDocs).toBe(0);
  expect(printsWithoutDoc).toBe(0);
  return Object.fromEntries(states.map((s) => [s.delivery, Number(s.n)]));
}

/**
 * What must hold in the audit log after any crash: every issued ticket has its entry (print@home by
 * ticket, mobile by count), and every recorded scan is counted once, summarised or still pending.
 * The entries' details are JSON text, read here rather than with an engine's JSON functions.
 */
export async function auditInvariants(sql: Sql): Promise<void> {
  const details = async (kind: string) => (await sql.all<{ detail: string }>('SELECT detail FROM audit_log WHERE kind = ?', [kind])).map((r) => JSON.parse(r.detail) as Record<string, number>);
  const printed = new Set((await details('delivery.print-issued')).map((d) => `${d.ticket}:${d.generation}`));
  const prints = await sql.all<{ id: number; generation: number }>("SELECT id, generation FROM tickets WHERE delivery = 'print_at_home'");
  const printsWithoutEntry = prints.filter((t) => !printed.has(`${t.id}:${t.generation}`)).map((t) => t.id);
  const mobile = await count(sql, "SELECT count(*) AS n FROM tickets WHERE delivery = 'mobile'");
  const mobileAudited = (await details('delivery.mobile-issued')).reduce((sum, d) => sum + (d.tickets ?? 0), 0);
  const scans = await count(sql, 'SELECT count(*) AS n FROM scans');
  // Pending: in gate_counts, and on SQLite also the scans after the watermark (migration 014), not folded in yet.
  const unfolded = sql.kind === 'sqlite' ? await count(sql, 'SELECT count(*) AS n FROM scans WHERE id > (SELECT scan_id FROM gate_counts_folded)') : 0;
  const counted = (await details('gate.scans')).reduce((sum, d) => sum + (d.scans ?? 0), 0) + (await count(sql, 'SELECT CAST(sum(unsummarised) AS INTEGER) AS n FROM gate_counts')) + unfolded;
  expect(printsWithoutEntry, 'print@home tickets without their audit entry').toEqual([]);
  expect(mobileAudited, 'mobile tickets audited').toBe(mobile);
  expect(counted, 'scans counted by the audit log').toBe(scans);
}

/** The delivery invariants of an SQLite database file (a backup's): SQLite-only by nature, read-only. */
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
