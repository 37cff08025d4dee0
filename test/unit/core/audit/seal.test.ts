import crypto from 'node:crypto';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import type { Sql } from '../../../../electron/core/store/sql';
import { makeCore, makeSetUpCore, STRONG_PASSWORD, tempDir, type TestCore } from '../../../helpers/core';

const GENESIS = '0'.repeat(64);
type Row = { id: number; at: number; kind: string; actor_id: number | null; actor_login: string | null; subject: string | null; terminal: string; detail: string; prev_hash: string; hash: string };

/** The SHA-256 chain exactly as the first version of the log wrote it: what someone with the file can recompute. */
const sha = (prev: string, r: Omit<Row, 'id' | 'prev_hash' | 'hash'>) =>
  crypto.createHash('sha256').update(JSON.stringify([prev, r.at, r.kind, r.actor_id, r.actor_login, r.subject, r.terminal, r.detail])).digest('hex');

async function rechain(sql: Sql): Promise<void> {
  let prev = GENESIS;
  for (const row of await sql.all<Row>('SELECT * FROM audit_log ORDER BY id')) {
    const hash = sha(prev, row);
    await sql.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', [prev, hash, row.id]);
    prev = hash;
  }
}

async function activity(t: TestCore, rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await t.must('auth.signOut', {});
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
  }
}

/** The store as someone with access to the database would change it: plain SQL, no key. */
const raw = (t: TestCore): Sql => t.core.internals.sql;

const unsealed = async (sql: Sql) => (await sql.get<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE mac IS NULL'))!.n;

/** An SQLite store written by the version before MACs (schema 4), with a sound or an edited chain (PostgreSQL came later). */
function legacyStore(tamperId: number | null): string {
  const dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, 'box-office.sqlite'), MIGRATIONS.filter((m) => m.version <= 4));
  const insert = db.prepare('INSERT INTO audit_log (at, kind, actor_id, actor_login, subject, terminal, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let prev = GENESIS;
  for (let i = 1; i <= 3; i++) {
    const row = { at: 1_700_000_000_000 + i, kind: 'auth.sign-in', actor_id: 1, actor_login: 'anna', subject: null, terminal: 'Old box', detail: JSON.stringify({ session: `s${i}` }) };
    const hash = sha(prev, row);
    insert.run(row.at, row.kind, row.actor_id, row.actor_login, row.subject, row.terminal, row.detail, prev, hash);
    prev = hash;
  }
  if (tamperId !== null) db.prepare("UPDATE audit_log SET actor_login = 'mallory' WHERE id = ?").run(tamperId);
  db.close();
  return dataDir;
}

describe('audit log seal and anchor', () => {
  it('reports a tail deleted behind the app\'s back: "entries after #n are missing"', async () => {
    const t = await makeSetUpCore();
    await activity(t);
    const before = await t.must('audit.verify', {});
    expect(before).toMatchObject({ intact: true, problem: null });
    const db = raw(t);
    const last = (await db.get<{ id: number }>('SELECT max(id) AS id FROM audit_log'))!.id;
    await db.run('DELETE FROM audit_log WHERE id > ?', [last - 2]);
    const after = await t.must('audit.verify', {});
    expect(after).toMatchObject({ intact: false, problem: 'missing', firstBrokenId: last - 1 });
    expect(after.message).toContain(`Entries after #${last - 2} are missing`);
  });

  it('reports an edited row even when every later SHA-256 was recomputed (the chain alone has no key)', async () => {
    const t = await makeSetUpCore();
    await activity(t);
    const db = raw(t);
    await db.run("UPDATE audit_log SET actor_login = 'mallory' WHERE id = 3");
    await rechain(db);
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, problem: 'edited', firstBrokenId: 3 });
  });

  it('reports seals stripped from a sealed log, instead of sealing it again at the next start', async () => {
    const t = await makeSetUpCore();
    await activity(t, 1);
    await t.core.internals.audit.settled();
    const db = raw(t);
    await db.run("UPDATE audit_log SET actor_login = 'mallory' WHERE id = 2");
    await db.run('UPDATE audit_log SET mac = NULL');
    await rechain(db);
    const again = await t.reopen();
    // The log looks like a legacy one, but this installation has anchored a sealed log: not sealed again.
    expect(await unsealed(again.core.internals.sql)).toBeGreaterThan(2);
    expect(await again.core.internals.audit.check()).toMatchObject({ problem: 'unsealed', firstBrokenId: 1 });
  });

  it('seals a legacy (pre-MAC) log at start, after checking its old chain, with a marker entry', async () => {
    const t = await makeCore({ dataDir: legacyStore(null), engine: 'sqlite' });
    const { sql, audit } = t.core.internals;
    expect(await unsealed(sql)).toBe(0);
    expect((await audit.recent(1))[0]).toMatchObject({ kind: 'audit.sealed', detail: { entries: 3, lastLegacyId: 3 } });
    expect(await audit.check()).toMatchObject({ problem: null, firstBrokenId: null, checked: 4 });
    await audit.settled();
    expect(await t.core.internals.vault.auditAnchor()).toMatchObject({ id: 4 });
  });

  it('reports a tampered legacy log and leaves it unsealed', async () => {
    const t = await makeCore({ dataDir: legacyStore(2), engine: 'sqlite' });
    const { sql, audit } = t.core.internals;
    expect(await unsealed(sql)).toBe(3);
    expect((await audit.recent(5)).map((e) => e.kind)).not.toContain('audit.sealed');
    expect(await audit.check()).toMatchObject({ problem: 'edited', firstBrokenId: 2 });
  });

  it('a restore anchors the restored log at its marker entry: no false alarm, and a cut marker is seen', async () => {
    // Restore is SQLite's own file tool; a venue database is restored with pg_restore.
    const t = await makeSetUpCore({ engine: 'sqlite' });
    const backup = await t.must('backup.create', {});
    await activity(t, 4);
    await t.must('backup.restore', { path: backup.path, password: STRONG_PASSWORD });
    const { audit, vault } = t.core.internals;
    const marker = (await audit.recent(1))[0]!;
    expect(marker.kind).toBe('store.restored');
    await audit.settled();
    expect(await vault.auditAnchor()).toMatchObject({ id: marker.id });
    expect(await audit.check()).toMatchObject({ problem: null });
    await raw(t).run('DELETE FROM audit_log WHERE id = ?', [marker.id]);
    expect(await audit.check()).toMatchObject({ problem: 'missing', firstBrokenId: marker.id });
  });

  it('lists and exports a row whose detail is not JSON, marked unreadable, and Verify names it', async () => {
    const t = await makeSetUpCore();
    await activity(t, 1);
    await raw(t).run("UPDATE audit_log SET detail = 'not json {' WHERE id = 2");
    const page = await t.must('audit.list', {});
    expect(page.entries.find((e) => e.id === 2)).toMatchObject({ unreadable: 'not json {', detail: {} });
    expect(page.entries.find((e) => e.id === 1)).toMatchObject({ unreadable: null });
    const exported = await t.must('audit.exportCsv', {});
    const rows = parse(exported.csv, { columns: true }) as { id: string; detail: string }[];
    expect(rows.find((r) => r.id === '2')?.detail).toBe('[unreadable] not json {');
    expect(exported.rows).toBe(page.total);
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, firstBrokenId: 2, unreadableIds: [2] });
  });
});
