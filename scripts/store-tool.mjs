#!/usr/bin/env node
// `npm run store:password` and `npm run store:copy` (see scripts/store/store-tool.ts): bundled, then run on Node 24
// in this session's keychain.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureNpmDependencies, root } from './setup.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();
ensureNpmDependencies();
const { build } = await import('esbuild');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-store-tool-'));
try {
  const out = path.join(dir, 'store-tool.cjs');
  await build({ entryPoints: [path.join(root, 'scripts/store/store-tool.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile: out, external: ['better-sqlite3', 'keytar'], logLevel: 'warning' });
  const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
