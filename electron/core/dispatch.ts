/**
 * The gate every call passes, whatever the transport: known channel → session and permission →
 * input schema → one handler. Handlers may throw only on bugs; those become INTERNAL.
 */
import { contract, isChannelName, type ChannelName, type ChannelOutput, type ParsedInput } from '../../shared/contract';
import { can } from '../../shared/roles';
import { fail, type Result } from '../../shared/result';
import { describeValidation } from '../../shared/validation';
import type { Session, SessionLookup, SessionManager } from './auth/sessions';
import type { CallerContext, Dispatch } from './types';
import { KIOSK_REFUSAL, kioskAllows } from './kiosk/kiosk-policy';
import { isConnectionFailure, isCredentialRefused, isHostRefused, isLoginRefused } from './store/engine/errors';
import type { IdempotencyKeys } from './idempotency';

export interface Call {
  seat: string;
  /** The caller's active (or, for anySession channels, possibly locked) session; null on public channels without one. */
  session: Session | null;
  /** How the seat's session stood when the call arrived (a public status call needs "expired"). */
  lookup: SessionLookup;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, call: Call) => Promise<Result<ChannelOutput<C>>> | Result<ChannelOutput<C>>;
export type HandlerTable = { [C in ChannelName]: Handler<C> };

export interface DispatchOptions {
  /** Reports unexpected errors; receives the channel name, never the input (it may hold a password). */
  onInternalError?: (channel: ChannelName, error: unknown) => void;
  /** A kiosk refuses every channel outside the gate, order lookup and delivery, whoever asks. */
  kiosk?: boolean;
  /** Runs before each handler (the settings snapshot is refreshed there). */
  beforeCall?: () => Promise<void>;
  /** Answers a call that carries a request key from its first answer (channels of an active session). */
  idempotency?: IdempotencyKeys;
  /**
   * Whether the session still stands in the store (her account enabled, her sessions epoch unmoved):
   * a change made at another terminal ends her sessions here at their next call.
   */
  sessionStands?: (session: Session) => Promise<boolean>;
  /** A venue terminal: once revoked (its login refused) every call is refused, nothing reaches the store. */
  revoked?: { now(): boolean; mark(): void };
}

export const SESSION_ENDED_ELSEWHERE = 'An administrator changed your account (disabled it, changed its role or reset its password). Sign in again.';
export const TERMINAL_REVOKED_MESSAGE =
  'An administrator revoked this terminal: it can no longer use the venue database. Ask an administrator to add it again with a new join code, or leave the venue.';

/** The venue database stopped answering: nothing half-written (each change is one transaction), try again. */
export const STORE_UNREACHABLE_MESSAGE =
  'The venue database cannot be reached. Try again in a moment; this terminal reconnects by itself. ' +
  'If you were saving something, it may or may not have been saved: look again before repeating it (a repeat with the same request key acts once).';

