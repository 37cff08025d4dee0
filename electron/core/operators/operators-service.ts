/**
 * Operator administration: create (with a one-time password), roles, disable, reset password or
 * two-factor, lift a throttle. Accounts holding the service role are handled by the service team
 * only: an admin resetting a service account's password would take over the institution's switches.
 */
import type { OperatorRow } from '../../../shared/mfa-views';
import { fail, ok, type Result } from '../../../shared/result';
import { can, type Role } from '../../../shared/roles';
import type { AuditLog } from '../audit/audit-log';
import { ONE_TIME_PASSWORD_HOURS } from '../auth/auth-service';
import { hashPassword } from '../auth/password-hash';
import { passwordPolicyError } from '../auth/password-policy';
import type { Session, SessionManager } from '../auth/sessions';
import type { SignInThrottle } from '../auth/throttle';
import type { Factors } from '../mfa/factors';
import type { TrustedDevices } from '../mfa/trusted-devices';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { DevicesRepo } from '../store/devices-repo';
import type { MfaRepo } from '../store/mfa-repo';
import type { OperatorRecord, OperatorsRepo } from '../store/operators-repo';
import type { Clock } from '../types';

export class OperatorsService {
  constructor(
    private readonly deps: {
      operators: OperatorsRepo;
      mfa: MfaRepo;
      devices: DevicesRepo;
      factors: Factors;
      trusted: TrustedDevices;
      settings: InstitutionSettings;
      audit: AuditLog;
      clock: Clock;
      sessions: SessionManager;
      throttle: SignInThrottle;
    },
  ) {}

  list(): OperatorRow[] {
    return this.deps.operators.all().map((o) => this.row(o));
  }

  async create(by: Session, input: { login: string; displayName: string; roles: Role[]; password: string; mfaRequired?: boolean | undefined }): Promise<Result<OperatorRow>> {
    // The service role can switch institution-wide security: only the service team hands it out.
    if (input.roles.includes('service') && !can(by.roles, 'mfa.feature')) return fail('FORBIDDEN', 'Only the service team can give the service role.', { field: 'roles' });
    if (this.deps.operators.byLogin(input.login)) return fail('CONFLICT', `The login "${input.login}" is taken. Choose another.`, { field: 'login' });
    const policyError = passwordPolicyError(input.password, this.deps.settings.get('passwordPolicy'));
    if (policyError) return { ok: false, error: policyError };
    const passwordHash = await hashPassword(input.password);
    // New operators must use two-factor by default once the institution has switched it on.
    const mfaRequired = input.mfaRequired ?? this.deps.settings.get('mfaEnabled');
    let id: number;
    try {
      // The account, its two-step requirement and its audit entry commit together (as every change below).
      id = this.deps.operators.transaction(() => {
        const created = this.deps.operators.insert({ login: input.login, displayName: input.displayName, roles: input.roles, passwordHash, oneTimeUntil: this.oneTimeUntil(), now: this.deps.clock.now() });
        this.deps.mfa.setRequired(created, mfaRequired);
        this.deps.audit.append({ kind: 'operators.created', actorId: by.operatorId, actorLogin: by.login, subject: input.login, detail: { roles: input.roles.join(','), mfaRequired, oneTimePasswordUntil: this.oneTimeUntil() } });
        return created;
      });
    } catch (error) {
      if (String((error as Error).message).includes('UNIQUE')) return fail('CONFLICT', `The login "${input.login}" is taken. Choose another.`, { field: 'login' });
      throw error;
    }
    return ok(this.row(this.deps.operators.byId(id)!));
  }

  setMfaRequired(by: Session, operatorId: number, required: boolean): Result<OperatorRow> {
    const operator = this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    this.deps.mfa.transaction(() => {
      this.deps.mfa.setRequired(operatorId, required);
      this.deps.audit.append({ kind: 'operators.mfa-required-changed', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { required } });
    });
    return ok(this.row(operator));
  }

  /** Disabling ends the operator's sessions at once; the last enabled admin and service account cannot be disabled. */
  async setDisabled(by: Session, operatorId: number, disabled: boolean): Promise<Result<OperatorRow>> {
    const operator = this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    if (disabled && operatorId === by.operatorId) return fail('CONFLICT', 'You cannot disable your own account. Ask another administrator.');
    const refused = this.deps.operators.transaction(() => {
      if (disabled && !operator.disabled) {
        const lastOf = (['admin', 'service'] as const).find((role) => operator.roles.includes(role) && this.deps.operators.enabledWithRole(role) <= 1);
        if (lastOf) return lastOf;
      }
      this.deps.operators.setDisabled(operatorId, disabled);
      // Enabling her again must not bring back a device trusted before she was disabled.
      const devicesRevoked = disabled ? this.deps.trusted.revokeAllInStore(operatorId) : 0;
      const ended = disabled ? this.deps.sessions.endForOperator(operatorId) : 0;
      this.deps.audit.append({ kind: disabled ? 'operators.disabled' : 'operators.enabled', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { sessionsEnded: ended, ...(disabled ? { devicesRevoked } : {}) } });
      return null;
    });
    if (refused) return fail('CONFLICT', `${operator.displayName} is the last enabled ${refused === 'admin' ? 'administrator' : 'service account'}; enable or create another one first.`);
    // The keychain cannot join the transaction: this machine's token goes after (its row is revoked already).
    if (disabled) await this.deps.trusted.forgetToken(operatorId);
    return ok(this.row(this.deps.operators.byId(operatorId)!));
  }

