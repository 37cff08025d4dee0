/** `npm run store:copy` as an admin would run it: a terminal's store moves into an empty venue database. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../../helpers/core';
import { freshPostgresUrl } from '../../helpers/engines';
import { createOperator } from '../../helpers/mfa';

const storeTool = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/store-tool.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

describe('npm run store:copy', () => {
  it('copies a SQLite store into an empty PostgreSQL database and checks that its audit log verifies there', async () => {
    const t = await makeCore({ engine: 'sqlite' });
    await t.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: 'Tickets&Seats-2026' });
    await createOperator(t, 'olga');
    await t.core.close();
    const url = await freshPostgresUrl();

    const refused = storeTool(['copy', '--to', url, '--data-dir', t.dataDir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/without a password/);

    const copied = storeTool(['copy', '--data-dir', t.dataDir, '--terminal-name', 'Desk 1'], { BOX_OFFICE_DATABASE_URL: url });
    expect(copied.stderr).not.toMatch(/error/i);
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/operators: 2 rows/);
    expect(copied.stdout).toMatch(/The audit log verifies: \d+ entries/);
    expect(copied.stdout).toMatch(/first terminal, "Desk 1"/);

    // This computer is the venue's first terminal: started on its data folder, it opens the venue with its own login.
    const here = await makeCore({ dataDir: t.dataDir, engine: 'sqlite' });
    expect(await here.must('app.info', {})).toMatchObject({ terminal: 'Desk 1', store: { engine: 'postgres', location: expect.stringMatching(/_t1@/) } });
    expect((await here.must('auth.signIn', { login: 'anna', password: 'Tickets&Seats-2026' })).state).toBe('active');
    expect((await here.must('venue.terminals', {})).terminals).toMatchObject([{ name: 'Desk 1', thisTerminal: true }]);

    // The venue database now signs her in, with the password she chose on this computer.
    const venue = await makeCore({ databaseUrl: url });
    expect((await venue.must('auth.signIn', { login: 'olga', password: 'Counter&Tickets-77' })).state).toBe('active');

    const again = storeTool(['copy', '--data-dir', t.dataDir], { BOX_OFFICE_DATABASE_URL: url });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  });
});
