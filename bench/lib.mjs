// Small helpers shared by the benchmarks.
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

export const print = (label, value, unit) => console.log(`${label.padEnd(60)} ${typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 0) : value} ${unit}`);

/** Starts the built web shell on a fresh data folder; resolves once it printed its address. */
export function startShell(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'))) {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist/electron/web-shell.cjs')], { env: { ...process.env, BOX_OFFICE_DATA_DIR: dataDir, BOX_OFFICE_PORT: '0' }, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Box office: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(out);
      if (m) resolve({ child, origin: m[1], token: m[2], url: `${m[1]}/#token=${m[2]}`, started, dataDir, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`web shell exited ${code}`)));
  });
}

/** A tiny API client that keeps the session cookie. */
export function client(shell) {
  let cookie = '';
  return async (channel, body = {}) => {
    const res = await fetch(`${shell.origin}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return res.json();
  };
}
