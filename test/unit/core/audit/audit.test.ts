import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../../electron/core/audit/audit-csv';
import { AUDIT_PAGE_ROWS } from '../../../../electron/core/audit/audit-repo';
import { makeCore, makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { createOperator, signIn } from '../../../helpers/mfa';

describe('audit log', () => {
  it('Verify names the first row edited or following a deleted one, changed directly in the store', async () => {
    const t = await makeSetUpCore();
    for (let i = 0; i < 3; i++) {
      await t.must('auth.signOut', {});
      await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    }
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true, firstBrokenId: null });
    // Someone with access to the database edits an entry behind the app's back.
    const { sql } = t.core.internals;
    await sql.run("UPDATE audit_log SET actor_login = 'mallory' WHERE id = 4");
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, firstBrokenId: 4 });
    // Put it back, then delete one: the entry after the gap is named.
    await sql.run("UPDATE audit_log SET actor_login = 'anna' WHERE id = 4");
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true });
    await sql.run('DELETE FROM audit_log WHERE id = 5');
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, firstBrokenId: 6 });
  });

  it('stays one chain while two terminals on the same store append at once', async () => {
    const t = await makeSetUpCore();
    // A second terminal on the same store (the same SQLite file, or the same venue database), with the same keychain.
    const other = await makeCore({ dataDir: t.dataDir, ...(t.databaseUrl ? { databaseUrl: t.databaseUrl } : {}) });
    const before = (await t.core.internals.audit.recent(1))[0]!.id;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => [
        t.core.internals.audit.append({ kind: 'test.desk-a', detail: { i } }),
        other.core.internals.audit.append({ kind: 'test.desk-b', detail: { i } }),
        // An entry inside a transaction that also writes, as services append.
        other.core.internals.sql.transaction(async () => {
          await other.core.internals.sql.run("UPDATE settings SET value = value WHERE key = 'installation.id'");
          await other.core.internals.audit.append({ kind: 'test.desk-b-tx', detail: { i } });
        }),
      ]).flat(),
    );
    const entries = (await t.core.internals.audit.recent(200)).filter((e) => e.id > before);
    expect(entries).toHaveLength(75);
    expect(entries.map((e) => e.id)).toEqual(Array.from({ length: 75 }, (_, i) => before + 75 - i));
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true, problem: null });
    expect(await other.core.internals.audit.check()).toMatchObject({ problem: null });
  });

  it('walks a log longer than one page (Verify and the CSV export read it a page at a time)', async () => {
    const t = await makeSetUpCore();
    const { audit } = t.core.internals;
    for (let i = 0; i < AUDIT_PAGE_ROWS + 50; i++) await audit.append({ kind: 'test.filler', detail: { i } });
    const total = (await t.must('audit.list', {})).total;
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true, checked: total });
    const exported = await t.must('audit.exportCsv', { kind: 'test.' });
    expect(exported.rows).toBe(AUDIT_PAGE_ROWS + 50);
    const ids = (parse(exported.csv, { columns: true }) as { id: string }[]).map((r) => Number(r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
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
    const { csv } = await auditCsv([{ id: 1, at: 0, kind: 'k', actorId: null, actorLogin: null, subject: '=HYPERLINK("x")', terminal: '+Box, "2"', detail: {}, unreadable: false, rawDetail: '{}', prevHash: '', hash: 'h' }]);
    const [row] = parse(csv, { columns: true }) as { subject: string; terminal: string }[];
    expect(row).toMatchObject({ subject: `'=HYPERLINK("x")`, terminal: `'+Box, "2"` });
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'olga');
    expect(await t.call('audit.list', {}, 'olga')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
