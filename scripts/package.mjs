#!/usr/bin/env node
// `npm run package [-- --linux | --win | --mac]`: the installers, with electron-builder (build/electron-builder.yml).
// electron-builder downloads Electron's release archives and native headers: this needs internet access.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, ensureNpmDependencies, root } from './setup.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();

const RELEASES = 'https://github.com/electron/electron/releases';

async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(8_000) });
    return true;
  } catch {
    return false;
  }
}

ensureNpmDependencies();
await ensureBuild();
if (!(await reachable(RELEASES))) {
  console.error(
    `Packaging needs Electron's release archives (${RELEASES}) and Electron's headers to rebuild keytar and better-sqlite3, ` +
      'and this machine cannot reach them. Run `npm run package` on a packaging machine with internet access; nothing was built.',
  );
  process.exit(1);
}
const targets = process.argv.slice(2);
const builder = path.join(root, 'node_modules', '.bin', 'electron-builder');
const result = spawnSync(builder, ['--config', 'build/electron-builder.yml', '--publish', 'never', ...targets], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
