/**
 * SQLite behind the async store interface. better-sqlite3 is synchronous and has one connection, so
 * every statement and transaction takes its turn in one queue: a transaction that awaits something
 * never has another request's statements run inside it.
 *
 * Another connection holding the write lock (another process, or another core in the same process)
 * is waited for asynchronously: SQLite's own busy handler would sleep inside the call and freeze the
 * event loop — every window in Electron — and, in one process, the holder could never finish.
 */
import type Database from 'better-sqlite3';
import type { SqlEngine, SqlRunner, SqlValue } from './types';

type Statement = Database.Statement<unknown[]>;

export class SqliteEngine implements SqlEngine {
  readonly kind = 'sqlite' as const;
  private tail: Promise<unknown> = Promise.resolve();
  // Prepared once per SQL text: preparing is a large part of a short statement's cost.
  private readonly statements = new Map<string, Statement>();
  private readonly direct: SqlRunner;

  constructor(readonly db: Database.Database) {
    db.pragma('busy_timeout = 0');
    this.direct = {
      all: async <R>(sql: string, params: readonly SqlValue[] = []) => this.prepare(sql).all(...bind(params)) as R[],
      get: async <R>(sql: string, params: readonly SqlValue[] = []) => this.prepare(sql).get(...bind(params)) as R | undefined,
      run: async (sql: string, params: readonly SqlValue[] = []) => ({ changes: this.prepare(sql).run(...bind(params)).changes }),
    };
  }

  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]> {
    return this.turn(() => this.direct.all<R>(sql, params));
  }

  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined> {
    return this.turn(() => this.direct.get<R>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.turn(() => whenNotBusy(() => this.direct.run(sql, params)));
  }

  /** IMMEDIATE: the write lock is taken at BEGIN, so another process's writer waits (busy_timeout) instead of failing mid-way. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.turn(async () => {
      // Prepared once (not db.exec, which parses each time): on a busy gate BEGIN and COMMIT run thousands of times a minute.
      await whenNotBusy(async () => this.prepare('BEGIN IMMEDIATE').run());
      try {
        const result = await work(this.direct);
        this.prepare('COMMIT').run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.prepare('ROLLBACK').run();
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.turn(async () => {
      this.statements.clear();
      if (this.db.open) this.db.close();
    });
  }

  /** After the file underneath was replaced (restore): statements prepared on the old schema are dropped. */
  forgetStatements(): void {
    this.statements.clear();
  }

  /**
   * Runs `task` in this connection's turn, with no transaction of it open meanwhile: for SQLite's own
   * file tools (backup, restore), which must see only committed pages. `task` must not query through
   * this engine (it would wait for itself).
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.turn(task);
  }

  private turn<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** SQLite has no boolean: the shared dialect stores 0 and 1, as PostgreSQL's INTEGER columns do. */
const bind = (params: readonly SqlValue[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

/** As long as a writer elsewhere might take: the same 5 s the store's busy timeout used to allow. */
const BUSY_WAIT_MS = 5_000;

async function whenNotBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    }
  }
}
