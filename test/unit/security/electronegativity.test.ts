import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core';

const scan = (dir: string) => {
  const run = spawnSync(process.execPath, ['scripts/security-scan.mjs', dir], { encoding: 'utf8' });
  // The whole output, so a failure shows what the scanner said.
  return { status: run.status, stdout: `${run.stdout}\n${run.stderr}` };
};

/** A tiny Electron app whose window is unsafe, with navigation and permission guards present. */
function fixture(explain: boolean): string {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'main.js'),
    [
      "const { app, BrowserWindow, session } = require('electron');",
      "app.on('web-contents-created', (e, c) => { c.on('will-navigate', (ev) => ev.preventDefault()); c.setWindowOpenHandler(() => ({ action: 'deny' })); });",
      'session.defaultSession.setPermissionRequestHandler((wc, p, cb) => cb(false));',
      ...(explain ? ['// electronegativity-explained: CONTEXT_ISOLATION_JS_CHECK — fixture for the scanner test'] : []),
      "const w = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true, disableBlinkFeatures: 'Auxclick' } });",
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'index.html'), `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; base-uri 'none'"></head></html>`);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.0.0' } }));
  return dir;
}

// Each scan runs the tool twice (SARIF and CSV); under a loaded machine that takes a while.
describe('security scan (Electronegativity)', { timeout: 180_000 }, () => {
  it('passes on this project', () => {
    const run = scan('.');
    expect(run.stdout).toMatch(/0 unexplained/);
    expect(run.status, run.stdout).toBe(0);
  });

  it('fails on an unexplained finding of medium severity or above, naming it', () => {
    const run = scan(fixture(false));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/FINDING\s+CONTEXT_ISOLATION_JS_CHECK at main\.js:4/);
  });

  it('accepts a finding explained by a comment next to the code', () => {
    const run = scan(fixture(true));
    expect(run.stdout).toMatch(/explained\s+CONTEXT_ISOLATION_JS_CHECK at main\.js:5/);
    expect(run.status, run.stdout).toBe(0);
  });
});
