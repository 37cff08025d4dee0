/**
 * What repositories query through: the engine, or — inside `transaction` — that transaction, found
 * through the async call chain. A repository call made while a service's transaction is open (an
 * audit entry beside the change it records) joins it, so the two commit together on either engine,
 * without passing a transaction handle through every signature.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EngineKind, SqlEngine, SqlRunner, SqlValue } from './engine/types';

export class Sql implements SqlRunner {
  private readonly current = new AsyncLocalStorage<{ runner: SqlRunner; afterCommit: (() => void)[] }>();

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
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const afterCommit: (() => void)[] = [];
    const result = await this.engine.transaction((runner) => this.current.run({ runner, afterCommit }, work));
    for (const callback of afterCommit) {
      try {
        callback();
      } catch (error) {
        console.error('[box-office] a step after a commit failed:', error);
      }
    }
    return result;
  }

  /**
   * Runs `callback` once the outermost transaction open here has committed (never if it rolls back),
   * outside it; at once when no transaction is open. For work that must see the commit and cannot join
   * it (the audit log's anchor in the keychain).
   */
  afterCommit(callback: () => void): void {
    const tx = this.current.getStore();
    if (tx) tx.afterCommit.push(callback);
    else callback();
  }

  /** The store's content was replaced underneath (restore): SQLite's cached prepared statements are dropped. */
  forgetStatements(): void {
    this.engine.forgetStatements?.();
  }

  private runner(): SqlRunner {
    return this.current.getStore()?.runner ?? this.engine;
  }
}
