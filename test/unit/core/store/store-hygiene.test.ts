/** The store's files are its owner's alone, and the sign-in throttle table stays bounded (issue "Defects…", items 7 and 8). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../../electron/core/store/database';
import { MAX_THROTTLE_ROWS, THROTTLE_MEMORY_MS, ThrottleRepo } from '../../../../electron/core/store/throttle-repo';
import { lockDuration } from '../../../../electron/core/auth/throttle';
import { makeSetUpCore, tempDir } from '../../../helpers/core';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('store files', () => {
  it('creates the database, its -wal and its -shm readable by the owner only, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const t = await makeSetUpCore();
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
  const fill = (repo: ThrottleRepo, count: number, now: number, prefix = 'guess') => {
    for (let i = 0; i < count; i += 1) repo.recordFailure(`${prefix}-${i}`, now, lockDuration);
  };
  const rows = (db: ReturnType<typeof openDatabase>) => (db.prepare('SELECT count(*) AS n FROM login_throttle').get() as { n: number }).n;

  it('forgets an unlocked name a day after its last failure', () => {
    const db = openDatabase(path.join(tempDir(), 'throttle.sqlite'));
    const repo = new ThrottleRepo(db);
    const start = 1_800_000_000_000;
    fill(repo, 50, start);
    expect(rows(db)).toBe(50);
    repo.recordFailure('later', start + THROTTLE_MEMORY_MS + 1, lockDuration);
    expect(rows(db)).toBe(1);
    db.close();
  });

  it('never holds more than its bound, and keeps a name whose lock is running', () => {
    const db = openDatabase(path.join(tempDir(), 'throttle.sqlite'));
    const repo = new ThrottleRepo(db);
    const now = 1_800_000_000_000;
    for (let i = 0; i < 6; i += 1) repo.recordFailure('olga', now, lockDuration);
    expect(repo.get('olga').lockedUntil).toBeGreaterThan(now);
    fill(repo, MAX_THROTTLE_ROWS + 200, now + 1);
    expect(rows(db)).toBe(MAX_THROTTLE_ROWS);
    expect(repo.get('olga')).toMatchObject({ failures: 6 });
    db.close();
  });

  it('through sign-in: an unknown name tried yesterday leaves no row behind', async () => {
    const t = await makeSetUpCore();
    expect((await t.call('auth.signIn', { login: 'nobody-here', password: 'Whatever&Else-2026' }, 'x')).ok).toBe(false);
    const count = () => (t.core.internals.db.prepare("SELECT count(*) AS n FROM login_throttle WHERE login = 'nobody-here'").get() as { n: number }).n;
    expect(count()).toBe(1);
    t.clock.advance(THROTTLE_MEMORY_MS + 1000);
    expect((await t.call('auth.signIn', { login: 'somebody-else', password: 'Whatever&Else-2026' }, 'x')).ok).toBe(false);
    expect(count()).toBe(0);
  });
});
