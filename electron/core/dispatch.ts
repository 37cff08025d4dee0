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
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n/locales';
import { text, translate, translateText } from '../../shared/i18n/translator';

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
  /** The institution's default language: core's messages to a caller without a session (or whose operator chose none). */
  language?: () => Locale;
}

export const SESSION_ENDED_ELSEWHERE = text('coreSession.endedElsewhere');
export const TERMINAL_REVOKED_MESSAGE = text('coreSession.terminalRevoked');

/** The venue database stopped answering: nothing half-written (each change is one transaction), try again. */
export const STORE_UNREACHABLE = text('coreSession.storeUnreachable');
/** The same, in English: a job's message (a job outlives the call that started it, and its reader's language with it). */
export const STORE_UNREACHABLE_MESSAGE = translate(DEFAULT_LOCALE, 'coreSession.storeUnreachable');

export function createDispatch(handlers: HandlerTable, sessions: SessionManager, options: DispatchOptions = {}): Dispatch {
  const answer = answering(handlers, sessions, options);
  return async (channel: unknown, input: unknown, caller: CallerContext): Promise<Result<unknown>> => {
    const asked: Asked = { session: null };
    const result = await answer(channel, input, caller, asked);
    // Core's message in the caller's language (her own, else the institution's); the code stays the same in every language.
    if (result.ok || !result.error.text) return result;
    const locale = asked.session?.language ?? options.language?.() ?? DEFAULT_LOCALE;
    return locale === DEFAULT_LOCALE ? result : { ok: false, error: { ...result.error, message: translateText(locale, result.error.text) } };
  };
}

/** Who asked, as the session lookup found her: the language of the answer follows her. */
interface Asked {
  session: Session | null;
}

function answering(handlers: HandlerTable, sessions: SessionManager, options: DispatchOptions) {
  return async (channel: unknown, input: unknown, caller: CallerContext, asked: Asked): Promise<Result<unknown>> => {
    if (!isChannelName(channel)) return fail('UNKNOWN_CHANNEL', text('coreSession.unknownChannel'));
    if (options.revoked?.now()) return fail('TERMINAL_REVOKED', TERMINAL_REVOKED_MESSAGE);
    const def = contract[channel];
    // A passive poll (live.wait: ids of what changed) serves a kiosk's gate counters too.
    if (options.kiosk && !kioskAllows(def.access) && !def.passive) return fail('FORBIDDEN', KIOSK_REFUSAL);
    const lookup = sessions.lookup(caller.seat);
    if (lookup.status !== 'none' && lookup.status !== 'expired') asked.session = lookup.session;
    const access = authorize(def.access, lookup, sessions, def.passive === true);
    if (!access.ok) return access;
    // Enrolling by choice is a desk-terminal matter; a kiosk enrolls only a sign-in that requires it.
    if (options.kiosk && def.access === 'enrollment' && access.value?.stage === 'active') return fail('FORBIDDEN', KIOSK_REFUSAL);
    // No input at all means {}; anything else must be an object, whatever the transport (a JSON null is not "nothing").
    if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) return fail('VALIDATION', text('coreSession.inputNotObject'));
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      const { message, field } = describeValidation(parsed.error, channel, asked.session?.language ?? options.language?.() ?? DEFAULT_LOCALE);
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
      // A secret in the answer must not be kept on the key in clear.
      const keyed = caller.idempotencyKey !== undefined && access.value?.stage === 'active' && !def.rotatesSeat && !def.secretAnswer && options.idempotency;
      if (keyed) return await keyed.once(caller.idempotencyKey!, access.value!.operatorId, channel, run);
      return await run();
    } catch (error) {
      if (isLoginRefused(error) && options.revoked) {
        options.revoked.mark();
        return fail('TERMINAL_REVOKED', TERMINAL_REVOKED_MESSAGE);
      }
      if (isConnectionFailure(error)) return fail('STORE_UNREACHABLE', STORE_UNREACHABLE);
      if (isHostRefused(error) || isCredentialRefused(error)) {
        return fail('STORE_UNREACHABLE', text('coreSession.connectionRefused', { reason: (error as Error).message }));
      }
      options.onInternalError?.(channel, error);
      return fail('INTERNAL', text('coreSession.internal'));
    }
  };
}

function authorize(access: (typeof contract)[ChannelName]['access'], found: SessionLookup, sessions: SessionManager, passive: boolean): Result<Session | null> {
  if (access === 'public') return { ok: true, value: found.status === 'active' ? found.session : null };
  if (found.status === 'none') return fail('AUTH_REQUIRED', text('coreSession.signInFirst'));
  if (found.status === 'expired') {
    return found.reason === 'pending'
      ? fail('AUTH_REQUIRED', text('coreSession.pendingExpired'))
      : found.reason === 'idle'
        ? fail('SESSION_EXPIRED', text('coreSession.kioskIdle'))
        : fail('SESSION_EXPIRED', text('coreSession.expired'));
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
    if (stage === 'passwordChange') return fail('PASSWORD_CHANGE_REQUIRED', text('coreSession.choosePasswordFirst'));
    return fail('MFA_REQUIRED', text(stage === 'enrollment' ? 'coreSession.enrollFirst' : 'coreSession.codeFirst'));
  }
  if (found.status === 'locked') return fail('SESSION_LOCKED', text('coreSession.locked'));
  if (access === 'challenge' || access === 'passwordChange') return fail('CONFLICT', text('coreSession.alreadySignedIn'));
  if (access !== 'session' && access !== 'enrollment' && !can(found.session.roles, access)) {
    return fail('FORBIDDEN', text('coreSession.forbidden'));
  }
  if (!passive) sessions.touch(found.session);
  return { ok: true, value: found.session };
}
