#!/usr/bin/env node
// `npm run demo-data`: the demo dataset (3 events, 300 orders, a group order of 5,000 tickets) into BOX_OFFICE_DATA_DIR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ensureNpmDependencies, root } from './setup.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();

ensureNpmDependencies();
const out = path.join(root, 'node_modules/.cache/box-office-scripts/demo-data.cjs');
fs.mkdirSync(path.dirname(out), { recursive: true });
await build({ entryPoints: [path.join(root, 'scripts/demo-data.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, external: ['better-sqlite3', 'keytar'], logLevel: 'warning' });
process.exit(spawnSync(process.execPath, [out], { stdio: 'inherit' }).status ?? 1);
