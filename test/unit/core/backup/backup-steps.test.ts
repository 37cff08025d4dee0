import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PAGES_PER_STEP, writeBackup, type CopyProgress } from '../../../../electron/core/store/backup-file';
import { makeSetUpCore, STRONG_PASSWORD, type TestCore } from '../../../helpers/core';
import { longestGap } from '../../../helpers/stall-probe';

/**
 * Backup and restore never hold the event loop for long (issue 13, item 7). SQLite only: they are SQLite's
 * file tools (a venue database's backups are pg_dump's). The stores are made large with a scratch table
 * written straight through the SQLite connection: what matters here is the file's size in pages.
 */
async function largeStore(megabytes: number): Promise<{ t: TestCore; file: string }> {
  const t = await makeSetUpCore({ engine: 'sqlite' });
  const db = t.core.internals.sqlite!;
  db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO bulk (payload) VALUES (randomblob(4000))');
  db.transaction(() => {
    for (let i = 0; i < megabytes * 256; i++) insert.run();
  })();
  return { t, file: path.join(t.dataDir, 'box-office.sqlite') };
}

describe('backup and restore in steps', () => {
  it('writes a store bigger than one step in several steps, and the copy is the store as committed when it began', async () => {
    const { t, file } = await largeStore(4);
    const db = t.core.internals.sqlite!;
    const rows = (db.prepare('SELECT count(*) AS n FROM bulk').get() as { n: number }).n;
    const steps: CopyProgress[] = [];
    const target = path.join(t.dataDir, 'stepped.sqlite');
    // A commit of the app's own connection between two steps neither restarts the copy nor gets into it.
    await writeBackup(file, target, (p) => {
      steps.push(p);
      if (steps.length === 2) db.prepare('INSERT INTO bulk (payload) VALUES (randomblob(10))').run();
    });
    const total = steps.at(-1)!.total;
    expect(total).toBeGreaterThan(3 * PAGES_PER_STEP);
    expect(steps.length).toBeGreaterThanOrEqual(Math.floor(total / PAGES_PER_STEP));
    expect(steps.every((s, i) => i === 0 || s.done >= steps[i - 1]!.done)).toBe(true);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM bulk').get() as { n: number }).n).toBe(rows);
    copy.close();
    expect((db.prepare('SELECT count(*) AS n FROM bulk').get() as { n: number }).n).toBe(rows + 1);
  });

  it('shows a backup under way on backup.progress, and nothing once it is done', async () => {
    const { t } = await largeStore(4);
    const seen: unknown[] = [];
    const polling = setInterval(() => void t.call('backup.progress', {}).then((r) => r.ok && r.value.progress && seen.push(r.value.progress)), 1);
    try {
      await t.must('backup.create', {});
    } finally {
      clearInterval(polling);
    }
    expect(seen).toContainEqual(expect.objectContaining({ operation: 'backup', step: 'copying' }));
    expect(seen.some((p) => (p as { done: number; total: number }).done > 0 && (p as { done: number; total: number }).done < (p as { total: number }).total)).toBe(true);
    expect(await t.must('backup.progress', {})).toEqual({ progress: null });
  });

  it('checks a backup off the main thread: timers keep firing through a restore of a large store', async () => {
    const { t } = await largeStore(48);
    const backup = await t.must('backup.create', {});
    const { value, gapMs, ticks } = await longestGap(() => t.call('backup.restore', { path: backup.path, password: STRONG_PASSWORD }));
    expect(value).toMatchObject({ ok: true });
    // Checked in one go on the main thread, this store held the event loop about a second here; in steps and
    // in a worker no gap comes near. Generous: two shared cores.
    expect(gapMs).toBeLessThan(400);
    expect(ticks).toBeGreaterThan(20);
    expect(fs.existsSync(`${path.join(t.dataDir, 'box-office.sqlite')}.restore-staging`)).toBe(false);
  }, 60_000);
});