export function createDispatch(handlers: HandlerTable, sessions: SessionManager, options: DispatchOptions = {}): Dispatch {
  return async (channel: unknown, input: unknown, caller: CallerContext): Promise<Result<unknown>> => {
    if (!isChannelName(channel)) return fail('UNKNOWN_CHANNEL', 'This action does not exist.');
    if (options.revoked?.now()) return fail('TERMINAL_REVOKED', TERMINAL_REVOKED_MESSAGE);
    const def = contract[channel];
    // A passive poll (live.wait: ids of what changed) serves a kiosk's gate counters too.
    if (options.kiosk && !kioskAllows(def.access) && !def.passive) return fail('FORBIDDEN', KIOSK_REFUSAL);
    const lookup = sessions.lookup(caller.seat);
    const access = authorize(def.access, lookup, sessions, def.passive === true);
    if (!access.ok) return access;
    // Enrolling by choice is a desk-terminal matter; a kiosk enrolls only a sign-in that requires it.
    if (options.kiosk && def.access === 'enrollment' && access.value?.stage === 'active') return fail('FORBIDDEN', KIOSK_REFUSAL);
    // No input at all means {}; anything else must be an object, whatever the transport (a JSON null is not "nothing").
    if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) return fail('VALIDATION', 'The input must be an object.');
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      const { message, field } = describeValidation(parsed.error, channel);
      return fail('VALIDATION', message, field ? { field } : {});
    }
    try {
      await options.beforeCall?.();
      if (def.access !== 'public' && access.value && options.sessionStands && !(await options.sessionStands(access.value))) {
        sessions.endSession(access.value);
        return fail('AUTH_REQUIRED', SESSION_ENDED_ELSEWHERE);
      }
      const handler = handlers[channel] as Handler<typeof channel>;
      const run = async () => handler(parsed.data as never, { seat: caller.seat, session: access.value, lookup });
      // Sign-in steps answer with session state of the seat: a retry of one is a new sign-in step, not a replay.
      const keyed = caller.idempotencyKey !== undefined && access.value?.stage === 'active' && !def.rotatesSeat && options.idempotency;
      if (keyed) return await keyed.once(caller.idempotencyKey!, access.value!.operatorId, channel, run);
      return await run();
    } catch (error) {
      if (isLoginRefused(error) && options.revoked) {
        options.revoked.mark();
        return fail('TERMINAL_REVOKED', TERMINAL_REVOKED_MESSAGE);
      }
      if (isConnectionFailure(error)) return fail('STORE_UNREACHABLE', STORE_UNREACHABLE_MESSAGE);
      if (isHostRefused(error) || isCredentialRefused(error)) {
        return fail('STORE_UNREACHABLE', `The venue database refuses this terminal's connection (${(error as Error).message}). Tell your administrator: the server's pg_hba.conf or this terminal's login needs looking at.`);
      }
      options.onInternalError?.(channel, error);
      return fail('INTERNAL', 'Something went wrong on this terminal. Try again; if it persists, tell your administrator.');
    }
  };
}

function authorize(access: (typeof contract)[ChannelName]['access'], found: SessionLookup, sessions: SessionManager, passive: boolean): Result<Session | null> {
  if (access === 'public') return { ok: true, value: found.status === 'active' ? found.session : null };
  if (found.status === 'none') return fail('AUTH_REQUIRED', 'Sign in first.');
  if (found.status === 'expired') {
    return found.reason === 'pending'
      ? fail('AUTH_REQUIRED', 'Sign-in was not finished within 5 minutes. Sign in again.')
      : found.reason === 'idle'
        ? fail('SESSION_EXPIRED', 'This kiosk signed you out after a while without activity. Sign in again.')
        : fail('SESSION_EXPIRED', 'Your session reached its time limit. Sign in again.');
  }
  if (access === 'anySession') return { ok: true, value: found.session };
  if (found.status === 'pending') {
    const stage = found.session.stage;
    if (access === stage) {
      // A kiosk's idle sign-out counts from the last step taken, not from the password.
      sessions.touch(found.session);
      return { ok: true, value: found.session };
    }
    // Half-way through sign-in, nothing else is reachable.
    if (stage === 'passwordChange') return fail('PASSWORD_CHANGE_REQUIRED', 'Choose your own password first.');
    return fail('MFA_REQUIRED', stage === 'enrollment' ? 'Set up your second factor first.' : 'Enter the code of your second factor first.');
  }
  if (found.status === 'locked') return fail('SESSION_LOCKED', 'This terminal is locked. Enter your password to unlock it.');
  if (access === 'challenge' || access === 'passwordChange') return fail('CONFLICT', 'You are already signed in.');
  if (access !== 'session' && access !== 'enrollment' && !can(found.session.roles, access)) {
    return fail('FORBIDDEN', 'Your role does not allow this. Ask an administrator if you need it.');
  }
  if (!passive) sessions.touch(found.session);
  return { ok: true, value: found.session };
}
