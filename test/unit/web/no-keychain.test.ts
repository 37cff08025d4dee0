import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startShellProcess, type RunningShell } from '../../helpers/web-shell-process';

let shell: RunningShell | undefined;
afterEach(async () => shell?.stop());

describe('no keychain', () => {
  it('the app answers every call with a blocking VAULT_UNAVAILABLE that says how to get a keychain, and stores no key', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-nokeychain-'));
    const dataDir = path.join(home, 'data');
    // No session bus at all: keytar cannot reach a Secret Service.
    shell = await startShellProcess({ PATH: process.env.PATH, HOME: home, BOX_OFFICE_DATA_DIR: dataDir, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    for (const channel of ['app.info', 'auth.signIn', 'setup.createFirstAccount']) {
      const { status, body } = await shell.api(channel, { login: 'anna', password: 'Tickets&Seats-2026', displayName: 'A' });
      expect(status).toBe(200);
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('VAULT_UNAVAILABLE');
      expect(body.error.message).toMatch(/keychain/i);
      expect(body.error.message).toMatch(/gnome-keyring/);
    }
    // Nothing was set up behind the user's back: no account exists in the store.
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dataDir, 'box-office.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM operators').get()).toEqual({ n: 0 });
    db.close();
    fs.rmSync(home, { recursive: true, force: true });
  });
});
