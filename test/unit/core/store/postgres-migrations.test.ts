/** Migrations on PostgreSQL, and the one schema both engines hold (issue "One store, two engines", item 3). */
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase, StoreError } from '../../../../electron/core/store/database';
import { poolConfig } from '../../../../electron/core/store/engine/postgres-config';
import { PostgresEngine } from '../../../../electron/core/store/engine/postgres-engine';
import { latestVersion } from '../../../../electron/core/store/migrations';
import { VENUE_ONLY_TABLES } from '../../../../electron/core/store/migrations/venue-postgres';
import { SQLITE_ONLY_TABLES } from '../../../../electron/core/store/migrations/014-gate-counts-watermark';
import { MIGRATION_LOCK, migratePostgres } from '../../../../electron/core/store/postgres-migrate';
import { tempDir } from '../../../helpers/core';
import { emptyEngine } from '../../../helpers/engines';

const postgresColumns = async (engine: PostgresEngine) =>
  (
    await engine.all<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'schema_version' ORDER BY table_name, column_name",
    )
  ).map((c) => `${c.table_name}.${c.column_name}`);

function sqliteColumns(): string[] {
  const db = openDatabase(path.join(tempDir(), 'schema.sqlite'));
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  // SQLite's own bookkeeping (the gate's count watermark) has no PostgreSQL twin.
  const columns = tables.filter(({ name }) => !SQLITE_ONLY_TABLES.includes(name)).flatMap(({ name }) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => `${name}.${c.name}`));
  db.close();
  return columns.sort();
}

describe('PostgreSQL migrations', () => {
  it('creates on an empty database the same tables and columns as SQLite at the latest version', async () => {
    const { engine } = await emptyEngine('postgres');
    expect(await migratePostgres(engine)).toBe(latestVersion());
    // The venue's own tables (terminals, join codes, change log) exist on PostgreSQL only.
    const venueOnly = (c: string) => VENUE_ONLY_TABLES.includes(c.split('.')[0]!);
    expect((await postgresColumns(engine as PostgresEngine)).filter((c) => !venueOnly(c))).toEqual(sqliteColumns());
    expect((await postgresColumns(engine as PostgresEngine)).filter(venueOnly).length).toBeGreaterThan(0);
    // Migrating again is a no-op.
    expect(await migratePostgres(engine)).toBe(latestVersion());
  });

  it('lets one of two terminals starting together migrate; the other finds it done', async () => {
    const { engine, url } = await emptyEngine('postgres');
    const second = new PostgresEngine(new pg.Pool(poolConfig(url)));
    try {
      const both = await Promise.all([migratePostgres(engine), migratePostgres(second)]);
      expect(both).toEqual([latestVersion(), latestVersion()]);
      expect(await engine.all('SELECT version FROM schema_version')).toEqual([{ version: latestVersion() }]);
    } finally {
      await second.close();
    }
  });

  it('waits for the migration lock another terminal holds', async () => {
    const { engine, url } = await emptyEngine('postgres');
    const holder = new PostgresEngine(new pg.Pool(poolConfig(url)));
    let release!: () => void;
    const held = holder.transaction(async (tx) => {
      await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    let done = false;
    const migrating = migratePostgres(engine).then((v) => ((done = true), v));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    release();
    await held;
    expect(await migrating).toBe(latestVersion());
    await holder.close();
  });

  it('refuses a database from a newer release and leaves it untouched', async () => {
    const { engine } = await emptyEngine('postgres');
    await migratePostgres(engine);
    await engine.run('UPDATE schema_version SET version = ?', [latestVersion() + 3]);
    await engine.run("INSERT INTO settings (key, value) VALUES ('marker', '1')");
    const error = await migratePostgres(engine).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('newer');
    expect(await engine.all('SELECT version FROM schema_version')).toEqual([{ version: latestVersion() + 3 }]);
    expect(await engine.all("SELECT value FROM settings WHERE key = 'marker'")).toEqual([{ value: '1' }]);
  });

  it('refuses a database that holds something else', async () => {
    const { engine } = await emptyEngine('postgres');
    await engine.run('CREATE TABLE invoices (id INTEGER)');
    await expect(migratePostgres(engine)).rejects.toThrow(/belongs to something else/);
    expect(await engine.all("SELECT to_regclass('operators')::text AS t")).toEqual([{ t: null }]);
  });
});
