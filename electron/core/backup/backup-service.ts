/**
 * Back up and restore, for admins on the machine. Backups go to the data folder's `backups/` or to
 * a folder the admin names (a USB stick); restore checks a private copy first, keeps a safety copy
 * of the current store, then replaces the live store's content and signs everybody out.
 *
 * Neither freezes the app: a copy goes in steps of a bounded number of pages with the event loop's turn
 * between them, and the restore's checks and copies run in a worker thread. What is under way is
 * answered by `progress()` (polled by the data screen: both transports only answer calls).
 */
import type { Locale } from '../../../shared/i18n/locales';
import { text } from '../../../shared/i18n/translator';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFileView, BackupProgressView, RestoreReport, VenueBackupAdvice } from '../../../shared/backup-views';
import { fail, ok, type Result } from '../../../shared/result';
import type { AuditLog } from '../audit/audit-log';
import type { Session, SessionManager } from '../auth/sessions';
import { BackupFileError, type BackupFileFacts, type CopyProgress } from '../store/backup-file';
import type { Db } from '../store/database';
import { SqliteEngine } from '../store/engine/sqlite-engine';
import type { SettingsRepo } from '../store/settings-repo';
import type { Sql } from '../store/sql';
import type { Clock } from '../types';
import { runRestoreWorker } from './restore-runner';
import { venueBackupAdvice } from './venue-backup';

export const BACKUP_EXTENSION = '.sqlite';

/** SQLite's file tools need the connection and its file; a venue database (PostgreSQL) has neither here. */
interface SqliteStore {
  db: Db;
  file: string;
  engine: SqliteEngine;
}

export class BackupService {
  readonly defaultDir: string;
  private running = false;
  private current: BackupProgressView | null = null;
  private readonly store: SqliteStore | null;

  constructor(
    private readonly deps: {
      sql: Sql;
      /** The SQLite connection; null on PostgreSQL. */
      sqlite: Db | null;
      dbFile: string | null;
      /** The venue database's address (PostgreSQL), for the commands shown instead of backups. */
      databaseUrl?: string | undefined;
      dataDir: string;
      audit: AuditLog;
      sessions: SessionManager;
      settingsRepo: SettingsRepo;
      clock: Clock;
    },
  ) {
    this.defaultDir = path.join(deps.dataDir, 'backups');
    const { engine } = deps.sql;
    this.store = deps.sqlite && deps.dbFile && engine instanceof SqliteEngine ? { db: deps.sqlite, file: deps.dbFile, engine } : null;
  }

  /** On a venue database: how its backups are made instead (null on SQLite). */
  venueDatabase(locale?: Locale): VenueBackupAdvice | null {
    return this.store ? null : venueBackupAdvice(this.deps.databaseUrl, locale);
  }

  async create(by: Session, directory: string | undefined): Promise<Result<BackupFileView>> {
    const { store } = this;
    if (!store) return this.refuseOnVenueDatabase('backupCommand');
    const dir = directory ?? this.defaultDir;
    if (directory !== undefined && !isDirectory(directory)) return fail('VALIDATION', text('coreData.backup.notAFolder', { directory }), { field: 'directory' });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = freeName(dir, `box-office-backup-${stamp(this.deps.clock.now())}`);
    const done = await this.exclusive('backup', () => this.snapshot(store, file, 'copying'));
    if (!done.ok) return done;
    const view = fileView(file);
    await this.deps.audit.append({ kind: 'store.backup', actorId: by.operatorId, actorLogin: by.login, detail: { file, bytes: view.bytes } });
    return ok(view);
  }

  /** The backup or restore under way, for the progress bar; null when none runs. */
  progress(): BackupProgressView | null {
    return this.current && { ...this.current };
  }

  /** The backups in the default folder, newest first (none on a venue database: they are not made here). */
  list(): BackupFileView[] {
    if (!this.store || !isDirectory(this.defaultDir)) return [];
    return fs
      .readdirSync(this.defaultDir)
      .filter((name) => name.endsWith(BACKUP_EXTENSION))
      .map((name) => fileView(path.join(this.defaultDir, name)))
      .sort((a, b) => b.modifiedAt - a.modifiedAt);
  }

