#!/usr/bin/env node
// `npm run bench`: prints figures, each with its goal. Runs in a private keyring session like the tests.
// BENCH=pdf,gate runs only the benches whose file name contains one of those words.
// Exits non-zero only when a bench failed (not when a figure misses its goal); whatever it started —
// web shells, browsers, temporary folders — is ended and removed, also after a failure or Ctrl-C.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_PACKAGES, ensureBuild, ensureSystemPackages, root, TEST_PACKAGES } from './setup.mjs';
import { runInKeyringSession } from './keyring-session.mjs';
import { ensureNativeFor } from './native-abi.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();

/** The bench measures the installed tree; it never installs npm packages itself (npm ci would replace node_modules under other work). */
function requireNpmDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(path.join(root, 'package-lock.json')).mtimeMs) return;
  console.error('npm dependencies are missing or older than package-lock.json: run `npm ci` (or `npm test` once), then `npm run bench` again.');
  process.exit(1);
}

/** reportlab is the yardstick of the print@home bench; without it that bench says so and the others run. */
function offerBenchPackages() {
  if (process.getuid?.() !== 0) return; // ensureSystemPackages would stop here asking for sudo: the PDF bench reports it instead
  try {
    ensureSystemPackages(BENCH_PACKAGES);
  } catch (error) {
    console.error(`[bench] could not install ${BENCH_PACKAGES.join(', ')} (${error.message.split('\n')[0]}): the reportlab comparison is skipped.`);
  }
}

if (process.env.BOX_OFFICE_IN_KEYRING !== '1') {
  ensureSystemPackages(TEST_PACKAGES);
  offerBenchPackages();
  requireNpmDependencies();
  ensureNativeFor('node');
  await ensureBuild();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-bench-home-'));
  let code = 1;
  try {
    code = await runInKeyringSession(process.execPath, [path.join(root, 'scripts', 'bench.mjs')], { env: { ...process.env, HOME: home } });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  process.exit(code);
}

const { cleanUp } = await import('../bench/lib.mjs');
const stop = (signal) => {
  void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

const only = (process.env.BENCH ?? '').split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
const benches = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => /^\d+-.*\.mjs$/.test(f))
  .filter((f) => only.length === 0 || only.some((word) => f.toLowerCase().includes(word)))
  .sort();
if (benches.length === 0) {
  console.error(`No bench matches BENCH=${process.env.BENCH}.`);
  process.exit(1);
}
const failed = [];
try {
  for (const file of benches) {
    try {
      const { run } = await import(path.join(root, 'bench', file));
      await run();
    } catch (error) {
      failed.push(file);
      console.error(`\n[bench] ${file} failed: ${error?.stack ?? error}`);
    } finally {
      await cleanUp(); // each bench starts from a clean machine, whatever the last one left
    }
  }
} finally {
  await cleanUp();
}
if (failed.length) console.error(`\n[bench] failed: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
