/**
 * The one store interface below the repositories: asynchronous, engine-neutral. Repositories write
 * SQL with `?` placeholders in the dialect both engines share; services never see it.
 */
export type SqlValue = string | number | bigint | boolean | Buffer | Uint8Array | null;

export interface SqlRunner {
  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined>;
  /** `changes`: the rows the statement wrote (a compare-and-set that lost writes none). */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export type EngineKind = 'sqlite' | 'postgres';

export interface SqlEngine extends SqlRunner {
  readonly kind: EngineKind;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. Work of
   * two callers never interleaves (SQLite: one at a time on the connection; PostgreSQL: each on its
   * own connection, serialised by the rows they lock).
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** SQLite: drops the cached prepared statements (the file's content was replaced by a restore). */
  forgetStatements?(): void;
  close(): Promise<void>;
}
