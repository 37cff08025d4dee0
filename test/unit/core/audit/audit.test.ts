import Database from 'better-sqlite3';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../../electron/core/audit/audit-csv';
import { makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { createOperator, signIn } from '../../../helpers/mfa';

describe('audit log', () => {
  it('Verify names the first row edited or following a deleted one, directly in the SQLite file', async () => {
    const t = await makeSetUpCore();
    for (let i = 0; i < 3; i++) {
      await t.must('auth.signOut', {});
      await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    }
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true, firstBrokenId: null });
    t.core.internals.db.pragma('wal_checkpoint(TRUNCATE)');
    // Someone with the file edits an entry behind the app's back.
    const raw = new Database(path.join(t.dataDir, 'box-office.sqlite'));
    raw.prepare("UPDATE audit_log SET actor_login = 'mallory' WHERE id = 4").run();
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, firstBrokenId: 4 });
    // Put it back, then delete one: the entry after the gap is named.
    raw.prepare("UPDATE audit_log SET actor_login = 'anna' WHERE id = 4").run();
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true });
    raw.prepare('DELETE FROM audit_log WHERE id = 5').run();
    raw.close();
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, firstBrokenId: 6 });
  });

  it('filters by operator, kind and time, pages newest first, and exports the same rows as CSV', async () => {
    const t = await makeSetUpCore();
    await t.call('auth.signIn', { login: 'ghost', password: 'Wrong-password-1' }, 's2');
    t.clock.advance(60_000);
    const since = t.clock.now();
    await t.must('auth.signOut', {});
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const all = await t.must('audit.list', {});
    expect(all.entries.map((e) => e.id)).toEqual([...all.entries.map((e) => e.id)].sort((a, b) => b - a));
    const failures = await t.must('audit.list', { kind: 'auth.sign-in-failed' });
    expect(failures.entries.map((e) => e.subject)).toEqual(['ghost']);
    const recent = await t.must('audit.list', { from: since, operator: 'anna' });
    expect(recent.entries.map((e) => e.kind)).toEqual(['auth.sign-in', 'auth.sign-out']);
    const page = await t.must('audit.list', { limit: 2, offset: 1 });
    expect(page.entries).toHaveLength(2);
    expect(page.total).toBe(all.total);
    const exported = await t.must('audit.exportCsv', { operator: 'anna', from: since });
    const rows = parse(exported.csv, { columns: true }) as { id: string; kind: string; operator: string }[];
    expect(rows.map((r) => Number(r.id))).toEqual(recent.entries.map((e) => e.id).reverse());
    expect(rows.every((r) => r.operator === 'anna')).toBe(true);
    expect(exported.rows).toBe(2);
  });

  it('is for admins only, and defuses spreadsheet formulas in the CSV', async () => {
    const t = await makeSetUpCore();
    const { csv } = auditCsv([{ id: 1, at: 0, kind: 'k', actorId: null, actorLogin: null, subject: '=HYPERLINK("x")', terminal: '+Box, "2"', detail: {}, unreadable: false, rawDetail: '{}', prevHash: '', hash: 'h' }]);
    const [row] = parse(csv, { columns: true }) as { subject: string; terminal: string }[];
    expect(row).toMatchObject({ subject: `'=HYPERLINK("x")`, terminal: `'+Box, "2"` });
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'olga');
    expect(await t.call('audit.list', {}, 'olga')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
