/**
 * Opens the store: refuses a damaged or newer database before writing a byte to it,
 * then sets the pragmas and applies pending migrations in one transaction.
 */
import { DEFAULT_LOCALE } from '../../../shared/i18n/locales';
import { text, translateText, type LocalText } from '../../../shared/i18n/translator';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, latestVersion, type Migration } from './migrations';

export type Db = Database.Database;

/** `message` is English; `text` (when the message is a catalogue's) puts it in the reader's language: `fail(code, error.text ?? error.message)`. */
export class StoreError extends Error {
  readonly text: LocalText | undefined;
  constructor(
    readonly reason: 'newer' | 'corrupt' | 'unopenable' | 'unreachable' | 'revoked' | 'outdated',
    message: string | LocalText,
  ) {
    super(typeof message === 'string' ? message : translateText(DEFAULT_LOCALE, message));
    this.text = typeof message === 'string' ? undefined : message;
    this.name = 'StoreError';
  }
}

export const DATABASE_FILE = 'box-office.sqlite';
/** Bytes the WAL file keeps after a checkpoint (journal_size_limit). */
export const WAL_SIZE_LIMIT = 8 * 1024 * 1024;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let db: Db;
  try {
    ownerOnly(file);
    db = new Database(file);
  } catch (error) {
    throw new StoreError('unopenable', text('coreData.store.cannotOpen', { file, problem: (error as Error).message }));
  }
  try {
    refuseUnusable(db, file, migrations);
    // WAL: readers never block the writer; FULL: an issued ticket or a changed credential survives power loss.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The WAL is reused after each checkpoint, but never shrinks by itself: one large transaction (a
    // restore, a bulk job) would leave it at its peak size for good. Back to at most 8 MiB after a checkpoint.
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The store holds password hashes and sealed secrets: only its owner may read it. SQLite gives the
 * `-wal` and `-shm` files the database file's mode, so creating that file 0600 (and narrowing files an
 * older version left 0644) covers all three.
 */
function ownerOnly(file: string): void {
  if (process.platform === 'win32') return; // NTFS ACLs of the per-user profile folder apply instead
  fs.closeSync(fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600));
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(part) && (fs.statSync(part).mode & 0o077) !== 0) fs.chmodSync(part, 0o600);
  }
}

function refuseUnusable(db: Db, file: string, migrations: readonly Migration[]): void {
  let check: string;
  let version: number;
  try {
    check = String(db.pragma('quick_check', { simple: true }));
    version = Number(db.pragma('user_version', { simple: true }));
  } catch (error) {
    throw new StoreError('corrupt', text('coreData.store.unreadable', { file, problem: (error as Error).message }));
  }
  if (check !== 'ok') {
    throw new StoreError('corrupt', text('coreData.store.integrity', { file, problem: String(check) }));
  }
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new StoreError('newer', text('coreData.store.newer', { file, version: String(version), latest: String(latest) }));
  }
}

/** Applies every pending migration in one IMMEDIATE transaction, so two processes cannot both migrate. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const run = db.transaction(() => {
    const current = Number(db.pragma('user_version', { simple: true }));
    const pending = migrations.filter((m) => m.version > current);
    for (const migration of pending) migration.up(db);
    const target = latestVersion(migrations);
    if (target > current) db.pragma(`user_version = ${target}`);
    return target;
  });
  return run.immediate();
}
