/**
 * The audit log's SQL, and nothing else, in the dialect both engines share. Entries get their id
 * from the writer (the head's id + 1, inside the writer's transaction), not from the engine, because
 * the id is part of what the MAC covers (PostgreSQL's identity column is BY DEFAULT, so it takes it).
 */
import type { Sql } from '../store/sql';

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

const COLUMNS = 'id, at, kind, actor_id, actor_login, subject, terminal, detail, prev_hash, hash, mac';

/** Rows read per query while walking the log (Verify, export, sealing): memory stays flat however long it is. */
export const AUDIT_PAGE_ROWS = 1000;

/**
 * An arbitrary constant naming "Box Office audit log head" among the server's advisory locks (the
 * schema migration uses another). Held from an append until its transaction ends.
 */
export const AUDIT_HEAD_LOCK = 7_140_202_612;

export class AuditRepo {
  constructor(private readonly sql: Sql) {}

  /**
   * Inside the writer's transaction, before it reads the head: one writer at a time, across every
   * terminal, so each entry follows the one committed before it. SQLite needs nothing: its write
   * transaction (BEGIN IMMEDIATE) already serialises writers, other processes included.
   */
  async lockHead(): Promise<void> {
    if (this.sql.kind === 'postgres') await this.sql.get('SELECT pg_advisory_xact_lock(?)', [AUDIT_HEAD_LOCK]);
  }

  head(): Promise<Pick<AuditRow, 'id' | 'hash' | 'mac'> | undefined> {
    return this.sql.get<Pick<AuditRow, 'id' | 'hash' | 'mac'>>('SELECT id, hash, mac FROM audit_log ORDER BY id DESC LIMIT 1');
  }

  macOf(id: number): Promise<{ mac: string | null } | undefined> {
    return this.sql.get<{ mac: string | null }>('SELECT mac FROM audit_log WHERE id = ?', [id]);
  }

  async insert(row: AuditRow): Promise<void> {
    await this.sql.run(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      row.id,
      row.at,
      row.kind,
      row.actor_id,
      row.actor_login,
      row.subject,
      row.terminal,
      row.detail,
      row.prev_hash,
      row.hash,
      row.mac,
    ]);
  }

  /** Every row, oldest first, a page at a time (keyset: each page starts after the last id seen). */
  rows(): AsyncGenerator<AuditRow> {
    return this.pages('', []);
  }

  /** Filtered rows, oldest first, a page at a time. */
  filtered(filter: AuditFilter): AsyncGenerator<AuditRow> {
    const { clauses, params } = whereOf(filter);
    return this.pages(clauses.map((c) => ` AND ${c}`).join(''), params);
  }

  /** The entries without a seal, oldest first (sealing sets theirs as it goes; the keyset still moves on). */
  unsealed(): AsyncGenerator<AuditRow> {
    return this.pages(' AND mac IS NULL', []);
  }

  async unsealedCount(): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE mac IS NULL'))!.n;
  }

  /** Where the entries without a seal end and the sealed ones begin (a legacy log: every unsealed one first). */
  async sealBoundary(): Promise<{ lastUnsealed: number | null; firstSealed: number | null }> {
    const row = await this.sql.get<{ last_unsealed: number | null; first_sealed: number | null }>(
      'SELECT (SELECT max(id) FROM audit_log WHERE mac IS NULL) AS last_unsealed, (SELECT min(id) FROM audit_log WHERE mac IS NOT NULL) AS first_sealed',
    );
    return { lastUnsealed: row?.last_unsealed ?? null, firstSealed: row?.first_sealed ?? null };
  }

  async setMac(id: number, mac: string): Promise<void> {
    await this.sql.run('UPDATE audit_log SET mac = ? WHERE id = ? AND mac IS NULL', [mac, id]);
  }

  recent(limit: number): Promise<AuditRow[]> {
    return this.sql.all<AuditRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?`, [limit]);
  }

  async page(filter: AuditFilter, offset: number, limit: number): Promise<{ rows: AuditRow[]; total: number }> {
    const { clauses, params } = whereOf(filter);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const total = (await this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${where}`, params))!.n;
    const rows = await this.sql.all<AuditRow>(`SELECT ${COLUMNS} FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
    return { rows, total };
  }

  private async *pages(and: string, params: (string | number)[]): AsyncGenerator<AuditRow> {
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const page = await this.sql.all<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE id > ?${and} ORDER BY id LIMIT ${AUDIT_PAGE_ROWS}`, [after, ...params]);
      yield* page;
      if (page.length < AUDIT_PAGE_ROWS) return;
      after = page.at(-1)!.id;
    }
  }
}

/** Logins compare case-insensitively on both engines (PostgreSQL's `=` and LIKE do not, so both sides are lowered). */
function whereOf(filter: AuditFilter): { clauses: string[]; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.operator) {
    clauses.push('(lower(actor_login) = lower(?) OR lower(subject) = lower(?))');
    params.push(filter.operator, filter.operator);
  }
  if (filter.kind) {
    clauses.push("lower(kind) LIKE ? ESCAPE '\\'");
    params.push(filter.kind.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
  }
  if (filter.from !== undefined) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    clauses.push('at <= ?');
    params.push(filter.to);
  }
  return { clauses, params };
}
