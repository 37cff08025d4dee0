/**
 * Operator administration: create (with a one-time password), roles, disable, reset password or
 * two-factor, lift a throttle. Accounts holding the service role are handled by the service team
 * only: an admin resetting a service account's password would take over the institution's switches.
 */
import type { OperatorRow } from '../../../shared/mfa-views';
import { fail, ok, type Result } from '../../../shared/result';
import { text, type MessageKey } from '../../../shared/i18n/translator';
import { can, type Role } from '../../../shared/roles';
import type { AuditLog } from '../audit/audit-log';
import { approvalKey } from '../auth/approval';
import { ONE_TIME_PASSWORD_HOURS } from '../auth/auth-service';
import { hashPassword } from '../auth/password-hash';
import { passwordPolicyError } from '../auth/password-policy';
import type { Session, SessionManager } from '../auth/sessions';
import type { SignInThrottle } from '../auth/throttle';
import type { Factors } from '../mfa/factors';
import { attentionFor } from './attention';
import type { TrustedDevices } from '../mfa/trusted-devices';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { DevicesRepo } from '../store/devices-repo';
import type { EmergencyRepo } from '../store/emergency-repo';
import type { MfaRepo } from '../store/mfa-repo';
import type { OperatorRecord, OperatorsRepo } from '../store/operators-repo';
import { isUniqueViolation } from '../store/engine/errors';
import type { Sql } from '../store/sql';
import type { Clock } from '../types';

export class OperatorsService {
  constructor(
    private readonly deps: {
      sql: Sql;
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
      emergency: EmergencyRepo;
    },
  ) {}

  async list(): Promise<OperatorRow[]> {
    const rows: OperatorRow[] = [];
    // One after another, like every read here: safe inside a transaction, whose queries share one connection.
    for (const operator of await this.deps.operators.all()) rows.push(await this.row(operator));
    return rows;
  }

  async create(by: Session, input: { login: string; displayName: string; roles: Role[]; password: string; mfaRequired?: boolean | undefined }): Promise<Result<OperatorRow>> {
    // The service role can switch institution-wide security: only the service team hands it out.
    if (input.roles.includes('service') && !can(by.roles, 'mfa.feature')) return fail('FORBIDDEN', text('coreAccess.operators.serviceRoleGive'), { field: 'roles' });
    if (await this.deps.operators.byLogin(input.login)) return taken(input.login);
    const policyError = passwordPolicyError(input.password, this.deps.settings.get('passwordPolicy'));
    if (policyError) return { ok: false, error: policyError };
    const passwordHash = await hashPassword(input.password);
    // New operators must use two-factor by default once the institution has switched it on.
    const mfaRequired = input.mfaRequired ?? this.deps.settings.get('mfaEnabled');
    const oneTimeUntil = this.oneTimeUntil();
    let id: number;
    try {
      // The account, its two-step requirement and its audit entry commit together (as every change below).
      id = await this.deps.sql.transaction(async () => {
        const created = await this.deps.operators.insert({ login: input.login, displayName: input.displayName, roles: input.roles, passwordHash, oneTimeUntil, now: this.deps.clock.now() });
        await this.deps.mfa.setRequired(created, mfaRequired);
        await this.deps.audit.append({ kind: 'operators.created', actorId: by.operatorId, actorLogin: by.login, subject: input.login, detail: { roles: input.roles.join(','), mfaRequired, oneTimePasswordUntil: oneTimeUntil } });
        return created;
      });
    } catch (error) {
      // Another desk created the same login since the check above: the store's unique index decided.
      if (isUniqueViolation(error)) return taken(input.login);
      throw error;
    }
    return ok(await this.row((await this.deps.operators.byId(id))!));
  }

  /**
   * Requiring may allow `graceSignIns` sign-ins with her own password before enrollment is forced, counted
   * in the store (every terminal uses the same ones); releasing, or requiring without grace, clears it. An
   * operator who already has a factor needs none.
   */
  async setMfaRequired(by: Session, operatorId: number, required: boolean, graceSignIns?: number): Promise<Result<OperatorRow>> {
    const operator = await this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const grace = required && graceSignIns !== undefined && !(await this.deps.factors.hasFactor(operatorId)) ? graceSignIns : null;
    await this.deps.sql.transaction(async () => {
      await this.deps.mfa.setRequired(operatorId, required);
      await this.deps.operators.setMfaGrace(operatorId, grace);
      await this.deps.audit.append({ kind: 'operators.mfa-required-changed', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { required, ...(required ? { graceSignIns: grace } : {}) } });
    });
    return ok(await this.row((await this.deps.operators.byId(operatorId))!));
  }

