/**
 * Four eyes: the institution may require that a sensitive action is approved by a second person with
 * the supervisor right (`actions.approve`), at the same terminal, in the same dialog — her login,
 * password and second factor travel in the action's own call, so an approval is bound to that call and
 * is never a token kept for later.
 *
 * Wrong approvals count on a counter of their own, `approve:<login>` in login_throttle (":" never
 * occurs in a login), with the sign-in throttle's delays: an operator typing a supervisor's login cannot
 * lock her out of signing in, nor touch her sign-in session or her sign-in code counter. An unknown
 * login costs a hash and gets the same answer as a wrong password. Nobody approves her own action.
 */
import type { SmsSent } from '../../../shared/mfa-views';
import { fail, ok, type Result } from '../../../shared/result';
import { can } from '../../../shared/roles';
import { text } from '../../../shared/i18n/translator';
import type { ApprovalMethod } from '../../../shared/contract/sensitive';
import { isApprovalAction, type SensitiveAction } from '../../../shared/sensitive-views';
import { useOwnCode } from '../mfa/code-check';
import { phoneContext, type MfaContext } from '../mfa/context';
import type { Factors } from '../mfa/factors';
import type { SmsCodes } from '../mfa/sms-codes';
import type { OperatorRecord } from '../store/operators-repo';
import { dummyHash, verifyPassword } from './password-hash';
import type { Session } from './sessions';
import { KeyedQueue, type SignInThrottle } from './throttle';

export interface ApprovalInput {
  login: string;
  password: string;
  method?: ApprovalMethod | undefined;
  code?: string | undefined;
}

/** The approval counter's row: beside, never instead of, her sign-in counter (keyed by the bare login). */
export const approvalKey = (login: string) => `approve:${login}`;

type Refusal = 'throttled' | 'credentials' | 'code' | 'own' | 'disabled' | 'not-supervisor';

