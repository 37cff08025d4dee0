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
