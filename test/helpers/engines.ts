/**
 * Store tests run once per engine: a parameter of the suite, not a copy of it. SQLite gets a fresh
 * file, PostgreSQL a fresh database on the run's server (test/helpers/postgres-global-setup.ts).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, inject } from 'vitest';
import { poolConfig } from '../../electron/core/store/engine/postgres-config';
import { PostgresEngine } from '../../electron/core/store/engine/postgres-engine';
import { SqliteEngine } from '../../electron/core/store/engine/sqlite-engine';
import type { EngineKind, SqlEngine } from '../../electron/core/store/engine/types';
import { tempDir } from './core';

export const ENGINES: readonly EngineKind[] = ['sqlite', 'postgres'];

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A URL for a new, empty database on the test server, dropped after the test. */
export async function freshPostgresUrl(): Promise<string> {
  const server = inject('postgres');
  const name = `bo_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(poolConfig(server.url));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  closers.push(async () => {
    const dropper = new pg.Client(poolConfig(server.url));
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
  return server.url.replace(/\/postgres\?/, `/${name}?`);
}

/** An engine on an empty store; `url` lets a test open a second connection to the same PostgreSQL database. */
export async function emptyEngine(kind: EngineKind): Promise<{ engine: SqlEngine; url: string; file: string }> {
  if (kind === 'sqlite') {
    const file = path.join(tempDir(), 'store.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const engine = new SqliteEngine(db);
    closers.push(() => engine.close().catch(() => undefined));
    return { engine, url: '', file };
  }
  const url = await freshPostgresUrl();
  const engine = new PostgresEngine(new pg.Pool(poolConfig(url)));
  closers.push(() => engine.close().catch(() => undefined));
  return { engine, url, file: '' };
}
