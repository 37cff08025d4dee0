/**
 * Backup files of the store. A backup is SQLite's online backup of the live database (a consistent
 * snapshot taken while the app runs), never a file copy, which could catch a half-written page or
 * miss what is still in the WAL. A candidate for restore is checked on a private copy before
 * anything touches the live store.
 */
import { DEFAULT_LOCALE } from '../../../shared/i18n/locales';
import { text, translateText, type LocalText } from '../../../shared/i18n/translator';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, MIGRATIONS } from './migrations';
import { migrate, type Db } from './database';

/**
 * Pages copied per step of SQLite's online backup: 256 pages (1 MiB at 4 KiB a page) take a few
 * milliseconds, after which the event loop gets its turn again (better-sqlite3 steps on setImmediate).
 */
export const PAGES_PER_STEP = 256;

/** How far a copy is: pages done of pages in all (SQLite's own count, known after the first step). */
export interface CopyProgress {
  done: number;
  total: number;
}
export type OnProgress = (progress: CopyProgress) => void;

/** A copy in bounded steps that reports after each. */
const stepped = (onProgress: OnProgress | undefined) => (p: { totalPages: number; remainingPages: number }) => {
  onProgress?.({ done: p.totalPages - p.remainingPages, total: p.totalPages });
  return PAGES_PER_STEP;
};

/** `message` is English; `text` puts it in the reader's language (a worker passes it on as it is). */
export class BackupFileError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'newer' | 'corrupt' | 'foreign' | 'exists',
    readonly text: LocalText,
  ) {
    super(translateText(DEFAULT_LOCALE, text));
    this.name = 'BackupFileError';
  }
}

export interface BackupFileFacts {
  schemaVersion: number;
  installationId: string | null;
  operators: number;
  tickets: number;
  auditEntries: number;
}

/**
 * Writes a snapshot of the store file `liveFile` to `file`, which must not exist yet (a backup never
 * overwrites anything), in steps of PAGES_PER_STEP pages. It reads through a connection of its own
 * that holds one read transaction from the first step to the last: the copy is the committed store of
 * that moment, other connections' commits meanwhile (WAL: they are not blocked) neither restart it nor
 * get into it, and the app's own connection keeps serving calls between the steps.
 */
export async function writeBackup(liveFile: string, file: string, onProgress?: OnProgress): Promise<void> {
  let handle: number;
  try {
    handle = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupFileError('exists', text('coreData.backupFile.exists', { file }));
    throw new BackupFileError('unreadable', text('coreData.backupFile.cannotWrite', { file, problem: String(code ?? (error as Error).message) }));
  }
  fs.closeSync(handle);
  const source = new Database(liveFile, { readonly: true, fileMustExist: true });
  try {
    // The read transaction the steps share (SQLite's backup uses an open one and leaves it open).
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    await source.backup(file, { progress: stepped(onProgress) });
    source.exec('COMMIT');
    // Leave one self-contained file: no -wal or -shm beside it.
    const copy = new Database(file);
    copy.pragma('journal_mode = DELETE');
    copy.close();
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/**
 * Reads a backup file without changing it and refuses what must never be restored. The integrity
 * check (seconds on a large store) can be left to the staged copy, which holds the very same pages.
 */
export function inspectBackup(file: string, expectedInstallationId: string | null, { integrity = true } = {}): BackupFileFacts {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupFileError('unreadable', text('coreData.backupFile.cannotOpen', { file, problem: (error as Error).message }));
  }
  try {
    return checkFacts(db, file, expectedInstallationId, integrity);
  } finally {
    db.close();
  }
}

function checkFacts(db: Db, file: string, expectedInstallationId: string | null, checkIntegrity: boolean): BackupFileFacts {
  let integrity: string;
  let schemaVersion: number;
  try {
    schemaVersion = Number(db.pragma('user_version', { simple: true }));
    integrity = checkIntegrity ? String(db.pragma('integrity_check', { simple: true })) : 'ok';
  } catch (error) {
    throw new BackupFileError('unreadable', text('coreData.backupFile.notBackupBecause', { file: path.basename(file), problem: (error as Error).message }));
  }
  const latest = latestVersion();
  if (schemaVersion > latest) {
    throw new BackupFileError('newer', text('coreData.backupFile.newer', { version: String(schemaVersion), latest: String(latest) }));
  }
  if (integrity !== 'ok') throw new BackupFileError('corrupt', text('coreData.backupFile.integrity', { problem: String(integrity) }));
  const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  if (schemaVersion < 1 || !hasTable('operators') || !hasTable('settings') || !hasTable('audit_log')) {
    throw new BackupFileError('unreadable', text('coreData.backupFile.notBackup', { file: path.basename(file) }));
  }
  const count = (table: string) => (hasTable(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
  const installation = db.prepare("SELECT value FROM settings WHERE key = 'installation.id'").get() as { value: string } | undefined;
  const installationId = installation ? (JSON.parse(installation.value) as string) : null;
  if (expectedInstallationId !== null && installationId !== expectedInstallationId) {
    // Its sealed data (authenticator keys, phone numbers) needs the keys of the computer that made it.
    throw new BackupFileError('foreign', text('coreData.backupFile.foreign'));
  }
  return { schemaVersion, installationId, operators: count('operators'), tickets: count('tickets'), auditEntries: count('audit_log') };
}

/**
 * Brings a checked backup into a private staging file beside the store: copied with the backup API,
 * migrated to this version, checked again (integrity and foreign keys). The live store is untouched.
 * Seconds of work on a large store: the app runs it in a worker thread (backup/restore-worker.ts).
 */
export async function stageBackup(source: string, staging: string, expectedInstallationId: string | null, onProgress?: OnProgress): Promise<BackupFileFacts> {
  inspectBackup(source, expectedInstallationId, { integrity: false });
  fs.rmSync(staging, { force: true });
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(staging, { progress: stepped(onProgress) });
    // Copied; the checks have no count of their own (0 of 0 says "checking").
    onProgress?.({ done: 0, total: 0 });
  } catch (error) {
    throw new BackupFileError('corrupt', text('coreData.backupFile.cannotRead', { problem: (error as Error).message }));
  } finally {
    from.close();
  }
  const staged = new Database(staging);
  try {
    // Integrity first: migrating or reading a damaged file could fail anywhere.
    checkFacts(staged, staging, expectedInstallationId, true);
    staged.pragma('foreign_keys = ON');
    migrate(staged, MIGRATIONS);
    const broken = staged.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new BackupFileError('corrupt', text('coreData.backupFile.brokenReferences', { count: broken.length, countText: String(broken.length) }));
    return checkFacts(staged, staging, expectedInstallationId, false);
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError('corrupt', text('coreData.backupFile.cannotRead', { problem: (error as Error).message }));
  } finally {
    staged.close();
  }
}

/** Replaces the live store's content with the staged file, through the backup API (the live connection stays valid). */
export async function replaceFrom(staging: string, liveFile: string, onProgress?: OnProgress): Promise<void> {
  const staged = new Database(staging, { readonly: true, fileMustExist: true });
  try {
    await staged.backup(liveFile, { progress: stepped(onProgress) });
  } finally {
    staged.close();
  }
}
