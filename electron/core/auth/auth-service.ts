/**
 * First-run setup, sign-in, idle unlock and sign-out. One answer for an unknown login and a wrong
 * password; throttled per login name; every event audited without secrets.
 */
import type { SessionView, ActiveSession } from '../../../shared/views';
import { permissionsFor } from '../../../shared/roles';
import { fail, ok, type Result } from '../../../shared/result';
import type { AuditLog } from '../audit/audit-log';
import type { OperatorsRepo, OperatorRecord } from '../store/operators-repo';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { Clock } from '../types';
import { dummyHash, hashPassword, verifyPassword } from './password-hash';
import { passwordPolicyError } from './password-policy';
import type { Session, SessionManager } from './sessions';
import { KeyedQueue, type SignInThrottle } from './throttle';

const INVALID = 'The login or password is not right. Check both and try again.';

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
    },
  ) {}

  setupPending(): boolean {
    return this.deps.operators.count() === 0;
  }

  async createFirstAccount(seat: string, input: { login: string; displayName: string; password: string }): Promise<Result<ActiveSession>> {
    if (!this.setupPending()) return fail('SETUP_DONE', 'Box Office is already set up. Sign in instead.');
    const policyError = passwordPolicyError(input.password, this.deps.settings.get('passwordPolicy'));
    if (policyError) return { ok: false, error: policyError };
    const passwordHash = await hashPassword(input.password);
    // Checked again after the slow hash: two setup screens racing must not both create an account.
    if (!this.setupPending()) return fail('SETUP_DONE', 'Box Office is already set up. Sign in instead.');
    const id = this.deps.operators.insert({
      login: input.login,
      displayName: input.displayName,
      roles: ['service', 'admin'],
      passwordHash,
      mustChangePassword: false,
      now: this.deps.clock.now(),
    });
    this.deps.audit.append({ kind: 'setup.first-account', actorId: id, actorLogin: input.login, subject: input.login, detail: { roles: 'service,admin' } });
    const operator = this.deps.operators.byId(id)!;
    const session = this.deps.sessions.start(seat, operator);
    this.deps.audit.append({ kind: 'auth.sign-in', actorId: id, actorLogin: operator.login, detail: { session: session.id } });
    return ok(this.activeView(session, operator));
  }

  signIn(seat: string, login: string, password: string): Promise<Result<SessionView>> {
    return this.queue.run(login, () => this.signInNow(seat, login, password));
  }

  private async signInNow(seat: string, login: string, password: string): Promise<Result<SessionView>> {
    const { throttle, audit, operators } = this.deps;
    const lockedUntil = throttle.lockedUntil(login);
    if (lockedUntil) {
      audit.append({ kind: 'auth.throttled', subject: login, detail: { until: lockedUntil } });
      return throttled(lockedUntil, this.deps.clock.now());
    }
    const operator = operators.byLogin(login);
    // An unknown login still costs one hash, so timing does not tell the two cases apart.
    const valid = await verifyPassword(password, operator?.passwordHash ?? (await dummyHash()));
    if (!operator || !valid || operator.disabled) {
      const state = throttle.fail(login);
      audit.append({
        kind: 'auth.sign-in-failed',
        actorId: operator?.id ?? null,
        subject: login,
        detail: { reason: !operator ? 'unknown-login' : operator.disabled && valid ? 'disabled' : 'wrong-password', failures: state.failures },
      });
      if (state.lockedUntil > this.deps.clock.now()) {
        audit.append({ kind: 'auth.throttle-started', subject: login, detail: { failures: state.failures, until: state.lockedUntil } });
      }
      return fail('AUTH_INVALID', INVALID, { field: 'password' });
    }
    throttle.succeed(login);
    const previous = this.deps.sessions.end(seat);
    if (previous) audit.append({ kind: 'auth.sign-out', actorId: previous.operatorId, actorLogin: previous.login, detail: { session: previous.id, reason: 'replaced' } });
    const session = this.deps.sessions.start(seat, operator);
    audit.append({ kind: 'auth.sign-in', actorId: operator.id, actorLogin: operator.login, detail: { session: session.id } });
    return ok(this.activeView(session, operator));
  }

  async unlock(seat: string, session: Session, password: string): Promise<Result<SessionView>> {
    return this.queue.run(session.login, async () => {
      const { throttle, audit, operators, sessions } = this.deps;
      const lockedUntil = throttle.lockedUntil(session.login);
      if (lockedUntil) return throttled(lockedUntil, this.deps.clock.now());
      const operator = operators.byId(session.operatorId);
      if (!operator || operator.disabled) {
        sessions.end(seat);
        return fail('AUTH_REQUIRED', 'This account is no longer active. Sign in again.');
      }
      if (!(await verifyPassword(password, operator.passwordHash))) {
        const state = throttle.fail(session.login);
        audit.append({ kind: 'auth.unlock-failed', actorId: operator.id, actorLogin: operator.login, detail: { failures: state.failures } });
        return fail('AUTH_INVALID', 'That password is not right. Try again, or sign out.', { field: 'password' });
      }
      throttle.succeed(session.login);
      sessions.unlock(session);
      audit.append({ kind: 'auth.unlock', actorId: operator.id, actorLogin: operator.login, detail: { session: session.id } });
      return ok(this.activeView(session, operator));
    });
  }

  signOut(seat: string): SessionView {
    const session = this.deps.sessions.end(seat);
    if (session) this.deps.audit.append({ kind: 'auth.sign-out', actorId: session.operatorId, actorLogin: session.login, detail: { session: session.id } });
    return { state: 'signedOut' };
  }

  /** The view of a looked-up session, auditing an idle lock or an expiry the first time it is seen. */
  view(session: Session | null): SessionView {
    if (!session) return { state: 'signedOut' };
    const operator = this.deps.operators.byId(session.operatorId);
    if (!operator) return { state: 'signedOut' };
    if (session.locked) return { state: 'locked', operator: summary(operator), expiresAt: this.deps.sessions.expiresAt(session) };
    return this.activeView(session, operator);
  }

  private activeView(session: Session, operator: OperatorRecord): ActiveSession {
    return {
      state: 'active',
      operator: summary(operator),
      permissions: permissionsFor(operator.roles),
      signedInAt: session.signedInAt,
      idleLockAt: this.deps.sessions.idleLockAt(session),
      expiresAt: this.deps.sessions.expiresAt(session),
    };
  }
}

const summary = (operator: OperatorRecord) => ({ id: operator.id, login: operator.login, displayName: operator.displayName, roles: operator.roles });

function throttled(lockedUntil: number, now: number) {
  const seconds = Math.ceil((lockedUntil - now) / 1000);
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return fail('AUTH_THROTTLED', `Too many failed attempts for this login. Wait ${wait}, then try again.`, { retryAt: lockedUntil });
}
