/** The seams between core and its transports. No 'electron' import may ever appear in core. */
import type { Result } from '../../shared/result';

/** Time comes from here so tests can move it. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/**
 * Who is calling. A transport names its caller's "seat" (an Electron window, or a browser
 * tab's HttpOnly cookie in the web shell); core keeps one session per seat.
 */
export interface CallerContext {
  seat: string;
  /** A request key the caller sends with a call that changes data: a retry with it acts once (docs/API.md). */
  idempotencyKey?: string | undefined;
}

/** The one entry both transports call. `channel` and `input` are unknown until checked. */
export type Dispatch = (channel: unknown, input: unknown, caller: CallerContext) => Promise<Result<unknown>>;
