/**
 * PostgreSQL behind the async store interface: a pool of connections, each transaction on one of
 * them. 64-bit integers (epoch milliseconds) come back as numbers, as from SQLite.
 */
import pg from 'pg';
import { numberPlaceholders } from './placeholders';
import type { SqlEngine, SqlRunner, SqlValue } from './types';

const INT8_OID = 20;
// Epoch milliseconds and ids fit in 2^53; a larger value is a bug to see, not a string to carry on with.
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8_OID) {
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new Error(`A 64-bit value from the database does not fit a number: ${value}`);
        return n;
      };
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Queries on one connection (a transaction's) take turns: code inside a transaction may start several
 * at once (Promise.all), and a connection runs one query at a time. The pool spreads queries outside
 * a transaction over its connections by itself.
 */
function runnerOn(client: Queryable, { oneAtATime }: { oneAtATime: boolean }): SqlRunner {
  let tail: Promise<unknown> = Promise.resolve();
  const query = (sql: string, params: readonly SqlValue[]) => {
    const send = () => client.query({ text: numberPlaceholders(sql), values: [...params], types });
    if (!oneAtATime) return send();
    const next = tail.then(send, send);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    all: async <R>(sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rows as R[],
    get: async <R>(sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rows[0] as R | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

export class PostgresEngine implements SqlEngine {
  readonly kind = 'postgres' as const;
  private readonly direct: SqlRunner;

  constructor(readonly pool: pg.Pool) {
    this.direct = runnerOn(pool, { oneAtATime: false });
    // An idle connection the server dropped (a restart) must not crash the process; the next call reconnects.
    pool.on('error', () => undefined);
  }

  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]> {
    return this.direct.all<R>(sql, params);
  }

  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined> {
    return this.direct.get<R>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(runnerOn(client, { oneAtATime: true }));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection itself failed: do not hand it out again
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
