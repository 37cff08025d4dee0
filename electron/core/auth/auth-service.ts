/**
 * First-run setup, sign-in, idle unlock and sign-out. One answer for an unknown login and a wrong
 * password; throttled per login name; every event audited without secrets.
 */
import type { SessionView, ActiveSession } from '../../../shared/views';
import { can, permissionsFor } from '../../../shared/roles';
import { fail, ok, type Result } from '../../../shared/result';
import { text } from '../../../shared/i18n/translator';
import type { AuditEvent, AuditLog } from '../audit/audit-log';
import type { OperatorsRepo, OperatorRecord } from '../store/operators-repo';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { Clock } from '../types';
import { dummyHash, hashPassword, verifyPassword } from './password-hash';
import { passwordPolicyError } from './password-policy';
import { PENDING_SECOND_FACTOR_MS, type Session, type SessionManager, type SessionStage } from './sessions';
import type { Factors } from '../mfa/factors';
import type { TrustedDevices } from '../mfa/trusted-devices';
import type { ClockDrift } from '../mfa/clock-drift';
import { KeyedQueue, type SignInThrottle } from './throttle';
import { stageAfterNewPassword, stageAfterPassword, stageWithGrace } from './sign-in-stages';
import { kioskPermits } from '../kiosk/kiosk-policy';

/** How long an admin-set (one-time) password works before its first use. */
export const ONE_TIME_PASSWORD_HOURS = 72;

export const REAUTH_AFTER_MS = 60 * 60_000;

const INVALID = text('coreAccess.signIn.invalid');

