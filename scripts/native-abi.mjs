// keytar and better-sqlite3 are native: built for Node (web shell, tests) or for Electron's own ABI.
// A marker records which; switching rebuilds them from source.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './setup.mjs';

const NATIVE = ['better-sqlite3', 'keytar'];
const marker = path.join(root, 'node_modules', '.box-office-native-runtime');

const current = () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : 'node');

export function ensureNativeFor(runtime) {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const wanted = runtime === 'electron' ? `electron@${electronVersion}` : 'node';
  if (current() === wanted) return;
  console.error(`[setup] rebuilding ${NATIVE.join(' and ')} for ${wanted}`);
  const env = { ...process.env };
  if (runtime === 'electron') {
    // Electron's headers come from its own download site; only a machine with internet access reaches it.
    Object.assign(env, { npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers', npm_config_nodedir: '' });
  } else if (fs.existsSync('/usr/include/node/node.h')) {
    env.npm_config_nodedir = '/usr';
  }
  execFileSync('npm', ['rebuild', ...NATIVE], { cwd: root, stdio: 'inherit', env });
  fs.writeFileSync(marker, wanted);
}
