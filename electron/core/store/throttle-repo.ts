/** Failure counters per login name. They live in the store so a restart does not reset them. */
import type { Db } from './database';

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
  constructor(private readonly db: Db) {}

  get(login: string): ThrottleState {
    const row = this.db.prepare('SELECT failures, locked_until FROM login_throttle WHERE login = ?').get(login) as
      | { failures: number; locked_until: number }
      | undefined;
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: 0 };
  }

  /**
   * Counts one failure and sets the lock from the new count, atomically: two terminals failing at
   * once both count. Returns the new state.
   */
  recordFailure(login: string, now: number, lockFor: (failures: number) => number): ThrottleState {
    const bump = this.db.transaction(() => {
      this.forgetLapsed(now);
      const failures = this.get(login).failures + 1;
      const lockedUntil = now + lockFor(failures);
      this.db
        .prepare(
          `INSERT INTO login_throttle (login, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(login) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
        )
        .run(login, failures, lockedUntil, now);
      this.keepBounded(login, now);
      return { failures, lockedUntil };
    });
    return bump.immediate();
  }

  private forgetLapsed(now: number): void {
    this.db.prepare('DELETE FROM login_throttle WHERE locked_until <= ? AND last_failure_at < ?').run(now, now - THROTTLE_MEMORY_MS);
  }

  private keepBounded(current: string, now: number): void {
    const { n } = this.db.prepare('SELECT count(*) AS n FROM login_throttle').get() as { n: number };
    if (n <= MAX_THROTTLE_ROWS) return;
    this.db
      .prepare(
        `DELETE FROM login_throttle WHERE login IN (
           SELECT login FROM login_throttle WHERE locked_until <= ? AND login <> ? ORDER BY last_failure_at LIMIT ?)`,
      )
      .run(now, current, n - MAX_THROTTLE_ROWS);
  }

  clear(login: string): void {
    this.db.prepare('DELETE FROM login_throttle WHERE login = ?').run(login);
  }
}