export class AuthService {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly deps: {
      operators: OperatorsRepo;
      sessions: SessionManager;
      throttle: SignInThrottle;
      audit: AuditLog;
      settings: InstitutionSettings;
      clock: Clock;
      factors: Factors;
      devices: TrustedDevices;
      /** The code and enrollment screens warn when this terminal's clock looks off. */
      clockDrift: ClockDrift;
      /** A kiosk narrows every session to the gate and order lookup with delivery. */
      kiosk: boolean;
    },
  ) {}

  async setupPending(): Promise<boolean> {
    return (await this.deps.operators.count()) === 0;
  }

  async createFirstAccount(seat: string, input: { login: string; displayName: string; password: string }): Promise<Result<ActiveSession>> {
    if (!(await this.setupPending())) return fail('SETUP_DONE', text('coreAccess.setup.alreadyDone'));
    const policyError = passwordPolicyError(input.password, this.deps.settings.get('passwordPolicy'));
    if (policyError) return { ok: false, error: policyError };
    const passwordHash = await hashPassword(input.password);
    const { operators, audit } = this.deps;
    // Decided in the store after the slow hash: two setup screens (or terminals) racing must not both create an account.
    const id = await operators.transaction(async () => {
      const created = await operators.insertFirst({ login: input.login, displayName: input.displayName, roles: ['service', 'admin'], passwordHash, now: this.deps.clock.now() });
      if (created !== null) await audit.append({ kind: 'setup.first-account', actorId: created, actorLogin: input.login, subject: input.login, detail: { roles: 'service,admin' } });
      return created;
    });
    if (id === null) return fail('SETUP_DONE', text('coreAccess.setup.alreadyDone'));
    const operator = (await operators.byId(id))!;
    const session = await this.startSession(seat, operator, 'active', (s) => ({ kind: 'auth.sign-in', actorId: id, actorLogin: operator.login, detail: { session: s.id } }));
    await this.passwordProves(session);
    return ok(await this.activeView(session, operator));
  }

  signIn(seat: string, login: string, password: string): Promise<Result<SessionView>> {
    return this.queue.run(login, () => this.signInNow(seat, login, password));
  }

  private async signInNow(seat: string, login: string, password: string): Promise<Result<SessionView>> {
    const { throttle, audit, operators, clock } = this.deps;
    const lockedUntil = await throttle.lockedUntil(login);
    if (lockedUntil) {
      await audit.append({ kind: 'auth.throttled', subject: login, detail: { until: lockedUntil } });
      return throttled(lockedUntil, clock.now());
    }
    const operator = await operators.byLogin(login);
    // An unknown login still costs one hash, so timing does not tell the two cases apart.
    const valid = await verifyPassword(password, operator?.passwordHash ?? (await dummyHash()));
    if (!operator || !valid || operator.disabled) {
      // The count and its audit entries commit together (the hash above stays outside the transaction).
      await operators.transaction(async () => {
        const state = await throttle.fail(login);
        await audit.append({
          kind: 'auth.sign-in-failed',
          actorId: operator?.id ?? null,
          subject: login,
          detail: { reason: !operator ? 'unknown-login' : operator.disabled && valid ? 'disabled' : 'wrong-password', failures: state.failures },
        });
        if (state.lockedUntil > clock.now()) {
          await audit.append({ kind: 'auth.throttle-started', subject: login, detail: { failures: state.failures, until: state.lockedUntil } });
        }
      });
      return fail('AUTH_INVALID', INVALID, { field: 'password' });
    }
    if (operator.passwordExpiresAt !== null && operator.passwordExpiresAt <= clock.now()) {
      await audit.append({ kind: 'auth.one-time-password-expired', actorId: operator.id, actorLogin: operator.login, detail: { expiredAt: operator.passwordExpiresAt } });
      return fail('PASSWORD_EXPIRED', text('coreAccess.signIn.oneTimePasswordExpired', { hours: ONE_TIME_PASSWORD_HOURS }), { field: 'password' });
    }
    await throttle.succeed(login);
    const previous = this.deps.sessions.end(seat);
    if (previous) await audit.append({ kind: 'auth.sign-out', actorId: previous.operatorId, actorLogin: previous.login, detail: { session: previous.id, reason: 'replaced' } });
    // A remembered device is read from the keychain, outside any transaction.
    const asked = await stageAfterPassword(operator, this.deps.factors, () => this.deps.devices.honoured(operator.id));
    const stage = await stageWithGrace(operator, asked, () => this.useEnrollmentGrace(operator));
    const session = await this.startSession(seat, operator, stage, (s) => ({
      kind: stage === 'active' ? 'auth.sign-in' : 'auth.password-accepted',
      actorId: operator.id,
      actorLogin: operator.login,
      detail: { session: s.id, ...(stage === 'active' ? {} : { next: stage }) },
    }));
    if (stage === 'active') await this.passwordProves(session);
    return ok(await this.view(session));
  }

  /**
   * The step after a one-time password: the operator's own password replaces it. It must pass the
   * policy and differ from the one-time one; the sign-in then goes on (enrollment or in).
   */
  async setNewPassword(session: Session, password: string): Promise<Result<SessionView>> {
    const { operators, audit, clock, sessions } = this.deps;
    const operator = await operators.byId(session.operatorId);
    if (!operator || operator.disabled) return fail('AUTH_REQUIRED', text('coreAccess.session.accountInactive'));
    const policyError = passwordPolicyError(password, this.deps.settings.get('passwordPolicy'));
    if (policyError) return { ok: false, error: policyError };
    if (await verifyPassword(password, operator.passwordHash)) {
      return fail('PASSWORD_POLICY', text('coreAccess.password.notOneTime'), { field: 'password' });
    }
    const passwordHash = await hashPassword(password);
    const next = await operators.transaction(async () => {
      await operators.setPassword(operator.id, passwordHash, clock.now(), null);
      const stage = await stageAfterNewPassword((await operators.byId(operator.id))!, this.deps.factors);
      await audit.append({ kind: 'auth.password-changed', actorId: operator.id, actorLogin: operator.login, detail: { reason: 'one-time', session: session.id } });
      if (stage === 'active') await audit.append({ kind: 'auth.sign-in', actorId: operator.id, actorLogin: operator.login, detail: { session: session.id } });
      return stage;
    });
    sessions.advance(session, next);
    session.passwordAt = clock.now();
    if (next === 'active') await this.passwordProves(session);
    return ok(await this.view(session));
  }

  /**
   * An operator changes their own password (My security): the current one first (throttled like a
   * sign-in), then the policy. Other open sessions of this operator end; this one stays.
   */
  async changeOwnPassword(session: Session, current: string, next: string): Promise<Result<void>> {
    return this.queue.run(session.login, async () => {
      const { throttle, audit, operators, clock, sessions } = this.deps;
      const lockedUntil = await throttle.lockedUntil(session.login);
      if (lockedUntil) return throttled(lockedUntil, clock.now());
      const operator = await operators.byId(session.operatorId);
      if (!operator || !(await verifyPassword(current, operator.passwordHash))) {
        await operators.transaction(async () => {
          await throttle.fail(session.login);
          await audit.append({ kind: 'auth.password-change-failed', actorId: session.operatorId, actorLogin: session.login });
        });
        return fail('AUTH_INVALID', text('coreAccess.password.currentWrong'), { field: 'currentPassword' });
      }
      await throttle.succeed(session.login);
      const policyError = passwordPolicyError(next, this.deps.settings.get('passwordPolicy'));
      if (policyError) return { ok: false, error: { ...policyError, field: 'newPassword' } };
      if (next === current) return fail('PASSWORD_POLICY', text('coreAccess.password.sameAsCurrent'), { field: 'newPassword' });
      const passwordHash = await hashPassword(next);
      await operators.transaction(async () => {
        await operators.setPassword(operator.id, passwordHash, clock.now(), null);
        let ended = 0;
        for (const other of sessions.forOperator(operator.id)) if (other !== session) ended += sessions.endSession(other) ? 1 : 0;
        await audit.append({ kind: 'auth.password-changed', actorId: operator.id, actorLogin: operator.login, detail: { reason: 'own', otherSessionsEnded: ended } });
      });
      session.passwordAt = clock.now();
      return ok(undefined);
    });
  }

  /**
   * Security changes ask for the password again when it was last given over an hour ago. A session
   * still enrolling has just given it. A password that is given is always checked: a wrong one is
   * never waved through because the sign-in happens to be recent.
   */
  async reauthenticate(session: Session, password: string | undefined, { always = false } = {}): Promise<Result<void>> {
    const recent = session.stage !== 'active' || this.deps.clock.now() - session.passwordAt < REAUTH_AFTER_MS;
    if (!always && recent && password === undefined) return ok(undefined);
    if (!password) return fail('REAUTH_REQUIRED', text('coreAccess.reauth.required'), { field: 'password' });
    return this.queue.run(session.login, async () => {
      const { throttle, audit, operators, clock } = this.deps;
      const lockedUntil = await throttle.lockedUntil(session.login);
      if (lockedUntil) return throttled(lockedUntil, clock.now());
      const operator = await operators.byId(session.operatorId);
      if (!operator || !(await verifyPassword(password, operator.passwordHash))) {
        await operators.transaction(async () => {
          await throttle.fail(session.login);
          await audit.append({ kind: 'auth.reauth-failed', actorId: session.operatorId, actorLogin: session.login });
        });
        return fail('AUTH_INVALID', text('coreAccess.reauth.wrongPassword'), { field: 'password' });
      }
      await throttle.succeed(session.login);
      session.passwordAt = clock.now();
      return ok(undefined);
    });
  }

  /**
   * Kiosk: only an enabled administrator's login and password let anyone leave. Throttled and
   * audited like a sign-in; the answer does not say whether the login exists.
   */
  authorizeKioskQuit(login: string, password: string): Promise<Result<void>> {
    return this.queue.run(login, async () => {
      const { throttle, audit, operators, clock } = this.deps;
      if (!this.deps.kiosk) return fail('CONFLICT', text('coreAccess.kiosk.notKiosk'));
      const lockedUntil = await throttle.lockedUntil(login);
      if (lockedUntil) return throttled(lockedUntil, clock.now());
      const operator = await operators.byLogin(login);
      const valid = await verifyPassword(password, operator?.passwordHash ?? (await dummyHash()));
      if (!operator || !valid || operator.disabled) {
        await operators.transaction(async () => {
          await throttle.fail(login);
          await audit.append({ kind: 'kiosk.quit-refused', actorId: operator?.id ?? null, subject: login, detail: { reason: 'credentials' } });
        });
        return fail('AUTH_INVALID', INVALID, { field: 'password' });
      }
      await throttle.succeed(login);
      if (!can(operator.roles, 'operators.manage')) {
        await audit.append({ kind: 'kiosk.quit-refused', actorId: operator.id, actorLogin: operator.login, detail: { reason: 'not-admin' } });
        return fail('FORBIDDEN', text('coreAccess.kiosk.adminOnly'));
      }
      await audit.append({ kind: 'kiosk.quit', actorId: operator.id, actorLogin: operator.login });
      return ok(undefined);
    });
  }

  async unlock(seat: string, session: Session, password: string): Promise<Result<SessionView>> {
    return this.queue.run(session.login, async () => {
      const { throttle, audit, operators, sessions, clock } = this.deps;
      const lockedUntil = await throttle.lockedUntil(session.login);
      if (lockedUntil) return throttled(lockedUntil, clock.now());
      const operator = await operators.byId(session.operatorId);
      if (!operator || operator.disabled) {
        sessions.end(seat);
        return fail('AUTH_REQUIRED', text('coreAccess.session.accountInactive'));
      }
      if (!(await verifyPassword(password, operator.passwordHash))) {
        await operators.transaction(async () => {
          const state = await throttle.fail(session.login);
          await audit.append({ kind: 'auth.unlock-failed', actorId: operator.id, actorLogin: operator.login, detail: { failures: state.failures } });
        });
        return fail('AUTH_INVALID', text('coreAccess.unlock.wrongPassword'), { field: 'password' });
      }
      await throttle.succeed(session.login);
      // Recorded first: an unlock the log does not hold does not happen.
      await audit.append({ kind: 'auth.unlock', actorId: operator.id, actorLogin: operator.login, detail: { session: session.id } });
      sessions.unlock(session);
      await this.passwordProves(session);
      return ok(await this.activeView(session, operator));
    });
  }

  async signOut(seat: string): Promise<SessionView> {
    const session = this.deps.sessions.end(seat);
    if (session) await this.deps.audit.append({ kind: 'auth.sign-out', actorId: session.operatorId, actorLogin: session.login, detail: { session: session.id } });
    return { state: 'signedOut' };
  }

  /** The view of a looked-up session, auditing an idle lock or an expiry the first time it is seen. */
  async view(session: Session | null): Promise<SessionView> {
    if (!session) return { state: 'signedOut' };
    const operator = await this.deps.operators.byId(session.operatorId);
    if (!operator) return { state: 'signedOut' };
    const pendingUntil = session.signedInAt + PENDING_SECOND_FACTOR_MS;
    if (session.stage === 'challenge') {
      return { state: 'secondFactor', operator: summary(operator), methods: await this.deps.factors.methods(operator.id), remember: this.deps.devices.offer(), expiresAt: pendingUntil, clockWarning: await this.deps.clockDrift.warning() };
    }
    if (session.stage === 'enrollment') return { state: 'enrollment', operator: summary(operator), expiresAt: pendingUntil, clockWarning: await this.deps.clockDrift.warning() };
    if (session.stage === 'passwordChange') return { state: 'passwordChange', operator: summary(operator), expiresAt: pendingUntil };
    if (session.locked) return { state: 'locked', operator: summary(operator), expiresAt: this.deps.sessions.expiresAt(session) };
    return await this.activeView(session, operator);
  }

  /**
   * Her own password is her proof for sensitive actions (auth/step-up.ts) only when she has no second
   * factor: with one, a password (or a remembered device) alone never is. A one-time password is never
   * one either (whoever handed it over saw it): callers prove only a sign-in that is complete.
   */
  private async passwordProves(session: Session): Promise<void> {
    if (!(await this.deps.factors.hasFactor(session.operatorId))) this.deps.sessions.prove(session);
  }

  /**
   * A session starts only with its audit entry in the store: if the entry cannot be written (the
   * database is unreachable), the session ends again and the error goes to the caller.
   */
  private async startSession(seat: string, operator: OperatorRecord, stage: SessionStage, entry: (session: Session) => AuditEvent): Promise<Session> {
    const session = this.deps.sessions.start(seat, operator, stage);
    try {
      await this.deps.audit.append(entry(session));
    } catch (error) {
      this.deps.sessions.endSession(session);
      throw error;
    }
    return session;
  }

  /** One sign-in of her enrollment grace, committed with its audit entry; false when none is left. */
  private async useEnrollmentGrace(operator: OperatorRecord): Promise<boolean> {
    const { operators, audit } = this.deps;
    return operators.transaction(async () => {
      const left = await operators.useMfaGrace(operator.id);
      if (left === null) return false;
      await audit.append({ kind: 'auth.enrollment-grace-used', actorId: operator.id, actorLogin: operator.login, detail: { left } });
      return true;
    });
  }

  /** Read from the store at each view, so a sign-in at another terminal, or enrolling, shows at once. */
  private async enrollmentGrace(operator: OperatorRecord): Promise<ActiveSession['enrollmentGrace']> {
    if (operator.mfaGraceLeft === null) return null;
    return (await this.deps.factors.stageAfterPassword(operator)) === 'enrollment' ? { left: operator.mfaGraceLeft } : null;
  }

  private async activeView(session: Session, operator: OperatorRecord): Promise<ActiveSession> {
    return {
      state: 'active',
      operator: summary(operator),
      permissions: permissionsFor(operator.roles).filter((p) => !this.deps.kiosk || kioskPermits(p)),
      signedInAt: session.signedInAt,
      idleLockAt: this.deps.sessions.idleLockAt(session),
      expiresAt: this.deps.sessions.expiresAt(session),
      enrollmentGrace: await this.enrollmentGrace(operator),
    };
  }
}

const summary = (operator: OperatorRecord) => ({ id: operator.id, login: operator.login, displayName: operator.displayName, roles: operator.roles, language: operator.language });

function throttled(lockedUntil: number, now: number) {
  const seconds = Math.ceil((lockedUntil - now) / 1000);
  const wait = seconds >= 90 ? text('coreAccess.signIn.throttledMinutes', { minutes: Math.ceil(seconds / 60) }) : text('coreAccess.signIn.throttledSeconds', { seconds });
  return fail('AUTH_THROTTLED', wait, { retryAt: lockedUntil });
}
