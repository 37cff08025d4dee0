/**
 * The restore's long steps, in a worker thread with its own better-sqlite3 connections: copying the
 * backup into the staging file and checking it (integrity_check, migration, foreign_key_check), then —
 * once the main thread holds the store — copying the staged file over the live one; and the backups
 * themselves (the backup and the restore's safety copy), in steps of a bounded number of pages. The main thread's
 * event loop (every window, in Electron) keeps running meanwhile. Bundled as dist/electron/restore-worker.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BackupFileError, replaceFrom, stageBackup, writeBackup, type CopyProgress } from '../store/backup-file';
import type { RestoreWorkerMessage, RestoreWorkerTask } from './restore-runner';

const task = workerData as RestoreWorkerTask;
const post = (message: RestoreWorkerMessage) => parentPort!.postMessage(message);
const progress = (phase: 'staging' | 'replacing' | 'copying') => (p: CopyProgress) => post({ type: 'progress', phase, ...p });

async function run(): Promise<void> {
  if (task.op === 'stage') {
    const facts = await stageBackup(task.source, task.staging, task.expectedInstallationId, progress('staging'));
    post({ type: 'done', facts });
  } else if (task.op === 'backup') {
    // Here, not on the main thread: the copy's last step writes the file out (fsync), which takes long on a large store.
    await writeBackup(task.liveFile, task.file, progress('copying'));
    post({ type: 'done', facts: null });
  } else {
    await replaceFrom(task.staging, task.liveFile, progress('replacing'));
    // The new pages sit in the live store's WAL: checkpointed here, or the app's next commit would do it on the main thread.
    const live = new Database(task.liveFile);
    try {
      live.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      live.close();
    }
    post({ type: 'done', facts: null });
  }
}

run().catch((error: unknown) => {
  post(error instanceof BackupFileError ? { type: 'refused', reason: error.reason, text: error.text } : { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
