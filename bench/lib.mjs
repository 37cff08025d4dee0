// Small helpers shared by the benchmarks: statistics, one printed line per figure (with its goal), and
// clean-up — every web shell, browser and temporary folder a bench starts is ended and removed, even when it fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

export const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
};

const format = (value) => (typeof value === 'number' ? value.toLocaleString('en', { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0, minimumFractionDigits: Math.abs(value) < 10 ? 2 : 0 }) : String(value));

/**
 * One figure: label, value, unit, and the goal it is held to ("≤ 30 ms", "≥ 10×"). A goal given as
 * { max } or { min } is also checked: the line ends with "ok" or "MISSED" (a figure, not a failure).
 */
export function print(label, value, unit, goal) {
  let target = '';
  let verdict = '';
  if (goal && typeof goal === 'object') {
    target = 'max' in goal ? `≤ ${format(goal.max)} ${unit}` : `≥ ${format(goal.min)} ${unit}`;
    if (typeof value === 'number') verdict = ('max' in goal ? value <= goal.max : value >= goal.min) ? '  ok' : '  MISSED';
  } else if (goal) target = goal;
  console.log(`${label.padEnd(64)} ${`${format(value)} ${unit}`.padStart(16)}   goal: ${target || '—'}${verdict}`);
}

// What the benches started, ended by cleanUp() (scripts/bench.mjs calls it in a finally, and on a signal).
const children = new Set();
const closers = new Set();
const folders = new Set();

export const tempFolder = (prefix) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.add(dir);
  return dir;
};

/** Something with an async close() (a browser): closed at clean-up if the bench did not close it. */
export function track(closable) {
  closers.add(closable);
  return closable;
}

export function trackChild(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function cleanUp() {
  for (const closable of closers) await closable.close().catch(() => {});
  closers.clear();
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** Starts the built web shell on a fresh data folder; resolves once it printed its address. */
export function startShell(dataDir = tempFolder('bench-data-')) {
  const started = performance.now();
  const child = trackChild(spawn(process.execPath, [path.join(root, 'dist/electron/web-shell.cjs')], { env: { ...process.env, BOX_OFFICE_DATA_DIR: dataDir, BOX_OFFICE_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] }));
  let errors = '';
  child.stderr.on('data', (d) => (errors = (errors + d).slice(-2000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Box office: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(out);
      if (m)
        resolve({
          child,
          origin: m[1],
          token: m[2],
          url: `${m[1]}/#token=${m[2]}`,
          started,
          dataDir,
          /** Ends the shell and waits until it has gone (its data folder stays until clean-up). */
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
    });
    child.once('exit', (code) => reject(new Error(`web shell exited ${code} before it was ready${errors ? `:\n${errors}` : ''}`)));
  });
}

/** A tiny API client that keeps the session cookie. `must` throws on an error result: a bench measures only what worked. */
export function client(shell) {
  let cookie = '';
  const call = async (channel, body = {}) => {
    const res = await fetch(`${shell.origin}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return res.json();
  };
  call.must = async (channel, body = {}) => {
    const r = await call(channel, body);
    if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
    return r.value;
  };
  return call;
}

/** Runs a bundled TypeScript bench in its own process (its memory is its own); resolves when it exited 0. */
export async function runBundled(entry, { env = {}, nodeArgs = [] } = {}) {
  const { build } = await import('esbuild');
  const out = path.join(tempFolder('bench-bundle-'), `${path.basename(entry, '.ts')}.cjs`);
  await build({ entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, external: ['better-sqlite3', 'keytar'], logLevel: 'warning' });
  // The bundle lives outside the tree: its external native modules resolve through NODE_PATH.
  const nodePath = [path.join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  const child = trackChild(spawn(process.execPath, [...nodeArgs, out], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_PATH: nodePath, ...env } }));
  const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  if (code !== 0) throw new Error(`${entry} exited ${code}`);
}
