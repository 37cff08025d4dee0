// Shared set-up for `npm start` and `npm test`: system packages, npm dependencies, the build.
// Each step checks first, so a second run is quick.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeHeadersDir } from './node-runtime.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.error(`[setup] ${message}`);

/** Debian packages: libsecret for keytar, a Secret Service keyring and D-Bus, and Chromium for the web shell and tests. */
export const RUNTIME_PACKAGES = ['libsecret-1-0', 'libsecret-1-dev', 'gnome-keyring', 'dbus', 'dbus-x11'];
/** Tests also drive Chromium, and run the store suites on a real PostgreSQL server (Debian's, started per run). */
export const TEST_PACKAGES = [...RUNTIME_PACKAGES, 'chromium', 'postgresql'];

/** `npm run bench` compares the print@home renderer with reportlab drawing the same ticket; without it the bench says so and goes on. */
export const BENCH_PACKAGES = ['python3', 'python3-reportlab'];

const installed = (pkg) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');

export function ensureSystemPackages(packages) {
  if (process.platform !== 'linux' || spawnSync('which', ['dpkg-query']).status !== 0) return;
  const missing = packages.filter((pkg) => !installed(pkg));
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`Box Office needs these system packages: ${missing.join(', ')}.\nInstall them with:\n  sudo sh -c '${command}'\nthen run this command again.`);
    process.exit(1);
  }
  log(`installing ${missing.join(', ')}`);
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** npm ci when node_modules is missing or older than the lock file; native modules build against the system's Node headers. */
export function ensureNpmDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('installing npm dependencies (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env: nativeBuildEnv() });
  // npm ci built keytar and better-sqlite3 for the Node running this script.
  fs.writeFileSync(path.join(root, 'node_modules', '.box-office-native-runtime'), nodeRuntimeTag());
}

/** What native modules built for this Node are marked with: its ABI, so another Node major rebuilds them. */
export const nodeRuntimeTag = () => `node@${process.versions.modules}`;

/** node-gyp builds against the running Node's own headers, never downloads them. */
export function nativeBuildEnv() {
  const env = { ...process.env };
  const headers = nodeHeadersDir();
  if (headers) env.npm_config_nodedir ??= headers;
  return env;
}

const SOURCES = ['shared', 'electron', 'renderer', 'vite.config.ts', 'package-lock.json', 'scripts/build.mjs'];

function sourceFingerprint() {
  const hash = crypto.createHash('sha256');
  const walk = (p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(full).sort()) walk(path.join(p, entry));
    else hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
  };
  SOURCES.forEach(walk);
  return hash.digest('hex');
}

/** Builds dist/ unless it was built from exactly these sources. */
export async function ensureBuild() {
  const stamp = path.join(root, 'dist', '.build-stamp');
  const fingerprint = sourceFingerprint();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint) return;
  log('building');
  const { buildAll } = await import('./build.mjs');
  await buildAll({ quiet: true });
  fs.writeFileSync(stamp, fingerprint);
}
