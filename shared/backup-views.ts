/** Backups as the data screen sees them. */

export interface BackupFileView {
  fileName: string;
  /** Absolute path on this computer. */
  path: string;
  bytes: number;
  modifiedAt: number;
}

export interface RestoreReport {
  restoredFrom: string;
  /** The store as it was just before the restore, kept in the backups folder. */
  safetyCopy: string;
  schemaVersion: number;
  operators: number;
  tickets: number;
}

/**
 * On a venue database (PostgreSQL) a terminal makes no backups: they are the database's own tools. What
 * the data screen shows instead of its buttons: the commands to run, with the address but never a password.
 */
export interface VenueBackupAdvice {
  message: string;
  backupCommand: string;
  restoreCommand: string;
}

/**
 * A backup or restore under way, for the data screen's progress bar (polled on `backup.progress`; null
 * when none runs). `done` of `total` are SQLite pages of the step's copy; `checking` has no count (0 of 0).
 */
export interface BackupProgressView {
  operation: 'backup' | 'restore';
  step: 'copying' | 'checking' | 'safetyCopy' | 'replacing';
  done: number;
  total: number;
  startedAt: number;
}
