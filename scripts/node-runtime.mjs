// The Node the project's scripts, tests and CI run on: the major the project's Electron runs (45 → Node 24),
// so the web shell, the tests and the app execute the same JavaScript engine and native ABI.
// A machine whose Node is another major gets the pinned one from the npm registry's node-<os>-<arch>
// package (it ships bin/node and include/node) into .tools/, and the calling script runs again on it.
// Run directly with --env it prints the shell lines that put that Node first (for .ci/run).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_MAJOR = 24;
export const NODE_VERSION = '24.21.0';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = path.join(root, '.tools');
const log = (message) => console.error(`[setup] ${message}`);

const packageName = () => `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const installDir = () => path.join(toolsDir, `${packageName()}-${NODE_VERSION}`);
const binaryIn = (dir) => path.join(dir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

export const runsSupportedNode = () => Number(process.versions.node.split('.')[0]) === NODE_MAJOR;

/** Headers for node-gyp beside the running Node (the registry package and Debian's both ship them), or null. */
export function nodeHeadersDir() {
  for (const dir of [path.resolve(path.dirname(process.execPath), '..'), '/usr']) {
    const version = path.join(dir, 'include', 'node', 'node_version.h');
    if (fs.existsSync(version) && fs.readFileSync(version, 'utf8').includes(`#define NODE_MAJOR_VERSION ${process.versions.node.split('.')[0]}\n`)) return dir;
  }
  return null;
}

/** Downloads the pinned Node into .tools/ once (npm pack, then tar); returns its binary. */
export function installPinnedNode() {
  const dir = installDir();
  if (fs.existsSync(binaryIn(dir))) return binaryIn(dir);
  log(`Node ${process.versions.node} is not Node ${NODE_MAJOR}: fetching ${packageName()}@${NODE_VERSION} from the npm registry into .tools/`);
  fs.mkdirSync(toolsDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(toolsDir, 'download-'));
  try {
    const tarball = execFileSync('npm', ['pack', `${packageName()}@${NODE_VERSION}`, '--pack-destination', staging, '--silent'], { cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .pop();
    const unpacked = path.join(staging, 'unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('tar', ['xzf', path.join(staging, tarball), '-C', unpacked, '--strip-components=1'], { stdio: 'inherit' });
    if (!fs.existsSync(binaryIn(unpacked))) throw new Error(`${packageName()}@${NODE_VERSION} has no ${path.relative(unpacked, binaryIn(unpacked))}`);
    fs.renameSync(unpacked, dir); // whole or not at all: a cut download leaves no half-installed Node
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return binaryIn(dir);
}

/** The environment a child of the supported Node needs: its bin first on PATH (npm, npx and node-gyp then use it). */
export function envFor(binary) {
  const bin = path.dirname(binary);
  return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
}

/**
 * Call first in every entry script: on an unsupported Node it runs the same script again on the
 * pinned one and exits with its code. Where the pinned Node cannot be had it says why and goes on.
 */
export function ensureSupportedNode() {
  if (runsSupportedNode()) return;
  let binary;
  try {
    binary = installPinnedNode();
  } catch (error) {
    log(`could not get Node ${NODE_MAJOR} (${error.message.split('\n')[0]}); going on with Node ${process.versions.node}, which Electron ${NODE_MAJOR} tooling does not support.`);
    return;
  }
  const run = spawnSync(binary, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: envFor(binary) });
  process.exit(run.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === '--env') {
  const binary = runsSupportedNode() ? process.execPath : installPinnedNode();
  const quote = (value) => `'${value.replaceAll("'", `'\\''`)}'`;
  console.log(`export PATH=${quote(`${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}`)}`);
}
