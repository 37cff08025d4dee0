import type Database from 'better-sqlite3';
import type { SqlRunner } from '../engine/types';

export interface Migration {
  /** 1, 2, 3 … with no gaps; becomes PRAGMA user_version once applied. */
  version: number;
  name: string;
  /** The SQLite form, inside the migration's transaction. */
  up(db: Database.Database): void;
  /**
   * The PostgreSQL form, inside the migration's transaction. Versions up to the PostgreSQL baseline
   * (migrations/postgres-baseline.ts) have none: a PostgreSQL store starts there.
   */
  postgres?: (tx: SqlRunner) => Promise<void>;
}
