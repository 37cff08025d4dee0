/**
 * Moves a terminal's SQLite store into an empty PostgreSQL database: every table, in one transaction,
 * ids kept (so the audit log's chain and MACs, which cover ids, still verify), sequences set past the
 * copied ids, row counts compared. A target that holds any row is refused untouched.
 */
import type Database from 'better-sqlite3';
import type { SqlEngine, SqlRunner, SqlValue } from './engine/types';
import { migratePostgres } from './postgres-migrate';
import { SQLITE_ONLY_TABLES } from './migrations/014-gate-counts-watermark';

/** Parents before children, so every foreign key finds its row. */
export const COPY_ORDER = [
  'operators',
  'operator_roles',
  'login_throttle',
  'settings',
  'audit_log',
  'mfa_totp',
  'mfa_phone',
  'mfa_sms_challenges',
  'mfa_sms_sends',
  'mfa_recovery_codes',
  'mfa_failures',
  'trusted_devices',
  'events',
  'orders',
  'order_words',
  'tickets',
  'ticket_documents',
  'barcodes',
  'scans',
  'gate_counts',
  'idempotency_keys',
  'emergency_codes',
  'clock_checks',
] as const;

const BATCH_ROWS = 500;

/**
 * Tables read through a query of their own. gate_counts on SQLite counts the scans up to a watermark
 * (migration 014); PostgreSQL counts every scan in gate_counts, so the scans after the watermark are
 * added in, counted and not yet summarised, as SQLite's next summary would have folded them. The source
 * is opened through openDatabase, which migrates it: gate_counts_folded is there.
 */
const SOURCE_QUERIES: Partial<Record<(typeof COPY_ORDER)[number], string>> = {
  gate_counts: `SELECT event_id, gate, operator_id, result, sum(scans) AS scans, sum(unsummarised) AS unsummarised FROM (
      SELECT event_id, gate, operator_id, result, scans, unsummarised FROM gate_counts
      UNION ALL SELECT event_id, gate, operator_id, result, count(*), count(*) FROM scans
        WHERE id > (SELECT scan_id FROM gate_counts_folded) GROUP BY event_id, gate, operator_id, result
    ) GROUP BY event_id, gate, operator_id, result`,
};

export class CopyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefused';
  }
}

export interface CopyReport {
  tables: { table: string; rows: number }[];
  totalRows: number;
}

export async function copyToPostgres(source: Database.Database, target: SqlEngine, onProgress: (table: string, rows: number) => void = () => undefined): Promise<CopyReport> {
  const present = new Set((source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  const unknown = [...present].filter((t) => !t.startsWith('sqlite_') && !(COPY_ORDER as readonly string[]).includes(t) && !SQLITE_ONLY_TABLES.includes(t));
  if (unknown.length) throw new CopyRefused(`The store has tables this copy does not know (${unknown.join(', ')}): update Box Office first.`);
  await migratePostgres(target);
  return target.transaction(async (tx) => {
    for (const table of COPY_ORDER) {
      const { n } = (await tx.get<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!;
      if (n > 0) throw new CopyRefused(`The target database is not empty (${table} has ${n} rows). Copy only into a new, empty database.`);
    }
    const tables: CopyReport['tables'] = [];
    for (const table of COPY_ORDER) {
      const rows = present.has(table) ? await copyTable(source, tx, table, SOURCE_QUERIES[table] ?? null) : 0;
      const { n } = (await tx.get<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!;
      if (n !== rows) throw new Error(`${table}: ${rows} rows read but ${n} in the target; nothing was kept.`);
      tables.push({ table, rows });
      onProgress(table, rows);
    }
    await setSequencesPastIds(tx);
    return { tables, totalRows: tables.reduce((sum, t) => sum + t.rows, 0) };
  });
}

/** `query`, when given, reads the table's columns in the table's own order (see SOURCE_QUERIES). */
async function copyTable(source: Database.Database, tx: SqlRunner, table: string, query: string | null): Promise<number> {
  const columns = (source.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
  const list = columns.join(', ');
  let batch: SqlValue[][] = [];
  let copied = 0;
  const flush = async () => {
    if (!batch.length) return;
    const rowsSql = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await tx.run(`INSERT INTO ${table} (${list}) VALUES ${rowsSql}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  // Rows are read one at a time: a store of a million tickets never sits in memory whole.
  const read = source.prepare(query ?? `SELECT ${list} FROM ${table}`);
  const named = read.columns().map((c) => c.name);
  if (named.join(', ') !== list) throw new Error(`${table}: the copy reads ${named.join(', ')}, the table has ${list}.`);
  for (const row of read.raw().iterate() as IterableIterator<SqlValue[]>) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return copied;
}

/** Identity columns continue after the copied ids; otherwise the first new row would collide. */
async function setSequencesPastIds(tx: SqlRunner): Promise<void> {
  const identities = await tx.all<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
  );
  for (const { table_name: table, column_name: column } of identities) {
    await tx.get(`SELECT setval(pg_get_serial_sequence('${table}', '${column}'), (SELECT coalesce(max(${column}), 0) + 1 FROM ${table}), false)`);
  }
}
