/**
 * Declaring a channel: its input schema, who may call it, and its output type (a phantom).
 */
import { z } from 'zod';
import type { Permission } from '../roles';
import type { ErrorCode } from '../result';

/**
 * public      — callable without a session (sign-in, app info)
 * anySession  — any session, even locked or half-way through the second step (sign out)
 * challenge   — password passed, the second factor is being asked
 * passwordChange — a one-time password passed; the operator must choose their own
 * enrollment  — password passed and a second factor must be enrolled, or an active session enrolling by choice
 * session     — an active, unlocked session
 * Permission  — an active session whose roles hold that permission
 */
export type Access = 'public' | 'anySession' | 'challenge' | 'passwordChange' | 'enrollment' | 'session' | Permission;

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  summary: string;
  /** The output, in words, for docs/API.md (the type itself is O). */
  returns: string;
  /** Error codes particular to this channel (beyond the ones every channel may answer). */
  errors: readonly ErrorCode[];
  /**
   * Success is a sign-in step (signed in, unlocked, second factor passed): a transport that names its
   * caller's seat with a cookie issues a new one, so an id planted beforehand never holds the session.
   */
  rotatesSeat?: true;
  /**
   * The answer holds a secret shown once (an emergency code, recovery codes, a new authenticator key, a
   * venue join code, the exported venue key): it is never stored on a request key
   * (idempotency_keys keeps answers in clear), so a retry with a key acts anew.
   */
  secretAnswer?: true;
  /** A poll the screen makes by itself (live.wait): not activity, so it does not push the idle lock back. */
  passive?: true;
  /** Phantom: carries the output type; never read at run time. */
  readonly output?: O;
}

export const channel =
  <O>() =>
  <I extends z.ZodType>(def: Omit<ChannelDef<I, O>, 'output'>): ChannelDef<I, O> =>
    def;

/** Inputs that take nothing. */
export const empty = z.object({}).strict();
