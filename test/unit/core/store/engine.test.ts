/** The async store interface, on both engines: the same SQL, the same answers (issue "One store, two engines", item 2). */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from '../../../../electron/core/store/engine/placeholders';
import { DatabaseUrlError, poolConfig, redactedUrl } from '../../../../electron/core/store/engine/postgres-config';
import { PostgresEngine } from '../../../../electron/core/store/engine/postgres-engine';
import type { SqlEngine } from '../../../../electron/core/store/engine/types';
import { Sql } from '../../../../electron/core/store/sql';
import { emptyEngine, ENGINES } from '../../../helpers/engines';

const TICKETS = `CREATE TABLE tickets (id INTEGER PRIMARY KEY, state TEXT NOT NULL, issued_at BIGINT, pdf BYTEA)`;
// SQLite has no BYTEA or BIGINT affinity names of its own; the shared dialect maps them.
const ddl = (engine: SqlEngine, sql: string) => (engine.kind === 'sqlite' ? sql.replace('BYTEA', 'BLOB') : sql);

describe.each(ENGINES)('store engine: %s', (kind) => {
  it('returns epoch milliseconds past 2^32 as numbers, and bytes as bytes', async () => {
    const { engine } = await emptyEngine(kind);
    await engine.run(ddl(engine, TICKETS));
    const at = 4_102_444_800_123; // 2100-01-01, far past 32 bits
    await engine.run('INSERT INTO tickets (id, state, issued_at, pdf) VALUES (?, ?, ?, ?)', [1, 'print_at_home', at, Buffer.from('%PDF-1.7')]);
    const row = await engine.get<{ issued_at: number; pdf: Buffer }>('SELECT issued_at, pdf FROM tickets WHERE id = ?', [1]);
    expect(row?.issued_at).toBe(at);
    expect(typeof row?.issued_at).toBe('number');
    expect(Buffer.from(row!.pdf).toString()).toBe('%PDF-1.7');
  });

  it('commits a transaction whole, or rolls it back whole when its work throws', async () => {
    const { engine } = await emptyEngine(kind);
    await engine.run(ddl(engine, TICKETS));
    await engine.transaction(async (tx) => {
      await tx.run('INSERT INTO tickets (id, state) VALUES (?, ?)', [1, 'none']);
      await tx.run('INSERT INTO tickets (id, state) VALUES (?, ?)', [2, 'none']);
    });
    await expect(
      engine.transaction(async (tx) => {
        await tx.run("UPDATE tickets SET state = 'mobile' WHERE id = ?", [1]);
        throw new Error('crash between the two writes');
      }),
    ).rejects.toThrow('crash between');
    expect(await engine.all('SELECT id, state FROM tickets ORDER BY id')).toEqual([
      { id: 1, state: 'none' },
      { id: 2, state: 'none' },
    ]);
  });

  it('never runs another request inside a transaction that is waiting', async () => {
    const { engine } = await emptyEngine(kind);
    await engine.run(ddl(engine, TICKETS));
    await engine.run('INSERT INTO tickets (id, state) VALUES (1, ?)', ['none']);
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const slow = engine
      .transaction(async (tx) => {
        await tx.run("UPDATE tickets SET state = 'mobile' WHERE id = 1");
        await paused;
        throw new Error('rolled back');
      })
      .catch(() => 'rolled back');
    // Another caller's write while the first transaction waits: it must not land inside it (and vanish with its rollback).
    const other = engine.run('INSERT INTO tickets (id, state) VALUES (2, ?)', ['none']);
    setTimeout(release, 50);
    expect(await slow).toBe('rolled back');
    await other;
    expect(await engine.all('SELECT id, state FROM tickets ORDER BY id')).toEqual([
      { id: 1, state: 'none' },
      { id: 2, state: 'none' },
    ]);
  });

  it('lets exactly one of many concurrent compare-and-sets win', async () => {
    const { engine } = await emptyEngine(kind);
    await engine.run(ddl(engine, TICKETS));
    await engine.run("INSERT INTO tickets (id, state) VALUES (1, 'none')");
    const claims = await Promise.all(
      ['mobile', 'print_at_home', 'mobile', 'print_at_home', 'mobile', 'print_at_home'].map((mode) =>
        engine.transaction(async (tx) => (await tx.run("UPDATE tickets SET state = ? WHERE id = 1 AND state = 'none'", [mode])).changes),
      ),
    );
    expect(claims.filter((c) => c === 1)).toHaveLength(1);
  });
});

