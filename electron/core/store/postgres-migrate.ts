/**
 * Migrations on PostgreSQL: the version lives in the database (schema_version); a database from a
 * newer release is refused before anything is written; two terminals starting together take turns on
 * an advisory lock, so only the first one migrates and the second finds the work done.
 */
import { text } from '../../../shared/i18n/translator';
import { StoreError } from './database';
import type { SqlEngine, SqlRunner } from './engine/types';
import { MIGRATIONS, latestVersion, type Migration } from './migrations';
import { POSTGRES_BASELINE, POSTGRES_BASELINE_VERSION } from './migrations/postgres-baseline';

/** An arbitrary constant naming "Box Office schema migration" among the server's advisory locks. */
export const MIGRATION_LOCK = 7_140_202_611;
const MIGRATION_STATEMENT_TIMEOUT_MS = 10 * 60_000;

async function currentVersion(q: SqlRunner): Promise<number> {
  const table = await q.get<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if (!table?.t) {
    const tables = await q.get<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()");
    if ((tables?.n ?? 0) > 0) throw new StoreError('corrupt', text('coreData.store.foreignTables'));
    return 0;
  }
  return (await q.get<{ version: number }>('SELECT version FROM schema_version'))?.version ?? 0;
}

function refuseNewer(version: number, latest: number): void {
  if (version > latest) {
    throw new StoreError('newer', text('coreData.store.venueNewer', { version: String(version), latest: String(latest) }));
  }
}

/** The version from which a venue's terminals have logins of their own that may not change the schema. */
const VENUE_VERSION = 8;

/**
 * A venue terminal's own login has no right to change the schema: it waits for an admin to run
 * "Upgrade the venue" with the owner's credentials. The owner (or a superuser) migrates.
 */
async function refuseTerminalMigration(q: SqlRunner, version: number, latest: number): Promise<void> {
  if (version < VENUE_VERSION || version >= latest) return;
  const row = await q.get<{ can: boolean }>(
    "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') AS can",
  );
  if (!row?.can) {
    throw new StoreError('outdated', text('coreData.store.venueOutdated', { version: String(version), latest: String(latest) }));
  }
}

export async function migratePostgres(engine: SqlEngine, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const latest = latestVersion(migrations);
  const found = await currentVersion(engine);
  refuseNewer(found, latest);
  await refuseTerminalMigration(engine, found, latest);
  return engine.transaction(async (tx) => {
    // A schema change may back-fill a large table: not the terminals' 5-second limit (this transaction only).
    await tx.run(`SET LOCAL statement_timeout = ${MIGRATION_STATEMENT_TIMEOUT_MS}`);
    await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const current = await currentVersion(tx);
    refuseNewer(current, latest);
    if (current === latest) return latest;
    if (current === 0) {
      await runScript(tx, POSTGRES_BASELINE);
      await tx.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      await tx.run('INSERT INTO schema_version (version) VALUES (?)', [POSTGRES_BASELINE_VERSION]);
    }
    for (const migration of migrations.filter((m) => m.version > Math.max(current, POSTGRES_BASELINE_VERSION))) {
      if (!migration.postgres) throw new Error(`Migration ${migration.version} (${migration.name}) has no PostgreSQL form.`);
      await migration.postgres(tx);
    }
    await tx.run('UPDATE schema_version SET version = ?', [latest]);
    return latest;
  });
}

/** Statements one by one: the driver's extended protocol takes one statement per call. */
async function runScript(tx: SqlRunner, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
}
