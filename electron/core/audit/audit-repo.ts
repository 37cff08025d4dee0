/**
 * The audit log's SQL, and nothing else, so it can move behind another engine. Entries get their id
 * from the writer (the head's id + 1, inside the writer's transaction), not from the engine, because
 * the id is part of what the MAC covers.
 */
import type { Db } from '../store/database';

export interface AuditRow {
  id: number;
  at: number;
  kind: string;
  actor_id: number | null;
  actor_login: string | null;
  subject: string | null;
  terminal: string;
  detail: string;
  prev_hash: string;
  hash: string;
  mac: string | null;
}

export interface AuditFilter {
  operator?: string | undefined;
  kind?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export class AuditRepo {
  constructor(private readonly db: Db) {}

  get open(): boolean {
    return this.db.open;
  }

  head(): Pick<AuditRow, 'id' | 'hash' | 'mac'> | undefined {
    return this.db.prepare('SELECT id, hash, mac FROM audit_log ORDER BY id DESC LIMIT 1').get() as Pick<AuditRow, 'id' | 'hash' | 'mac'> | undefined;
  }

  macOf(id: number): { mac: string | null } | undefined {
    return this.db.prepare('SELECT mac FROM audit_log WHERE id = ?').get(id) as { mac: string | null } | undefined;
  }

  insert(row: AuditRow): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (id, at, kind, actor_id, actor_login, subject, terminal, detail, prev_hash, hash, mac)
         VALUES (@id, @at, @kind, @actor_id, @actor_login, @subject, @terminal, @detail, @prev_hash, @hash, @mac)`,
      )
      .run(row);
  }

  /** Oldest first, streamed (read only: the connection is busy while it runs). */
  iterate(): IterableIterator<AuditRow> {
    return this.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
  }

  unsealedCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log WHERE mac IS NULL').get() as { n: number }).n;
  }

  /** Every row, oldest first, loaded (to update while walking them). */
  allRows(): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  }

  setMac(id: number, mac: string): void {
    this.db.prepare('UPDATE audit_log SET mac = ? WHERE id = ? AND mac IS NULL').run(mac, id);
  }

  recent(limit: number): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
  }

  page(filter: AuditFilter, offset: number, limit: number): { rows: AuditRow[]; total: number } {
    const { where, params } = whereOf(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as AuditRow[];
    return { rows, total };
  }

  filtered(filter: AuditFilter): IterableIterator<AuditRow> {
    const { where, params } = whereOf(filter);
    return this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id`).iterate(...params) as IterableIterator<AuditRow>;
  }

  /** IMMEDIATE: two processes appending take turns, so each reads the head the other wrote. Nested calls join the caller's. */
  transaction<T>(work: () => T): T {
    return this.db.inTransaction ? this.db.transaction(work)() : this.db.transaction(work).immediate();
  }
}

function whereOf(filter: AuditFilter): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.operator) {
    clauses.push('(actor_login = ? COLLATE NOCASE OR subject = ? COLLATE NOCASE)');
    params.push(filter.operator, filter.operator);
  }
  if (filter.kind) {
    clauses.push("kind LIKE ? ESCAPE '\\'");
    params.push(filter.kind.replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
  }
  if (filter.from !== undefined) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    clauses.push('at <= ?');
    params.push(filter.to);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