describe('PostgreSQL engine', () => {
  it('sets statement, lock and idle-in-transaction timeouts on every connection', async () => {
    const { engine } = await emptyEngine('postgres');
    const shown = await engine.transaction(async (tx) => ({
      statement: (await tx.get<{ statement_timeout: string }>('SHOW statement_timeout'))!.statement_timeout,
      lock: (await tx.get<{ lock_timeout: string }>('SHOW lock_timeout'))!.lock_timeout,
      idle: (await tx.get<{ idle_in_transaction_session_timeout: string }>('SHOW idle_in_transaction_session_timeout'))!.idle_in_transaction_session_timeout,
    }));
    expect(shown).toEqual({ statement: '5s', lock: '3s', idle: '10s' });
  });

  it('gives up on a row another terminal holds after the lock timeout, instead of waiting for ever', async () => {
    const { engine, url } = await emptyEngine('postgres');
    await engine.run(TICKETS);
    await engine.run("INSERT INTO tickets (id, state) VALUES (1, 'none')");
    const other = new PostgresEngine(new pg.Pool(poolConfig(url)));
    let release!: () => void;
    const holding = engine.transaction(async (tx) => {
      await tx.run("UPDATE tickets SET state = 'mobile' WHERE id = 1");
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await expect(other.transaction((tx) => tx.run("UPDATE tickets SET state = 'print_at_home' WHERE id = 1"))).rejects.toThrow(/lock timeout/);
    expect(Date.now() - started).toBeLessThan(4_500);
    release();
    await holding;
    await other.close();
  });
});

describe('PostgreSQL addresses', () => {
  it('verifies the server (verify-full) unless the connection is a local socket or the URL says otherwise', () => {
    expect(poolConfig('postgres://desk1@db.venue.example/boxoffice').ssl).toEqual({ rejectUnauthorized: true });
    expect(poolConfig('postgres://desk1@/boxoffice?host=/run/postgresql').ssl).toBe(false);
    expect(poolConfig('postgres://desk1@db.venue.example/boxoffice?sslmode=disable').ssl).toBe(false);
    expect(() => poolConfig('postgres://desk1@db.venue.example/boxoffice?sslmode=prefer')).toThrow(DatabaseUrlError);
    expect(() => poolConfig('mysql://desk1@db/boxoffice')).toThrow(DatabaseUrlError);
    expect(() => poolConfig('postgres://desk1@db.venue.example')).toThrow(/names no database/);
  });

  it('never shows the password', () => {
    expect(redactedUrl('postgres://desk1:s3cret@db.venue.example/boxoffice')).toBe('postgres://desk1:•••@db.venue.example/boxoffice');
  });

  it('numbers placeholders outside quotes and comments', () => {
    expect(numberPlaceholders("SELECT '?' AS q, \"a?\" FROM t WHERE a = ? AND b = ? -- why?\nAND c = ?")).toBe("SELECT '?' AS q, \"a?\" FROM t WHERE a = $1 AND b = $2 -- why?\nAND c = $3");
    expect(numberPlaceholders("SELECT 'it''s ?' WHERE x = ?")).toBe("SELECT 'it''s ?' WHERE x = $1");
  });
});

describe.each(ENGINES)('repositories inside a service transaction: %s', (kind) => {
  it('join it without a handle, commit with it and roll back with it', async () => {
    const { engine } = await emptyEngine(kind);
    const sql = new Sql(engine);
    await sql.run(ddl(engine, TICKETS));
    await sql.run("CREATE TABLE audit (what TEXT NOT NULL)");
    // Stands in for a repository: it never sees the transaction, only `sql`.
    const audit = { append: (what: string) => sql.transaction(() => sql.run('INSERT INTO audit (what) VALUES (?)', [what])) };
    await sql.transaction(async () => {
      await sql.run("INSERT INTO tickets (id, state) VALUES (1, 'mobile')");
      expect(sql.inTransaction).toBe(true);
      await audit.append('issued');
    });
    await expect(
      sql.transaction(async () => {
        await sql.run("INSERT INTO tickets (id, state) VALUES (2, 'mobile')");
        await audit.append('issued');
        throw new Error('killed before commit');
      }),
    ).rejects.toThrow('killed');
    expect(await sql.all('SELECT id FROM tickets')).toEqual([{ id: 1 }]);
    expect(await sql.all('SELECT what FROM audit')).toEqual([{ what: 'issued' }]);
    expect(sql.inTransaction).toBe(false);
  });
});
