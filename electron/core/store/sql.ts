/**
 * What repositories query through: the engine, or — inside `transaction` — that transaction, found
 * through the async call chain. A repository call made while a service's transaction is open (an
 * audit entry beside the change it records) joins it, so the two commit together on either engine,
 * without passing a transaction handle through every signature.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EngineKind, SqlEngine, SqlRunner, SqlValue } from './engine/types';

export class Sql implements SqlRunner {
  private readonly current = new AsyncLocalStorage<SqlRunner>();

  constructor(readonly engine: SqlEngine) {}

  get kind(): EngineKind {
    return this.engine.kind;
  }

  /** True inside a transaction: for code that must not be (a slow render, a keychain call). */
  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]> {
    return this.runner().all<R>(sql, params);
  }

  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined> {
    return this.runner().get<R>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.runner().run(sql, params);
  }

  /** One transaction; a transaction opened inside another joins it (it commits or rolls back with the outer one). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    return this.engine.transaction((tx) => this.current.run(tx, work));
  }

  private runner(): SqlRunner {
    return this.current.getStore() ?? this.engine;
  }
}
