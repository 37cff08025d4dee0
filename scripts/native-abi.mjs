// keytar and better-sqlite3 are native: built for Node (web shell, tests) or for Electron's own ABI.
// A marker records which; switching rebuilds them from source.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { nativeBuildEnv, nodeRuntimeTag, root } from './setup.mjs';

const NATIVE = ['better-sqlite3', 'keytar'];
const marker = path.join(root, 'node_modules', '.box-office-native-runtime');

// No marker: built by an npm ci that predates it, for an unknown Node.
const current = () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : 'unknown');

export function ensureNativeFor(runtime) {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const wanted = runtime === 'electron' ? `electron@${electronVersion}` : nodeRuntimeTag();
  if (current() === wanted) return;
  // No marker (a plain `npm ci`, as CI runs it): what loads in this Node was built for it.
  if (current() === 'unknown' && runtime === 'node' && loadsHere()) return fs.writeFileSync(marker, wanted);
  console.error(`[setup] rebuilding ${NATIVE.join(' and ')} for ${wanted}`);
  const env = runtime === 'electron' ? { ...process.env } : nativeBuildEnv();
  if (runtime === 'electron') {
    // Electron's headers come from its own download site; only a machine with internet access reaches it.
    Object.assign(env, { npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers', npm_config_nodedir: '' });
  }
  execFileSync('npm', ['rebuild', ...NATIVE], { cwd: root, stdio: 'inherit', env });
  fs.writeFileSync(marker, wanted);
}

const loadsHere = () => spawnSync(process.execPath, ['-e', NATIVE.map((name) => `require('${name}')`).join(';')], { cwd: root, stdio: 'ignore' }).status === 0;
