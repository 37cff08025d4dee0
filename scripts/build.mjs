#!/usr/bin/env node
// Builds everything into dist/: main, preload and web shell (esbuild), the browser bridge, and the renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);

// Native modules and electron stay outside the bundle; electron is provided by the Electron runtime only.
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, external: ['electron', 'keytar', 'better-sqlite3'], logLevel: 'warning' };

/** The print@home ticket's Unicode font (DejaVu Sans) and its licence, beside the bundles that read them (ticket-fonts.ts). */
const TICKET_FONTS = { from: 'node_modules/dejavu-fonts-ttf', files: ['ttf/DejaVuSans.ttf', 'ttf/DejaVuSans-Bold.ttf', 'LICENSE'], to: 'dist/electron/fonts' };

function copyTicketFonts() {
  fs.mkdirSync(at(TICKET_FONTS.to), { recursive: true });
  for (const file of TICKET_FONTS.files) fs.copyFileSync(at(path.join(TICKET_FONTS.from, file)), at(path.join(TICKET_FONTS.to, path.basename(file))));
}

export async function buildAll({ quiet = false } = {}) {
  copyTicketFonts();
  await Promise.all([
    esbuild({ ...node, entryPoints: [at('electron/main.ts')], outfile: at('dist/electron/main.cjs') }),
    esbuild({ ...node, entryPoints: [at('electron/web-shell.ts')], outfile: at('dist/electron/web-shell.cjs') }),
    // The ticket jobs' worker threads (print@home drawn off the main thread): beside main and the web shell (electron/core/jobs/worker-file.ts).
    esbuild({ ...node, entryPoints: [at('electron/core/jobs/ticket-worker.ts')], outfile: at('dist/electron/ticket-worker.cjs') }),
    // The restore's checks run in a worker thread; restore-runner.ts finds this file beside main.cjs and web-shell.cjs.
    esbuild({ ...node, entryPoints: [at('electron/core/backup/restore-worker.ts')], outfile: at('dist/electron/restore-worker.cjs') }),
    // A sandboxed preload may require only 'electron': everything else is bundled into this one file.
    esbuild({ ...node, entryPoints: [at('electron/preload.ts')], outfile: at('dist/electron/preload.cjs'), external: ['electron'] }),
    esbuild({ bundle: true, minify: true, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: [at('electron/web/bridge.ts')], outfile: at('dist/web/bridge.js'), logLevel: 'warning' }),
  ]);
  await vite({ configFile: at('vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildAll();
  console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