  setRoles(by: Session, operatorId: number, roles: Role[]): Result<OperatorRow> {
    const operator = this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const touchesService = operator.roles.includes('service') !== roles.includes('service');
    if (touchesService && !can(by.roles, 'mfa.feature')) return fail('FORBIDDEN', 'Only the service team can give or take the service role.', { field: 'roles' });
    const refused = this.deps.operators.transaction(() => {
      const lastOf = (['admin', 'service'] as const).find((role) => operator.roles.includes(role) && !roles.includes(role) && !operator.disabled && this.deps.operators.enabledWithRole(role) <= 1);
      if (lastOf) return lastOf;
      this.deps.operators.setRoles(operatorId, roles);
      // New rights apply from the next sign-in: a session keeps the roles it was opened with.
      const ended = this.deps.sessions.endForOperator(operatorId);
      this.deps.audit.append({ kind: 'operators.roles-changed', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { from: operator.roles.join(','), to: roles.join(','), sessionsEnded: ended } });
      return null;
    });
    if (refused) return fail('CONFLICT', `${operator.displayName} is the last ${refused === 'admin' ? 'administrator' : 'service account'}; give the role to someone else first.`);
    return ok(this.row(this.deps.operators.byId(operatorId)!));
  }

  /**
   * A forgotten password: a new one-time password, changed at the next sign-in and expiring like a
   * new operator's. Open sessions end and the sign-in throttle is lifted, so the operator can use it.
   */
  async resetPassword(by: Session, operatorId: number, password: string): Promise<Result<OperatorRow>> {
    const operator = this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const refused = this.serviceOnly(by, operator, 'reset the password of');
    if (refused) return refused;
    if (operatorId === by.operatorId) return fail('CONFLICT', 'You cannot give yourself a one-time password. Ask another administrator.');
    const policyError = passwordPolicyError(password, this.deps.settings.get('passwordPolicy'));
    if (policyError) return { ok: false, error: policyError };
    const until = this.oneTimeUntil();
    const passwordHash = await hashPassword(password);
    // Whoever handed the one-time password over saw it: no device trusted before may skip her code.
    this.deps.operators.transaction(() => {
      this.deps.operators.setPassword(operatorId, passwordHash, this.deps.clock.now(), until);
      const devicesRevoked = this.deps.trusted.revokeAllInStore(operatorId);
      this.deps.throttle.succeed(operator.login);
      const ended = this.deps.sessions.endForOperator(operatorId);
      this.deps.audit.append({ kind: 'operators.password-reset', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { oneTimePasswordUntil: until, sessionsEnded: ended, devicesRevoked } });
    });
    await this.deps.trusted.forgetToken(operatorId);
    return ok(this.row(this.deps.operators.byId(operatorId)!));
  }

  /** Lifts the throttles of both sign-in steps (password and code) after the admin has checked who was trying. */
  liftThrottle(by: Session, operatorId: number): Result<OperatorRow> {
    const operator = this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const before = this.throttledUntil(operator);
    this.deps.mfa.transaction(() => {
      this.deps.throttle.succeed(operator.login);
      this.deps.mfa.clearFailures(operatorId);
      this.deps.audit.append({ kind: 'operators.throttle-lifted', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { wasLockedUntil: before } });
    });
    return ok(this.row(this.deps.operators.byId(operatorId)!));
  }

  /** Lost phone, new number: authenticator, phone, recovery codes and remembered devices go; enrollment is asked again. */
  async resetMfa(by: Session, operatorId: number): Promise<Result<OperatorRow>> {
    const operator = this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const refused = this.serviceOnly(by, operator, 'reset two-step verification of');
    if (refused) return refused;
    this.deps.mfa.transaction(() => {
      this.deps.mfa.removeAll(operatorId);
      const devices = this.deps.trusted.revokeAllInStore(operatorId);
      this.deps.audit.append({ kind: 'operators.mfa-reset', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { devicesRevoked: devices } });
    });
    await this.deps.trusted.forgetToken(operatorId);
    return ok(this.row(operator));
  }

  exists(operatorId: number): boolean {
    return this.deps.operators.byId(operatorId) !== undefined;
  }

  private oneTimeUntil(): number {
    return this.deps.clock.now() + ONE_TIME_PASSWORD_HOURS * 3_600_000;
  }

  /** Someone else's service account: only the service team may take over its credentials. */
  private serviceOnly(by: Session, operator: OperatorRecord, action: string) {
    if (operator.id === by.operatorId || !operator.roles.includes('service') || can(by.roles, 'mfa.feature')) return null;
    return fail('FORBIDDEN', `Only the service team can ${action} a service account.`);
  }

  private throttledUntil(o: OperatorRecord): number | null {
    const now = this.deps.clock.now();
    const until = Math.max(this.deps.throttle.lockedUntil(o.login) ?? 0, this.deps.mfa.failures(o.id).lockedUntil);
    return until > now ? until : null;
  }

  private row(o: OperatorRecord): OperatorRow {
    const m = this.deps.factors.methods(o.id);
    return {
      id: o.id,
      login: o.login,
      displayName: o.displayName,
      roles: o.roles,
      disabled: o.disabled,
      mfaRequired: this.deps.mfa.isRequired(o.id),
      methods: [...(m.totp ? (['totp'] as const) : []), ...(m.sms ? (['sms'] as const) : []), ...(m.recoveryCodesLeft > 0 ? (['recovery'] as const) : [])],
      rememberedDevices: this.deps.devices.countLive(o.id, this.deps.clock.now()),
      oneTimePasswordUntil: o.mustChangePassword ? o.passwordExpiresAt : null,
      throttledUntil: this.throttledUntil(o),
    };
  }
}

const notFound = () => fail('NOT_FOUND', 'That operator does not exist (any more). Reload the list.');
