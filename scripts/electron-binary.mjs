// Finds the Electron binary by its files. Never require('electron') here: recent packages start a
// download on first require, which must not happen implicitly on a machine without internet access.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './setup.mjs';

const pkgDir = path.join(root, 'node_modules', 'electron');

export function electronBinary() {
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/** Tries Electron's own installer in a child process, with a time limit; returns the binary or null. */
export function fetchElectronBinary(timeoutMs = 180_000) {
  if (!fs.existsSync(path.join(pkgDir, 'install.js'))) return null;
  console.error('[setup] no Electron binary yet: trying to download it (skip with BOX_OFFICE_SHELL=web)');
  const result = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { cwd: pkgDir, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, encoding: 'utf8' });
  if (result.status !== 0) {
    const lines = (result.stderr || '').trim().split('\n');
    const reason = result.error?.code === 'ETIMEDOUT' ? `timed out after ${timeoutMs / 1000} s` : (lines.find((l) => /error/i.test(l)) ?? lines.pop() ?? `exit ${result.status}`).trim();
    console.error(`[setup] Electron could not be downloaded (${reason}).`);
    return null;
  }
  return electronBinary();
}
