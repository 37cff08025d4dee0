// Delivery and gate at 1,000,000 tickets: bundles bench/delivery-bench.ts and runs it in its own process (so its memory is its own).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './lib.mjs';

export async function run() {
  console.log('\n# Delivery and gate');
  const out = path.join(root, 'node_modules/.cache/box-office-bench/delivery-bench.cjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await build({ entryPoints: [path.join(root, 'bench/delivery-bench.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, external: ['better-sqlite3', 'keytar'], logLevel: 'warning' });
  const result = spawnSync(process.execPath, [out], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error('delivery bench failed');
}
