/**
 * Runs the restore's long steps (restore-worker.ts) in a worker thread and answers like the functions
 * it calls: the facts, a BackupFileError for a refused file, or the error of a bug.
 *
 * Where the worker's code is: built, it is dist/electron/restore-worker.cjs beside main.cjs and
 * web-shell.cjs (scripts/build.mjs); run from the sources (the tests), there is only the TypeScript
 * file, which is bundled once per process with esbuild (a development tool, never loaded when built).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BackupFileError, type BackupFileFacts, type CopyProgress } from '../store/backup-file';

export type RestoreWorkerTask =
  | { op: 'stage'; source: string; staging: string; expectedInstallationId: string | null }
  | { op: 'replace'; staging: string; liveFile: string }
  | { op: 'backup'; liveFile: string; file: string };

export type RestoreWorkerMessage =
  | ({ type: 'progress'; phase: 'staging' | 'replacing' | 'copying' } & CopyProgress)
  | { type: 'done'; facts: BackupFileFacts | null }
  | { type: 'refused'; reason: BackupFileError['reason']; text: BackupFileError['text'] }
  | { type: 'failed'; message: string };

const BUILT = 'restore-worker.cjs';
const SOURCE = 'restore-worker.ts';

let bundled: Promise<string> | null = null;

/** The worker's script: the built one beside this bundle, or the sources bundled for this process. */
export function restoreWorkerScript(): Promise<string> {
  const built = path.join(__dirname, BUILT);
  if (fs.existsSync(built)) return Promise.resolve(built);
  bundled ??= bundleSources(path.join(__dirname, SOURCE));
  return bundled;
}

async function bundleSources(entry: string): Promise<string> {
  if (!fs.existsSync(entry)) throw new Error(`The restore worker is missing: neither ${path.join(__dirname, BUILT)} nor ${entry} exists.`);
  // A variable, so that bundling the app leaves this development-only import alone.
  const tool = 'esbuild';
  const { build } = (await import(tool)) as typeof import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-restore-worker-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const outfile = path.join(dir, BUILT);
  // The bundle sits outside the tree: the native module is required by its resolved path.
  const native = require.resolve('better-sqlite3');
  const plugins = [{ name: 'native', setup: (b: import('esbuild').PluginBuild) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: native, external: true })) }];
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, plugins, logLevel: 'warning' });
  return outfile;
}

/** Runs one task in a new worker thread; `onProgress` hears its copy's steps. */
export async function runRestoreWorker(task: RestoreWorkerTask, onProgress?: (phase: 'staging' | 'replacing' | 'copying', progress: CopyProgress) => void): Promise<BackupFileFacts | null> {
  const worker = new Worker(await restoreWorkerScript(), { workerData: task });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (message: RestoreWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.phase, { done: message.done, total: message.total });
      else if (message.type === 'done') settle(() => resolve(message.facts));
      else if (message.type === 'refused') settle(() => reject(new BackupFileError(message.reason, message.text)));
      else settle(() => reject(new Error(`The restore worker failed: ${message.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The restore worker stopped (exit code ${code}) before it answered.`))));
  });
}
