/**
 * Failure counters per login name. They live in the store so a restart does not reset them, and on a
 * venue's PostgreSQL database every terminal counts into the same row.
 */
import { countFailure } from './failure-counter';
import type { Sql } from './sql';

export interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

/** An unlocked row is forgotten a day after its last failure (Keycloak resets after 12 h). */
export const THROTTLE_MEMORY_MS = 24 * 3_600_000;
/**
 * Every unknown name tried gets a row, so guessing names must not grow the table without end: past
 * this many rows the oldest unlocked ones go first. A name under a running lock is never dropped.
 */
export const MAX_THROTTLE_ROWS = 10_000;

export class ThrottleRepo {
  constructor(private readonly sql: Sql) {}

  async get(login: string): Promise<ThrottleState> {
    const row = await this.sql.get<{ failures: number; locked_until: number }>('SELECT failures, locked_until FROM login_throttle WHERE login = ?', [login]);
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: 0 };
  }

  /** Counts one failure and sets the lock from the new count, at every terminal alike (store/failure-counter.ts). */
  async recordFailure(login: string, now: number, lockFor: (failures: number) => number): Promise<ThrottleState> {
    return this.sql.transaction(async () => {
      await this.forgetLapsed(now);
      const state = await countFailure(this.sql, { table: 'login_throttle', key: 'login' }, login, now, lockFor);
      await this.keepBounded(login, now);
      return state;
    });
  }

  private async forgetLapsed(now: number): Promise<void> {
    await this.sql.run('DELETE FROM login_throttle WHERE locked_until <= ? AND last_failure_at < ?', [now, now - THROTTLE_MEMORY_MS]);
  }

  private async keepBounded(current: string, now: number): Promise<void> {
    const { n } = (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM login_throttle'))!;
    if (n <= MAX_THROTTLE_ROWS) return;
    await this.sql.run(
      `DELETE FROM login_throttle WHERE login IN (
         SELECT login FROM login_throttle WHERE locked_until <= ? AND login <> ? ORDER BY last_failure_at LIMIT ?)`,
      [now, current, n - MAX_THROTTLE_ROWS],
    );
  }

  async clear(login: string): Promise<void> {
    await this.sql.run('DELETE FROM login_throttle WHERE login = ?', [login]);
  }
}
