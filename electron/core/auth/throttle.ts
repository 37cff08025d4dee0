/**
 * Sign-in throttling per login name: five failures are free, then each failure locks the name for
 * a delay that starts at 30 s and doubles up to 15 minutes. Unknown names are throttled alike so
 * the answer never reveals whether an account exists.
 */
import type { ThrottleRepo, ThrottleState } from '../store/throttle-repo';
import type { Clock } from '../types';

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export function lockDuration(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

export class SignInThrottle {
  constructor(
    private readonly repo: ThrottleRepo,
    private readonly clock: Clock,
  ) {}

  /** When the name is locked: the time it opens again; otherwise null. */
  async lockedUntil(login: string): Promise<number | null> {
    const { lockedUntil } = await this.repo.get(login);
    return lockedUntil > this.clock.now() ? lockedUntil : null;
  }

  /** Counts a failure in the store: every terminal on the same database counts into the same row. */
  fail(login: string): Promise<ThrottleState> {
    return this.repo.recordFailure(login, this.clock.now(), lockDuration);
  }

  async succeed(login: string): Promise<void> {
    await this.repo.clear(login);
  }
}

/**
 * Runs tasks for the same key one after another, so two sign-ins for one name at this terminal cannot
 * both pass the throttle check. Across terminals the store's counter is what holds: each failure counts.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
