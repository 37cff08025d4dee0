#!/usr/bin/env node
// `npm test`: sets up what it needs, then runs every test (unit + end-to-end) in a private keyring
// session with a fresh HOME, and ends with one line "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuild, ensureNpmDependencies, ensureSystemPackages, root, TEST_PACKAGES } from './setup.mjs';
import { runInKeyringSession } from './keyring-session.mjs';
import { ensureNativeFor } from './native-abi.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();

// Optional: unit | e2e, then file filters (`npm test -- unit audit` runs the unit files whose path has "audit").
const [project, ...filters] = process.argv.slice(2);

if (process.env.BOX_OFFICE_IN_KEYRING !== '1') {
  ensureSystemPackages(TEST_PACKAGES);
  ensureNpmDependencies();
  ensureNativeFor('node');
  await ensureBuild();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-test-home-'));
  const code = await runInKeyringSession(process.execPath, [path.join(root, 'scripts', 'test.mjs'), ...process.argv.slice(2)], {
    env: { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CONFIG_HOME: path.join(home, '.config') },
  });
  fs.rmSync(home, { recursive: true, force: true });
  process.exit(code);
}

const report = path.join(os.tmpdir(), `box-office-vitest-${process.pid}.json`);
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
if (project) args.push('--project', project, ...filters);
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  // A file that fails to load has no failed test of its own: count it as one failure.
  failed = results.numFailedTests || results.numFailedTestSuites;
  fs.rmSync(report, { force: true });
} catch {
  failed += 1; // no report: the runner itself failed
}
if (passed === 0 && failed === 0) failed = 1; // a run that executed nothing is not a pass
// A crashed worker or an unhandled error fails the run without failing a test: it still counts.
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
