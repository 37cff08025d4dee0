/**
 * Backup files of the store. A backup is SQLite's online backup of the live database (a consistent
 * snapshot taken while the app runs), never a file copy, which could catch a half-written page or
 * miss what is still in the WAL. A candidate for restore is checked on a private copy before
 * anything touches the live store.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, MIGRATIONS } from './migrations';
import { migrate, type Db } from './database';

/** All pages in one step: one read transaction on the source, so a busy writer cannot restart the copy. */
const ALL_PAGES = () => 0x7fffffff;

export class BackupFileError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'newer' | 'corrupt' | 'foreign' | 'exists',
    message: string,
  ) {
    super(message);
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

/** Writes a snapshot of `db` to `file`, which must not exist yet (a backup never overwrites anything). */
export async function writeBackup(db: Db, file: string): Promise<void> {
  let handle: number;
  try {
    handle = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupFileError('exists', `${file} already exists; a backup never overwrites a file.`);
    throw new BackupFileError('unreadable', `Cannot write ${file} (${code ?? (error as Error).message}). Check that the folder exists and is writable.`);
  }
  fs.closeSync(handle);
  try {
    await db.backup(file, { progress: ALL_PAGES });
    // Leave one self-contained file: no -wal or -shm beside it.
    const copy = new Database(file);
    copy.pragma('journal_mode = DELETE');
    copy.close();
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
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
    throw new BackupFileError('unreadable', `${file} cannot be opened (${(error as Error).message}).`);
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
    throw new BackupFileError('unreadable', `${path.basename(file)} is not a Box Office backup (${(error as Error).message}).`);
  }
  const latest = latestVersion();
  if (schemaVersion > latest) {
    throw new BackupFileError('newer', `This backup was made by a newer version of Box Office (schema ${schemaVersion}; this version knows up to ${latest}). Install that version to restore it.`);
  }
  if (integrity !== 'ok') throw new BackupFileError('corrupt', `This backup failed its integrity check (${integrity}). The current data was left as it is.`);
  const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  if (schemaVersion < 1 || !hasTable('operators') || !hasTable('settings') || !hasTable('audit_log')) {
    throw new BackupFileError('unreadable', `${path.basename(file)} is not a Box Office backup.`);
  }
  const count = (table: string) => (hasTable(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
  const installation = db.prepare("SELECT value FROM settings WHERE key = 'installation.id'").get() as { value: string } | undefined;
  const installationId = installation ? (JSON.parse(installation.value) as string) : null;
  if (expectedInstallationId !== null && installationId !== expectedInstallationId) {
    // Its sealed data (authenticator keys, phone numbers) needs the keys of the computer that made it.
    throw new BackupFileError('foreign', 'This backup comes from another Box Office installation; its encryption keys are in that computer\'s keychain. Restore it there.');
  }
  return { schemaVersion, installationId, operators: count('operators'), tickets: count('tickets'), auditEntries: count('audit_log') };
}

/**
 * Brings a checked backup into a private staging file beside the store: copied with the backup API,
 * migrated to this version, checked again (integrity and foreign keys). The live store is untouched.
 */
export async function stageBackup(source: string, staging: string, expectedInstallationId: string | null): Promise<BackupFileFacts> {
  inspectBackup(source, expectedInstallationId, { integrity: false });
  fs.rmSync(staging, { force: true });
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(staging, { progress: ALL_PAGES });
  } catch (error) {
    throw new BackupFileError('corrupt', `This backup cannot be read (${(error as Error).message}). The current data was left as it is.`);
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
    if (broken.length > 0) throw new BackupFileError('corrupt', `This backup has ${broken.length} broken references. The current data was left as it is.`);
    return checkFacts(staged, staging, expectedInstallationId, false);
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError('corrupt', `This backup cannot be read (${(error as Error).message}). The current data was left as it is.`);
  } finally {
    staged.close();
  }
}

/** Replaces the live store's content with the staged file, through the backup API (the live connection stays valid). */
export async function replaceFrom(staging: string, liveFile: string): Promise<void> {
  const staged = new Database(staging, { readonly: true, fileMustExist: true });
  try {
    await staged.backup(liveFile, { progress: ALL_PAGES });
  } finally {
    staged.close();
  }
}
