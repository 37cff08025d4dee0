/** Channels of backup and restore (admins, on the machine). */
import { z } from 'zod';
import type { BackupFileView, BackupProgressView, RestoreReport, VenueBackupAdvice } from '../backup-views';
import { SENSITIVE_ERRORS, sensitiveInput } from './sensitive';
import { channel, empty } from './define';

/** Messages are catalogue keys (shared/i18n/messages/core-data.ts): the VALIDATION answer words them in the reader's language. */
const absolutePath = (what: 'folder' | 'backupFile') =>
  z
    .string()
    .trim()
    .min(1, `coreData.backup.${what}.enterFullPath`)
    .max(1000, 'coreData.backup.pathTooLong')
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), `coreData.backup.${what}.enterFullPathRooted`)
    .refine((p) => !p.includes('\0'), 'coreData.backup.pathInvalid');

export const backupChannels = {
  'backup.list': channel<{ folder: string; files: BackupFileView[]; venueDatabase: VenueBackupAdvice | null }>()({
    input: empty,
    access: 'settings.manage',
    summary:
      'The backups folder in the data folder and the backups in it, newest first. On a venue database (PostgreSQL) no files, and `venueDatabase` says how that database is backed up and restored (pg_dump, pg_restore), with the commands.',
    returns: '`{ folder, files: { fileName, path, bytes, modifiedAt }[], venueDatabase: { message, backupCommand, restoreCommand } | null }`',
    errors: [],
  }),
  'backup.progress': channel<{ progress: BackupProgressView | null }>()({
    input: empty,
    access: 'settings.manage',
    summary:
      'How far the backup or restore under way on this terminal is (its step, and pages done of the step\'s pages), or null when none runs. The data screen polls it while it waits for `backup.create` or `backup.restore`; a restore signs everybody out part-way, after which this answers AUTH_REQUIRED.',
    returns: '`{ progress: { operation: "backup" | "restore", step: "copying" | "checking" | "safetyCopy" | "replacing", done, total, startedAt } | null }`',
    errors: [],
  }),
  'backup.create': channel<BackupFileView>()({
    input: z.object({ directory: absolutePath('folder').optional() }).strict(),
    access: 'settings.manage',
    summary:
      'Writes a consistent copy of the store (SQLite online backup) into the backups folder or a chosen folder, while the app keeps running. Never overwrites a file. On a venue database (PostgreSQL): CONFLICT, with the pg_dump command to use instead.',
    returns: '`BackupFileView` of the new file',
    errors: ['CONFLICT'],
  }),
  'backup.restore': channel<RestoreReport>()({
    input: z.object({ path: absolutePath('backupFile'), password: z.string().min(1, 'coreData.validation.passwordToConfirm').max(4096), ...sensitiveInput }).strict(),
    access: 'settings.manage',
    summary:
      'Replaces the store with a backup after checking a private copy (not newer than this version, integrity, same installation). Keeps a safety copy of the current store; signs everybody out. On a venue database (PostgreSQL): CONFLICT, with the pg_restore command to use instead.',
    returns: '`{ restoredFrom, safetyCopy, schemaVersion, operators, tickets }`',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED', 'NOT_FOUND', 'CONFLICT', ...SENSITIVE_ERRORS],
  }),
} as const;