  /** Disabling ends the operator's sessions at once; the last enabled admin and service account cannot be disabled. */
  async setDisabled(by: Session, operatorId: number, disabled: boolean): Promise<Result<OperatorRow>> {
    const operator = await this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    if (disabled && operatorId === by.operatorId) return fail('CONFLICT', text('coreAccess.operators.cannotDisableSelf'));
    const refused = await this.deps.sql.transaction(async () => {
      if (disabled && !operator.disabled) {
        // Counted under the roster lock (PostgreSQL): two desks disabling the last two admins take turns.
        for (const role of ['admin', 'service'] as const) {
          if (operator.roles.includes(role) && (await this.deps.operators.enabledWithRole(role)) <= 1) return role;
        }
      }
      await this.deps.operators.setDisabled(operatorId, disabled);
      if (disabled) await this.deps.operators.bumpSessionsEpoch(operatorId);
      // Enabling her again must not bring back a device trusted before she was disabled.
      const devicesRevoked = disabled ? await this.deps.trusted.revokeAllInStore(operatorId) : 0;
      if (disabled) await this.deps.emergency.revokeUsable(operatorId, this.deps.clock.now());
      // Her sessions end at once (a change that then fails to commit has only signed her out).
      const ended = disabled ? this.deps.sessions.endForOperator(operatorId) : 0;
      await this.deps.audit.append({ kind: disabled ? 'operators.disabled' : 'operators.enabled', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { sessionsEnded: ended, ...(disabled ? { devicesRevoked } : {}) } });
      return null;
    });
    if (refused) return fail('CONFLICT', text('coreAccess.operators.lastEnabled', { name: operator.displayName, role: refused }));
    // The keychain cannot join the transaction: this machine's token goes after (its row is revoked already).
    if (disabled) await this.deps.trusted.forgetToken(operatorId);
    return ok(await this.row((await this.deps.operators.byId(operatorId))!));
  }

  async setRoles(by: Session, operatorId: number, roles: Role[]): Promise<Result<OperatorRow>> {
    const operator = await this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const touchesService = operator.roles.includes('service') !== roles.includes('service');
    if (touchesService && !can(by.roles, 'mfa.feature')) return fail('FORBIDDEN', text('coreAccess.operators.serviceRoleChange'), { field: 'roles' });
    const refused = await this.deps.sql.transaction(async () => {
      for (const role of ['admin', 'service'] as const) {
        if (operator.roles.includes(role) && !roles.includes(role) && !operator.disabled && (await this.deps.operators.enabledWithRole(role)) <= 1) return role;
      }
      await this.deps.operators.setRoles(operatorId, roles);
      await this.deps.operators.bumpSessionsEpoch(operatorId);
      // New rights apply from the next sign-in: a session keeps the roles it was opened with.
      const ended = this.deps.sessions.endForOperator(operatorId);
      await this.deps.audit.append({ kind: 'operators.roles-changed', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { from: operator.roles.join(','), to: roles.join(','), sessionsEnded: ended } });
      return null;
    });
    if (refused) return fail('CONFLICT', text('coreAccess.operators.lastWithRole', { name: operator.displayName, role: refused }));
    return ok(await this.row((await this.deps.operators.byId(operatorId))!));
  }

  /**
   * A forgotten password: a new one-time password, changed at the next sign-in and expiring like a
   * new operator's. Open sessions end and the sign-in throttle is lifted, so the operator can use it.
   */
  async resetPassword(by: Session, operatorId: number, password: string): Promise<Result<OperatorRow>> {
    const operator = await this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const refused = this.serviceOnly(by, operator, 'coreAccess.operators.serviceOnlyPassword');
    if (refused) return refused;
    if (operatorId === by.operatorId) return fail('CONFLICT', text('coreAccess.operators.cannotResetSelf'));
    const policyError = passwordPolicyError(password, this.deps.settings.get('passwordPolicy'));
    if (policyError) return { ok: false, error: policyError };
    const until = this.oneTimeUntil();
    const passwordHash = await hashPassword(password);
    // Whoever handed the one-time password over saw it: no device trusted before may skip her code.
    await this.deps.sql.transaction(async () => {
      await this.deps.operators.setPassword(operatorId, passwordHash, this.deps.clock.now(), until);
      await this.deps.operators.bumpSessionsEpoch(operatorId);
      const devicesRevoked = await this.deps.trusted.revokeAllInStore(operatorId);
      await this.deps.emergency.revokeUsable(operatorId, this.deps.clock.now());
      await this.deps.throttle.succeed(operator.login);
      const ended = this.deps.sessions.endForOperator(operatorId);
      await this.deps.audit.append({ kind: 'operators.password-reset', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { oneTimePasswordUntil: until, sessionsEnded: ended, devicesRevoked } });
    });
    await this.deps.trusted.forgetToken(operatorId);
    return ok(await this.row((await this.deps.operators.byId(operatorId))!));
  }

