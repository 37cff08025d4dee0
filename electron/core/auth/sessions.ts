/**
 * Sessions live in memory only: a restart signs everyone out. One session per seat (a window or
 * a browser tab). Idle time locks a session; the absolute limit ends it.
 */
import type { Locale } from '../../../shared/i18n/locales';
import crypto from 'node:crypto';
import type { Role } from '../../../shared/roles';
import type { Clock } from '../types';

export interface SessionLimits {
  idleLockMs: number;
  absoluteMs: number;
  /** Kiosks only: idle time after which the session ends (nobody is at an unattended terminal to unlock it). */
  idleSignOutMs?: number | undefined;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleLockMs: 15 * 60_000, absoluteMs: 12 * 3_600_000 };

/** How long each pending step of a sign-in (code, new password, enrollment) waits. */
export const PENDING_SECOND_FACTOR_MS = 5 * 60_000;

/**
 * active: fully signed in. challenge: password passed, a second factor is asked.
 * passwordChange: a one-time password passed; the operator chooses their own before anything else.
 * enrollment: password passed, the operator must enroll a second factor before anything else.
 */
export type SessionStage = 'active' | 'challenge' | 'passwordChange' | 'enrollment';

export interface Session {
  id: string;
  operatorId: number;
  login: string;
  roles: Role[];
  stage: SessionStage;
  signedInAt: number;
  /** When the password was last proven (sign-in or unlock): sensitive changes ask again after an hour. */
  passwordAt: number;
  lastActivityAt: number;
  locked: boolean;
  /** The operator's sessions epoch when this session opened: another value in the store ends it. */
  epoch: number;
  /** Her own language (null: the institution's default): core's messages to this session are in it. */
  language: Locale | null;
  /**
   * When she last proved herself beyond a remembered device (auth/step-up.ts): a second-factor code at
   * sign-in or in a step-up, a factor just enrolled, or her password when she has no factor. Null after
   * a sign-in a remembered device let through: its first sensitive action asks.
   */
  proofAt: number | null;
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired'; reason: 'absolute' | 'pending' | 'idle' }
  | { status: 'pending'; session: Session }
  | { status: 'locked'; session: Session }
  | { status: 'active'; session: Session };

export class SessionManager {
  private readonly bySeat = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: () => SessionLimits,
  ) {}

  start(seat: string, operator: { id: number; login: string; roles: Role[]; sessionsEpoch?: number; language?: Locale | null }, stage: SessionStage = 'active'): Session {
    const now = this.clock.now();
    const session: Session = {
      id: crypto.randomUUID(),
      operatorId: operator.id,
      login: operator.login,
      roles: [...operator.roles],
      stage,
      signedInAt: now,
      passwordAt: now,
      lastActivityAt: now,
      locked: false,
      epoch: operator.sessionsEpoch ?? 0,
      language: operator.language ?? null,
      proofAt: null,
    };
    this.bySeat.set(seat, session);
    return session;
  }

  /** Looks the seat's session up, applying the idle lock and the absolute limit as of now. */
  lookup(seat: string): SessionLookup {
    const session = this.bySeat.get(seat);
    if (!session) return { status: 'none' };
    const now = this.clock.now();
    const { idleLockMs, absoluteMs, idleSignOutMs } = this.limits();
    if (idleSignOutMs !== undefined && now - session.lastActivityAt >= idleSignOutMs) {
      this.bySeat.delete(seat);
      return { status: 'expired', reason: 'idle' };
    }
    if (session.stage !== 'active') {
      if (now - session.signedInAt < PENDING_SECOND_FACTOR_MS) return { status: 'pending', session };
      this.bySeat.delete(seat);
      return { status: 'expired', reason: 'pending' };
    }
    if (now - session.signedInAt >= absoluteMs) {
      this.bySeat.delete(seat);
      return { status: 'expired', reason: 'absolute' };
    }
    if (!session.locked && now - session.lastActivityAt >= idleLockMs) session.locked = true;
    return session.locked ? { status: 'locked', session } : { status: 'active', session };
  }

  touch(session: Session): void {
    session.lastActivityAt = this.clock.now();
  }

  /** "Lock now": as the idle lock would, at once. */
  lock(session: Session): void {
    session.locked = true;
  }

  unlock(session: Session): void {
    session.locked = false;
    session.passwordAt = this.clock.now();
    this.touch(session);
  }

  /** She proved herself just now (see Session.proofAt). */
  prove(session: Session): void {
    session.proofAt = this.clock.now();
  }

  /** The second factor passed (or was enrolled): the session becomes a full one, its clocks starting now. */
  activate(session: Session): void {
    const now = this.clock.now();
    session.stage = 'active';
    session.signedInAt = now;
    session.lastActivityAt = now;
  }

  /** One pending step done: the next one gets its own 5 minutes; 'active' completes the sign-in. */
  advance(session: Session, stage: SessionStage): void {
    if (stage === 'active') return this.activate(session);
    session.stage = stage;
    session.signedInAt = this.clock.now();
    session.lastActivityAt = session.signedInAt;
  }

  /** Sessions of an operator, e.g. to end them when an admin resets or disables the account. */
  forOperator(operatorId: number): Session[] {
    return [...this.bySeat.values()].filter((s) => s.operatorId === operatorId);
  }

  /**
   * Moves the seat's session to a new seat id; the old id then has none. A transport whose seat id
   * travels as a cookie rotates it whenever a sign-in step succeeds, so an id planted beforehand
   * (session fixation) never carries a signed-in session.
   */
  reseat(from: string, to: string): void {
    const session = this.bySeat.get(from);
    this.bySeat.delete(from);
    if (session) this.bySeat.set(to, session);
  }

  end(seat: string): Session | undefined {
    const session = this.bySeat.get(seat);
    this.bySeat.delete(seat);
    return session;
  }

  /** Ends one given session, wherever it is seated. */
  endSession(target: Session): boolean {
    for (const [seat, session] of this.bySeat) {
      if (session === target) return this.bySeat.delete(seat);
    }
    return false;
  }

  /** Ends every session of one operator (disabled account, reset password). */
  endForOperator(operatorId: number): number {
    let ended = 0;
    for (const [seat, session] of this.bySeat) {
      if (session.operatorId === operatorId) {
        this.bySeat.delete(seat);
        ended += 1;
      }
    }
    return ended;
  }

  /** Ends every session (the store was restored: nobody keeps working on data that changed). */
  endAll(): number {
    const count = this.bySeat.size;
    this.bySeat.clear();
    return count;
  }

  /** When the session locks, or on a kiosk ends, if nothing happens: the screen refreshes then. */
  idleLockAt(session: Session): number {
    const { idleLockMs, idleSignOutMs } = this.limits();
    return session.lastActivityAt + Math.min(idleLockMs, idleSignOutMs ?? Infinity);
  }

  expiresAt(session: Session): number {
    return session.signedInAt + this.limits().absoluteMs;
  }
}
