/**
 * The append-only audit log. Each entry's hash covers its content and the previous entry's hash,
 * so an edited or deleted row breaks the chain. Never pass a password, code, seed or token here.
 */
import crypto from 'node:crypto';
import type { Db } from '../store/database';
import type { Clock } from '../types';

export interface AuditEvent {
  kind: string;
  actorId?: number | null;
  actorLogin?: string | null;
  subject?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditEntry extends Required<Omit<AuditEvent, 'detail'>> {
  id: number;
  at: number;
  terminal: string;
  detail: Record<string, string | number | boolean | null>;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

interface AuditRow {
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
}

const entryHash = (prevHash: string, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify([prevHash, row.at, row.kind, row.actor_id, row.actor_login, row.subject, row.terminal, row.detail]))
    .digest('hex');

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly terminal: string,
  ) {}

  /** Appends inside the caller's transaction when there is one, so the event and its cause commit together. */
  append(event: AuditEvent): void {
    const write = this.db.transaction(() => {
      const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
      const prevHash = last?.hash ?? GENESIS;
      const row = {
        at: this.clock.now(),
        kind: event.kind,
        actor_id: event.actorId ?? null,
        actor_login: event.actorLogin ?? null,
        subject: event.subject ?? null,
        terminal: this.terminal,
        detail: JSON.stringify(event.detail ?? {}),
      };
      this.db
        .prepare(
          `INSERT INTO audit_log (at, kind, actor_id, actor_login, subject, terminal, detail, prev_hash, hash)
           VALUES (@at, @kind, @actor_id, @actor_login, @subject, @terminal, @detail, @prev_hash, @hash)`,
        )
        .run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
    });
    write.immediate();
  }

  /** Newest first. */
  recent(limit = 50): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
    return rows.map(toEntry);
  }

  /** The id of the first entry whose chain is broken, or null when the log is intact. */
  verify(): number | null {
    return this.check().firstBrokenId;
  }

  check(): { firstBrokenId: number | null; checked: number } {
    let prevHash = GENESIS;
    let checked = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
      checked += 1;
      if (row.prev_hash !== prevHash || row.hash !== entryHash(prevHash, row)) return { firstBrokenId: row.id, checked };
      prevHash = row.hash;
    }
    return { firstBrokenId: null, checked };
  }

  /** Filtered entries (kind is a prefix, operator the login as actor or subject), newest first, paged. */
  query(filter: AuditFilter, offset: number, limit: number): { entries: AuditEntry[]; total: number } {
    const { where, params } = whereOf(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as AuditRow[];
    return { entries: rows.map(toEntry), total };
  }

  /** Every filtered entry, oldest first, for export. */
  *all(filter: AuditFilter): Generator<AuditEntry> {
    const { where, params } = whereOf(filter);
    for (const row of this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id`).iterate(...params) as IterableIterator<AuditRow>) yield toEntry(row);
  }
}

export interface AuditFilter {
  operator?: string | undefined;
  kind?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
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

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  kind: row.kind,
  actorId: row.actor_id,
  actorLogin: row.actor_login,
  subject: row.subject,
  terminal: row.terminal,
  detail: JSON.parse(row.detail) as AuditEntry['detail'],
  prevHash: row.prev_hash,
  hash: row.hash,
});
