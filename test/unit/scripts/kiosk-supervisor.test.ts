import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { KIOSK_BROWSER_FLAGS, superviseKiosk } from '../../../scripts/kiosk-supervisor.mjs';
import { STRONG_PASSWORD, tempDir } from '../../helpers/core';
import { WEB_SHELL } from '../../helpers/web-shell-process';

/** Stands in for Chromium (no display here): records each start's arguments and stays open until killed. */
function fakeBrowser(dir: string): { command: string; starts: () => string[][] } {
  const log = path.join(dir, 'starts.jsonl');
  const command = path.join(dir, 'fake-browser');
  fs.writeFileSync(command, `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\nsetInterval(() => {}, 1000);\n`, { mode: 0o755 });
  return { command, starts: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]) : []) };
}

const waitFor = async <T>(get: () => T | undefined | false, what: string): Promise<T> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the Chromium kiosk launcher (npm run kiosk)', () => {
  it('opens the kiosk address full screen, reopens a closed browser, and ends only when an admin closes the kiosk', async () => {
    const dir = tempDir('box-office-kiosk-');
    const browser = fakeBrowser(dir);
    const lines: string[] = [];
    const done = superviseKiosk({ node: process.execPath, webShell: WEB_SHELL, browser: browser.command, env: { ...process.env, BOX_OFFICE_DATA_DIR: path.join(dir, 'data') }, log: (l: string) => lines.push(l) }) as Promise<number>;

    const [first] = await waitFor(() => browser.starts().length > 0 && browser.starts(), 'the browser');
    expect(first!.slice(0, KIOSK_BROWSER_FLAGS.length)).toEqual(KIOSK_BROWSER_FLAGS);
    expect(first).toContain('--kiosk');
    const app = first!.find((a) => a.startsWith('--app='))!.slice('--app='.length);
    expect(app).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/);
    const profile = first!.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    expect(fs.existsSync(profile)).toBe(true);

    // Someone closes the browser: it comes back on the same address.
    const pid = Number(fs.readdirSync('/proc').find((p) => /^\d+$/.test(p) && safeRead(`/proc/${p}/cmdline`).includes(browser.command)));
    process.kill(pid, 'SIGKILL');
    const starts = await waitFor(() => browser.starts().length === 2 && browser.starts(), 'the browser to come back');
    expect(starts[1]!.at(-1)).toBe(`--app=${app}`);
    expect(lines.join('\n')).toMatch(/opening it again/);

    // The web shell runs as a kiosk; only an administrator's password ends it.
    const origin = new URL(app).origin;
    const token = new URL(app).hash.replace('#token=', '');
    const api = (channel: string, body: unknown) =>
      fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ ok: boolean; value?: { kiosk?: boolean } }>);
    expect((await api('app.info', {})).value?.kiosk).toBe(true);
    expect((await api('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: STRONG_PASSWORD })).ok).toBe(true);
    expect((await api('kiosk.quit', { login: 'anna', password: 'not the password' })).ok).toBe(false);
    expect((await api('kiosk.quit', { login: 'anna', password: STRONG_PASSWORD })).ok).toBe(true);
    expect(await done).toBe(0);
    // The browser went with it, and its throw-away profile too.
    await waitFor(() => !fs.readdirSync('/proc').some((p) => /^\d+$/.test(p) && safeRead(`/proc/${p}/cmdline`).includes(browser.command)), 'the browser to close');
    expect(fs.existsSync(profile)).toBe(false);
  });
});

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