export class Approvals {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly d: {
      ctx: MfaContext;
      sms: SmsCodes;
      factors: Factors;
      /** Over login_throttle; this class only ever counts under approvalKey(…). */
      throttle: SignInThrottle;
    },
  ) {}

  /** Whether the institution asks a supervisor's approval for this action (resetting factors: step-up only). */
  required(action: SensitiveAction): boolean {
    // Switching a required approval off is asked only while one is on: it always needs a supervisor.
    if (action === 'approvalsOff') return true;
    return isApprovalAction(action) && this.d.ctx.settings.get('approvals')[action];
  }

  /** Ok with who approved (null when none is required; one given then is not looked at), or why not. */
  async check(session: Session, action: SensitiveAction, approval: ApprovalInput | undefined): Promise<Result<{ approvedBy: string | null }>> {
    if (!this.required(action)) return ok({ approvedBy: null });
    if (!approval) return fail('APPROVAL_REQUIRED', text('stepUp.approval.required'), { field: 'approval' });
    return this.queue.run(approvalKey(approval.login), async () => {
      const who = await this.credentials(session, action, approval);
      if (!who.ok) return who;
      const supervisor = who.value;
      if ((await this.d.factors.hasFactor(supervisor.id)) && !(await this.secondFactor(session, action, supervisor, approval))) {
        return approval.method && approval.code
          ? fail('MFA_INVALID', text('stepUp.approval.wrongCode'), { field: 'approval.code' })
          : fail('MFA_INVALID', text('stepUp.approval.codeNeeded'), { field: 'approval.code' });
      }
      const refused = await this.rights(session, action, supervisor);
      if (refused) return refused;
      const { audit } = this.d.ctx;
      await audit.transaction(async () => {
        await this.d.throttle.succeed(approvalKey(supervisor.login));
        await audit.append({ kind: 'approval.granted', actorId: session.operatorId, actorLogin: session.login, subject: supervisor.login, detail: { action, method: approval.method ?? 'password' } });
      });
      return ok({ approvedBy: supervisor.login });
    });
  }

  /**
   * Texts an approval code to the supervisor once her login and password are right (counted like an
   * approval when they are not), so a code is never sent on a login alone.
   */
  sendSms(session: Session, action: SensitiveAction, login: string, password: string): Promise<Result<SmsSent>> {
    return this.queue.run(approvalKey(login), async () => {
      const who = await this.credentials(session, action, { login, password });
      if (!who.ok) return who;
      const refused = await this.rights(session, action, who.value);
      if (refused) return refused;
      const { repo, vault } = this.d.ctx;
      const phone = await repo.phone(who.value.id);
      if (!phone?.confirmedAt) return fail('NOT_FOUND', text('stepUp.approval.noPhone'), { field: 'approval.method' });
      return this.d.sms.send(who.value.id, vault.decrypt(phone.phoneSealed, phoneContext(who.value.id)).toString(), phone.hint, 'approve');
    });
  }

  /** Throttle, then the password (an unknown login costs a hash too and gets the same answer). */
  private async credentials(session: Session, action: SensitiveAction, approval: { login: string; password: string }): Promise<Result<OperatorRecord>> {
    const { throttle } = this.d;
    const { operators, clock } = this.d.ctx;
    const key = approvalKey(approval.login);
    const lockedUntil = await throttle.lockedUntil(key);
    if (lockedUntil) {
      await this.refused(session, action, approval.login, 'throttled', { until: lockedUntil });
      const seconds = Math.ceil((lockedUntil - clock.now()) / 1000);
      const wait = seconds >= 90 ? text('stepUp.approval.throttledMinutes', { minutes: Math.ceil(seconds / 60) }) : text('stepUp.approval.throttledSeconds', { seconds });
      return fail('AUTH_THROTTLED', wait, { retryAt: lockedUntil, field: 'approval.login' });
    }
    const supervisor = await operators.byLogin(approval.login);
    const valid = await verifyPassword(approval.password, supervisor?.passwordHash ?? (await dummyHash()));
    if (!supervisor || !valid) {
      await operators.transaction(async () => {
        const state = await throttle.fail(key);
        await this.refused(session, action, approval.login, 'credentials', { failures: state.failures });
      });
      return fail('AUTH_INVALID', text('stepUp.approval.invalid'), { field: 'approval.password' });
    }
    return ok(supervisor);
  }

  /** Her code, used up (a TOTP step, a recovery code, an approval text); a wrong one counts on the approval counter. */
  private async secondFactor(session: Session, action: SensitiveAction, supervisor: OperatorRecord, approval: ApprovalInput): Promise<boolean> {
    if (!approval.method || !approval.code) return false;
    const { ctx, sms, throttle } = this.d;
    const method = approval.method;
    const code = approval.code;
    return ctx.repo.transaction(async () => {
      if (await useOwnCode(ctx, sms, supervisor.id, method, code, 'approve')) {
        if (method === 'recovery') await ctx.audit.append({ kind: 'mfa.recovery-code-used', actorId: supervisor.id, detail: { left: await ctx.repo.recoveryCodesLeft(supervisor.id) } });
        return true;
      }
      const state = await throttle.fail(approvalKey(supervisor.login));
      await this.refused(session, action, supervisor.login, 'code', { method, failures: state.failures });
      return false;
    });
  }

  /** After her credentials: nobody approves her own action, and only an enabled account with the right approves. */
  private async rights(session: Session, action: SensitiveAction, supervisor: OperatorRecord): Promise<Result<never> | null> {
    if (supervisor.id === session.operatorId) {
      await this.refused(session, action, supervisor.login, 'own');
      return fail('FORBIDDEN', text('stepUp.approval.own'), { field: 'approval.login' });
    }
    if (supervisor.disabled || !can(supervisor.roles, 'actions.approve')) {
      await this.refused(session, action, supervisor.login, supervisor.disabled ? 'disabled' : 'not-supervisor');
      return fail('FORBIDDEN', text('stepUp.approval.cannotApprove'), { field: 'approval.login' });
    }
    return null;
  }

  /** The acting operator is the actor; the login given for approval the subject (as typed, when it is no account). */
  private refused(session: Session, action: SensitiveAction, login: string, reason: Refusal, extra: Record<string, string | number> = {}): Promise<void> {
    return this.d.ctx.audit.append({ kind: 'approval.refused', actorId: session.operatorId, actorLogin: session.login, subject: login, detail: { action, reason, ...extra } });
  }
}
