/**
 * Where the ticket worker's script is. Bundled (dist/electron/ticket-worker.cjs, beside main and the web
 * shell, as scripts/build.mjs writes it) it is beside this code; run from the sources (vitest, a bench
 * bundled elsewhere) it is bundled once per process from electron/core/jobs/ticket-worker.ts with esbuild,
 * a development dependency that is only looked up then, into a private temporary folder.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const WORKER_BUNDLE = 'ticket-worker.cjs';
const WORKER_SOURCE = path.join('electron', 'core', 'jobs', 'ticket-worker.ts');

let built: string | undefined;

export function ticketWorkerFile(): string {
  if (process.env.BOX_OFFICE_TICKET_WORKER) return process.env.BOX_OFFICE_TICKET_WORKER;
  if (typeof __dirname === 'string') {
    const beside = path.join(__dirname, WORKER_BUNDLE);
    if (fs.existsSync(beside)) return beside;
  }
  return (built ??= bundleFromSources());
}

function bundleFromSources(): string {
  const candidates = [...(typeof __dirname === 'string' ? [path.join(__dirname, 'ticket-worker.ts')] : []), path.join(process.cwd(), WORKER_SOURCE)];
  const source = candidates.find((file) => fs.existsSync(file));
  if (!source) throw new Error(`The ticket worker ${WORKER_BUNDLE} is missing (looked beside the app and for ${candidates.join(', ')}). Rebuild with npm run build.`);
  const root = path.resolve(path.dirname(source), '..', '..', '..');
  // Looked up at run time (not a static import): the app's own bundles never contain esbuild.
  const esbuild = createRequire(path.join(root, 'package.json'))('esbuild') as typeof import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-worker-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const outfile = path.join(dir, WORKER_BUNDLE);
  esbuild.buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, external: ['electron', 'keytar', 'better-sqlite3'], logLevel: 'warning' });
  return outfile;
}