  /**
   * Lifts the throttles of both sign-in steps (password and code), and of her approvals of others'
   * actions, after the admin has checked who was trying.
   */
  async liftThrottle(by: Session, operatorId: number): Promise<Result<OperatorRow>> {
    const operator = await this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const before = await this.throttledUntil(operator);
    await this.deps.sql.transaction(async () => {
      await this.deps.throttle.succeed(operator.login);
      await this.deps.throttle.succeed(approvalKey(operator.login));
      await this.deps.mfa.clearFailures(operatorId);
      await this.deps.audit.append({ kind: 'operators.throttle-lifted', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { wasLockedUntil: before } });
    });
    return ok(await this.row((await this.deps.operators.byId(operatorId))!));
  }

  /** Lost phone, new number: authenticator, phone, recovery codes and remembered devices go; enrollment is asked again. */
  async resetMfa(by: Session, operatorId: number): Promise<Result<OperatorRow>> {
    const operator = await this.deps.operators.byId(operatorId);
    if (!operator) return notFound();
    const refused = this.serviceOnly(by, operator, 'coreAccess.operators.serviceOnlyMfa');
    if (refused) return refused;
    await this.deps.sql.transaction(async () => {
      await this.deps.mfa.removeAll(operatorId);
      const devices = await this.deps.trusted.revokeAllInStore(operatorId);
      // An emergency code stood in for the factors that are gone.
      await this.deps.emergency.revokeUsable(operatorId, this.deps.clock.now());
      await this.deps.audit.append({ kind: 'operators.mfa-reset', actorId: by.operatorId, actorLogin: by.login, subject: operator.login, detail: { devicesRevoked: devices } });
    });
    await this.deps.trusted.forgetToken(operatorId);
    return ok(await this.row(operator));
  }

  async exists(operatorId: number): Promise<boolean> {
    return (await this.deps.operators.byId(operatorId)) !== undefined;
  }

  private oneTimeUntil(): number {
    return this.deps.clock.now() + ONE_TIME_PASSWORD_HOURS * 3_600_000;
  }

  /** Someone else's service account: only the service team may take over its credentials. */
  private serviceOnly(by: Session, operator: OperatorRecord, refusal: MessageKey) {
    if (operator.id === by.operatorId || !operator.roles.includes('service') || can(by.roles, 'mfa.feature')) return null;
    return fail('FORBIDDEN', text(refusal));
  }

  private async throttledUntil(o: OperatorRecord): Promise<number | null> {
    const now = this.deps.clock.now();
    const password = await this.deps.throttle.lockedUntil(o.login);
    const code = await this.deps.mfa.failures(o.id);
    const until = Math.max(password ?? 0, code.lockedUntil);
    return until > now ? until : null;
  }

  private async row(o: OperatorRecord): Promise<OperatorRow> {
    const m = await this.deps.factors.methods(o.id);
    const mfaRequired = await this.deps.mfa.isRequired(o.id);
    const rememberedDevices = await this.deps.devices.countLive(o.id, this.deps.clock.now());
    const throttledUntil = await this.throttledUntil(o);
    return {
      id: o.id,
      login: o.login,
      displayName: o.displayName,
      roles: o.roles,
      disabled: o.disabled,
      mfaRequired,
      methods: [...(m.totp ? (['totp'] as const) : []), ...(m.sms ? (['sms'] as const) : []), ...(m.recoveryCodesLeft > 0 ? (['recovery'] as const) : [])],
      rememberedDevices,
      oneTimePasswordUntil: o.mustChangePassword ? o.passwordExpiresAt : null,
      throttledUntil,
      recoveryCodesLeft: m.recoveryCodesLeft,
      attention: await attentionFor(o, m, this.deps.factors),
      emergencyCodeUntil: await this.deps.emergency.usableUntil(o.id, this.deps.clock.now()),
      graceLeft: mfaRequired ? o.mfaGraceLeft : null,
    };
  }
}

const taken = (login: string) => fail('CONFLICT', text('coreAccess.operators.loginTaken', { login }), { field: 'login' });

const notFound = () => fail('NOT_FOUND', text('coreAccess.operators.notFoundReload'));
