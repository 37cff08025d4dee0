/** Failure counters per login name. They live in the store so a restart does not reset them. */
import type { Db } from './database';

export interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

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
      const failures = this.get(login).failures + 1;
      const lockedUntil = now + lockFor(failures);
      this.db
        .prepare(
          `INSERT INTO login_throttle (login, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(login) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
        )
        .run(login, failures, lockedUntil, now);
      return { failures, lockedUntil };
    });
    return bump.immediate();
  }

  clear(login: string): void {
    this.db.prepare('DELETE FROM login_throttle WHERE login = ?').run(login);
  }
}