  /** The caller has confirmed their password (see the handler). */
  async restore(by: Session, source: string): Promise<Result<RestoreReport>> {
    const { store } = this;
    if (!store) return this.refuseOnVenueDatabase('restoreCommand');
    if (!path.isAbsolute(source) || !fs.existsSync(source)) return fail('NOT_FOUND', text('coreData.backup.noFile', { path: source }), { field: 'path' });
    if (path.resolve(source) === path.resolve(store.file)) return fail('VALIDATION', text('coreData.backup.liveFile'), { field: 'path' });
    const staging = `${store.file}.restore-staging`;
    const installationId = (await this.deps.settingsRepo.get<string>('installation.id')) ?? null;
    const result = await this.exclusive('restore', async () => {
      try {
        // Copy and checks (integrity, migration, foreign keys) in a worker thread: the event loop keeps running.
        const facts = (await runRestoreWorker({ op: 'stage', source, staging, expectedInstallationId: installationId }, (_, p) =>
          this.report(p.total === 0 ? 'checking' : 'copying', p),
        )) as BackupFileFacts;
        // The current data first, so a restore can itself be undone.
        fs.mkdirSync(this.defaultDir, { recursive: true, mode: 0o700 });
        const safetyCopy = freeName(this.defaultDir, `box-office-before-restore-${stamp(this.deps.clock.now())}`);
        await this.snapshot(store, safetyCopy, 'safetyCopy');
        // The log being replaced ends here; the restored log names that point (and the safety copy holds it).
        const [replacedHead] = await this.deps.audit.recent(1);
        // Nobody keeps working on data that is about to change under them.
        const ended = this.deps.sessions.endAll();
        // The restored log gets its marker entry (who restored what, and where the replaced log ended:
        // its entries since the backup live on in the safety copy) and the keychain's anchor moves to
        // that marker, in one step: the anchor of the replaced, longer log would report a cut tail.
        await this.deps.audit.replaceLog(
          () =>
            // In the connection's turn: no transaction of this process is open while the file's pages are replaced
            // (by the worker's connection: other calls wait for their turn, the event loop does not).
            store.engine.exclusive(async () => {
              try {
                await runRestoreWorker({ op: 'replace', staging, liveFile: store.file }, (_, p) => this.report('replacing', p));
              } finally {
                // Statements prepared on the replaced content are not run on the restored one.
                this.deps.sql.forgetStatements();
              }
            }),
          (_, sealed) => ({
            kind: 'store.restored',
            actorId: by.operatorId,
            actorLogin: by.login,
            detail: {
              file: source,
              safetyCopy,
              schemaVersion: facts.schemaVersion,
              sessionsEnded: ended,
              replacedLogLastId: replacedHead?.id ?? null,
              replacedLogLastHash: replacedHead?.hash ?? null,
              // A backup from before entries carried a MAC: sealed now if its chain is sound.
              ...(sealed && 'sealed' in sealed ? { legacyEntriesSealed: sealed.sealed } : {}),
              ...(sealed && 'refused' in sealed ? { legacySealRefused: sealed.refused } : {}),
            },
          }),
        );
        return { facts, safetyCopy };
      } finally {
        fs.rmSync(staging, { force: true });
      }
    });
    if (!result.ok) {
      await this.deps.audit.append({ kind: 'store.restore-refused', actorId: by.operatorId, actorLogin: by.login, detail: { file: source, reason: result.error.message } });
      return result;
    }
    const { facts, safetyCopy } = result.value;
    return ok({ restoredFrom: source, safetyCopy, schemaVersion: facts.schemaVersion, operators: facts.operators, tickets: facts.tickets });
  }

  /**
   * SQLite's online backup of the live store, in steps, in the worker thread through a connection of its own
   * holding one read transaction (writeBackup): only committed data, and the app's calls go on meanwhile.
   */
  private snapshot(store: SqliteStore, file: string, step: 'copying' | 'safetyCopy'): Promise<void> {
    this.report(step, { done: 0, total: 0 });
    return runRestoreWorker({ op: 'backup', liveFile: store.file, file }, (_, p) => this.report(step, p)).then(() => undefined);
  }

  private report(step: BackupProgressView['step'], p: CopyProgress): void {
    if (this.current) this.current = { ...this.current, step, done: p.done, total: p.total };
  }

  private refuseOnVenueDatabase(command: 'backupCommand' | 'restoreCommand'): ReturnType<typeof fail> {
    const advice = venueBackupAdvice(this.deps.databaseUrl);
    return fail('CONFLICT', text('coreData.backup.venueRefused', { command: command === 'backupCommand' ? 'backup' : 'restore', backupCommand: advice.backupCommand, restoreCommand: advice.restoreCommand }));
  }

  /** One backup or restore at a time; a refused file becomes a clear answer, anything else a bug. */
  private async exclusive<T>(operation: BackupProgressView['operation'], work: () => Promise<T>): Promise<Result<T>> {
    if (this.running) return fail('CONFLICT', text('coreData.backup.busy'));
    this.running = true;
    this.current = { operation, step: operation === 'backup' ? 'copying' : 'checking', done: 0, total: 0, startedAt: this.deps.clock.now() };
    try {
      return ok(await work());
    } catch (error) {
      if (error instanceof BackupFileError) return fail(error.reason === 'exists' ? 'CONFLICT' : 'VALIDATION', error.text, { field: 'path' });
      throw error;
    } finally {
      this.running = false;
      this.current = null;
    }
  }
}

const isDirectory = (dir: string): boolean => path.isAbsolute(dir) && fs.existsSync(dir) && fs.statSync(dir).isDirectory();

const fileView = (file: string): BackupFileView => {
  const stat = fs.statSync(file);
  return { fileName: path.basename(file), path: file, bytes: stat.size, modifiedAt: stat.mtimeMs };
};

/** The first name not taken in the folder: base.sqlite, base-2.sqlite, … (writeBackup still refuses to overwrite). */
function freeName(dir: string, base: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}${BACKUP_EXTENSION}`);
    if (!fs.existsSync(file)) return file;
  }
}

/** 2026-11-22T16-03-05Z: sorts by time, valid in every file system. */
const stamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
