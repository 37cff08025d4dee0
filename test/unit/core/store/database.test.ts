import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, StoreError, WAL_SIZE_LIMIT } from '../../../../electron/core/store/database';
import { MIGRATIONS, latestVersion } from '../../../../electron/core/store/migrations';
import { tempDir } from '../../../helpers/core';

const fileHash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('store', () => {
  it('creates a fresh database at the latest version with WAL, foreign keys and FULL sync', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('lets the WAL shrink back to 8 MiB after one large transaction, instead of keeping its peak size', () => {
    const file = path.join(tempDir(), 'wal.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE blobs (b BLOB)');
    const insert = db.prepare('INSERT INTO blobs (b) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 24; i++) insert.run(crypto.randomBytes(512 * 1024));
    })();
    const wal = () => fs.statSync(`${file}-wal`).size;
    expect(wal()).toBeGreaterThan(WAL_SIZE_LIMIT);
    // A checkpoint, then the next write starts the WAL over: it is cut down to the limit.
    db.pragma('wal_checkpoint(RESTART)');
    db.exec('DELETE FROM blobs');
    expect(wal()).toBeLessThanOrEqual(WAL_SIZE_LIMIT);
    db.close();
  });

  it('numbers migrations 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database from a newer version and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${latestVersion() + 5}`);
    raw.close();
    const before = fileHash(file);
    expect(() => openDatabase(file)).toThrowError(/newer version of Box Office/);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as StoreError).reason).toBe('newer');
    }
    expect(fileHash(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'junk.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = fileHash(file);
    expect(() => openDatabase(file)).toThrowError(StoreError);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a database whose pages are damaged', () => {
    const file = path.join(tempDir(), 'damaged.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t(v);');
    const insert = raw.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`value ${i}`);
    raw.close();
    const bytes = fs.readFileSync(file);
    // Overwrite the middle pages (table and index b-tree pages) with garbage, keeping the header.
    crypto.randomFillSync(bytes, 4096 * 3, 4096 * 4);
    fs.writeFileSync(file, bytes);
    const before = fileHash(file);
    expect(() => openDatabase(file)).toThrowError(StoreError);
    expect(fileHash(file)).toBe(before);
  });

  it('applies pending migrations in one transaction: a failing one leaves the version and schema as they were', () => {
    const file = path.join(tempDir(), 'm.sqlite');
    const db = new Database(file);
    const broken = [
      ...MIGRATIONS,
      { version: latestVersion() + 1, name: 'half', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM missing_table;') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('operators', 'half')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('migration 1 creates operators with unique case-insensitive logins and cascading roles', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at) VALUES ('anna', 'A', 'h', 0, 0)").run();
    expect(() => db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at) VALUES ('ANNA', 'B', 'h', 0, 0)").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO operator_roles (operator_id, role) VALUES (1, 'admin')").run();
    expect(() => db.prepare("INSERT INTO operator_roles (operator_id, role) VALUES (1, 'superuser')").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM operators WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM operator_roles').get()).toEqual({ n: 0 });
    db.close();
  });

  it('reopening an up-to-date database changes nothing', () => {
    const file = path.join(tempDir(), 'again.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });
});
