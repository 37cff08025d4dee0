/**
 * Opens the store the configuration names: this computer's SQLite file (the default), or a venue's
 * PostgreSQL database. Either way the services get one `Sql`; only backup and restore (SQLite's own
 * file tools) see the SQLite connection. The database password comes from the URL (scripts, tests:
 * BOX_OFFICE_DATABASE_URL) or from the keychain, where `npm run store:password` puts it — never a file.
 */
import { text } from '../../../shared/i18n/translator';
import path from 'node:path';
import pg from 'pg';
import { DATABASE_FILE, openDatabase, StoreError, type Db } from './database';
import { DatabaseUrlError, poolConfig, redactedUrl } from './engine/postgres-config';
import { PostgresEngine } from './engine/postgres-engine';
import { isLoginRefused } from './engine/errors';
import { SqliteEngine } from './engine/sqlite-engine';
import type { EngineKind } from './engine/types';
import { migratePostgres } from './postgres-migrate';
import { Sql } from './sql';
import type { Keychain } from '../vault/keychain';

export interface StoreLocation {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export interface OpenedStore {
  sql: Sql;
  kind: EngineKind;
  /** The SQLite connection (backup and restore); null on PostgreSQL, whose backups are pg_dump's. */
  sqlite: Db | null;
  sqliteFile: string | null;
  /** Where the data lives, fit to show: a file path, or the URL without its password. */
  location: string;
  /** PostgreSQL: this terminal's connection settings (the live feed opens a connection of its own). */
  connection: pg.PoolConfig | null;
  close(): Promise<void>;
}

/** The keychain account of a database password: one per role, server and database. */
export function databasePasswordAccount(url: string): string {
  const config = poolConfig(url);
  return `database:${config.user ?? ''}@${config.host ?? 'localhost'}:${config.port ?? 5432}/${config.database ?? ''}`;
}

export async function openStore(location: StoreLocation, keychain: () => Keychain): Promise<OpenedStore> {
  if (!location.databaseUrl) {
    const file = path.join(location.dataDir, DATABASE_FILE);
    const db = openDatabase(file);
    const sql = new Sql(new SqliteEngine(db));
    return { sql, kind: 'sqlite', sqlite: db, sqliteFile: file, location: file, connection: null, close: () => sql.engine.close() };
  }
  const url = location.databaseUrl;
  let config: pg.PoolConfig;
  try {
    config = poolConfig(url);
    if (config.password === undefined) config = poolConfig(url, { password: (await keychain().get(databasePasswordAccount(url))) ?? undefined });
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new StoreError('unopenable', error.text);
    throw error;
  }
  const engine = new PostgresEngine(new pg.Pool(config));
  try {
    await migratePostgres(engine);
  } catch (error) {
    await engine.close().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    if (isLoginRefused(error)) throw new StoreError('revoked', text('coreData.store.loginRefused', { login: config.user ?? '' }));
    throw new StoreError('unreachable', text('coreData.store.venueUnusable', { address: redactedUrl(url), problem: (error as Error).message }));
  }
  const sql = new Sql(engine);
  return { sql, kind: 'postgres', sqlite: null, sqliteFile: null, location: redactedUrl(url), connection: config, close: () => engine.close() };
}
