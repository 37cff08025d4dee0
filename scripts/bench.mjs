#!/usr/bin/env node
// `npm run bench`: prints figures (no pass/fail). Runs in a private keyring session like the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild, ensureNpmDependencies, ensureSystemPackages, root, TEST_PACKAGES } from './setup.mjs';
import { runInKeyringSession } from './keyring-session.mjs';
import { ensureNativeFor } from './native-abi.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();

if (process.env.BOX_OFFICE_IN_KEYRING !== '1') {
  ensureSystemPackages(TEST_PACKAGES);
  ensureNpmDependencies();
  ensureNativeFor('node');
  await ensureBuild();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-bench-home-'));
  const code = await runInKeyringSession(process.execPath, [path.join(root, 'scripts', 'bench.mjs')], { env: { ...process.env, HOME: home } });
  fs.rmSync(home, { recursive: true, force: true });
  process.exit(code);
}

const benches = fs.readdirSync(path.join(root, 'bench')).filter((f) => /^\d+-.*\.mjs$/.test(f)).sort();
for (const file of benches) {
  const { run } = await import(path.join(root, 'bench', file));
  await run();
}
