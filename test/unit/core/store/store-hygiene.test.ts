/** The store's files are its owner's alone, and the sign-in throttle table stays bounded (issue "Defects…", items 7 and 8). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../../electron/core/store/database';
import { MAX_THROTTLE_ROWS, THROTTLE_MEMORY_MS, ThrottleRepo } from '../../../../electron/core/store/throttle-repo';
import { lockDuration } from '../../../../electron/core/auth/throttle';
import type { Sql } from '../../../../electron/core/store/sql';
import { makeCore, makeSetUpCore, tempDir } from '../../../helpers/core';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('store files', () => {
  it('creates the database, its -wal and its -shm readable by the owner only, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      // The file modes are SQLite's: on PostgreSQL the server owns the files.
      const t = await makeSetUpCore({ engine: 'sqlite' });
      const file = path.join(t.dataDir, DATABASE_FILE);
      for (const part of [file, `${file}-wal`, `${file}-shm`]) {
        expect(fs.existsSync(part), part).toBe(true);
        expect(modeOf(part).toString(8), part).toBe('600');
      }
    } finally {
      process.umask(previous);
    }
  });

  it('narrows files an older version left world-readable', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    openDatabase(file).close();
    fs.chmodSync(file, 0o644);
    const db = openDatabase(file);
    db.prepare('SELECT 1').get();
    expect(modeOf(file).toString(8)).toBe('600');
    expect(modeOf(`${file}-wal`).toString(8)).toBe('600');
    db.close();
  });
});

describe('sign-in throttle table', () => {
  /** `count` names that failed once at `now` (unlocked), written a few hundred rows a statement. */
  const fill = async (sql: Sql, count: number, now: number, prefix = 'guess') => {
    for (let first = 0; first < count; first += 500) {
      const n = Math.min(500, count - first);
      const values = Array.from({ length: n }, (_, i) => [`${prefix}-${first + i}`, 1, now, now]).flat();
      await sql.run(`INSERT INTO login_throttle (login, failures, locked_until, last_failure_at) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?)').join(', ')}`, values);
    }
  };
  const rows = async (sql: Sql) => (await sql.get<{ n: number }>('SELECT count(*) AS n FROM login_throttle'))!.n;

  it('forgets an unlocked name a day after its last failure', async () => {
    const { sql } = (await makeCore()).core.internals;
    const repo = new ThrottleRepo(sql);
    const start = 1_800_000_000_000;
    for (let i = 0; i < 50; i += 1) await repo.recordFailure(`guess-${i}`, start, lockDuration);
    expect(await rows(sql)).toBe(50);
    await repo.recordFailure('later', start + THROTTLE_MEMORY_MS + 1, lockDuration);
    expect(await rows(sql)).toBe(1);
  });

  it('never holds more than its bound, and keeps a name whose lock is running', async () => {
    const { sql } = (await makeCore()).core.internals;
    const repo = new ThrottleRepo(sql);
    const now = 1_800_000_000_000;
    for (let i = 0; i < 6; i += 1) await repo.recordFailure('olga', now, lockDuration);
    expect((await repo.get('olga')).lockedUntil).toBeGreaterThan(now);
    await fill(sql, MAX_THROTTLE_ROWS + 200, now + 1);
    await repo.recordFailure('one-more', now + 1, lockDuration);
    expect(await rows(sql)).toBe(MAX_THROTTLE_ROWS);
    expect(await repo.get('olga')).toMatchObject({ failures: 6 });
    expect(await repo.get('one-more')).toMatchObject({ failures: 1 });
  });

  it('through sign-in: an unknown name tried yesterday leaves no row behind', async () => {
    const t = await makeSetUpCore();
    expect((await t.call('auth.signIn', { login: 'nobody-here', password: 'Whatever&Else-2026' }, 'x')).ok).toBe(false);
    const count = async () => (await t.core.internals.sql.get<{ n: number }>("SELECT count(*) AS n FROM login_throttle WHERE login = 'nobody-here'"))!.n;
    expect(await count()).toBe(1);
    t.clock.advance(THROTTLE_MEMORY_MS + 1000);
    expect((await t.call('auth.signIn', { login: 'somebody-else', password: 'Whatever&Else-2026' }, 'x')).ok).toBe(false);
    expect(await count()).toBe(0);
  });
});
