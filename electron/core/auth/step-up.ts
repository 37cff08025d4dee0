/**
 * Step-up: before a sensitive action (reissuing a delivered ticket, bulk reissue, restore, switching
 * two-step off, resetting someone's factors) the acting operator proves herself again when her last
 * proof (Session.proofAt) is older than the institution's window (5 minutes by default, 1–60). The proof
 * is her own second factor — her password only when she has none — and never a remembered device.
 *
 * Wrong codes count on the same counter as at sign-in (mfa_failures: five free, then a growing delay;
 * every tenth locks the session, so her password is needed again, as the sign-in step drops a pending
 * sign-in), and a wrong password on the sign-in throttle: step-up is no faster a way to guess than
 * sign-in. Every success and failure is audited, never with the code.
 */
import type { SmsSent } from '../../../shared/mfa-views';
import { fail, ok, type Result } from '../../../shared/result';
import { text } from '../../../shared/i18n/translator';
import type { StepUpMethod } from '../../../shared/contract/sensitive';
import type { SensitiveAction } from '../../../shared/sensitive-views';
import { useOwnCode } from '../mfa/code-check';
import { phoneContext, type MfaContext } from '../mfa/context';
import type { Factors } from '../mfa/factors';
import { codeLockDuration, DROP_AFTER_FAILURES } from '../mfa/second-factor-step';
import type { SmsCodes } from '../mfa/sms-codes';
import { verifyPassword } from './password-hash';
import type { Session } from './sessions';
import { KeyedQueue, type SignInThrottle } from './throttle';

export interface StepUpProof {
  method: StepUpMethod;
  code: string;
}

export class StepUp {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly d: {
      ctx: MfaContext;
      sms: SmsCodes;
      factors: Factors;
      /** The sign-in throttle: a wrong step-up password counts there. */
      throttle: SignInThrottle;
    },
  ) {}

  /** The institution's window, in minutes. */
  minutes(): number {
    return this.d.ctx.settings.get('stepUpMinutes');
  }

  /** Her last proof is within the window. None at all (a remembered device let her in) is never fresh. */
  fresh(session: Session): boolean {
    return session.proofAt !== null && this.d.ctx.clock.now() - session.proofAt < this.minutes() * 60_000;
  }

  /** What she may prove herself with: her factors, or her password when she has none. */
  async methods(operatorId: number): Promise<{ methods: StepUpMethod[]; phone: string | null }> {
    const m = await this.d.factors.methods(operatorId);
    if (!m.totp && !m.sms) return { methods: ['password'], phone: null };
    const methods: StepUpMethod[] = [...(m.totp ? (['totp'] as const) : []), ...(m.sms ? (['sms'] as const) : []), ...(m.recoveryCodesLeft > 0 ? (['recovery'] as const) : [])];
    return { methods, phone: m.sms?.hint ?? null };
  }

  /**
   * Ok when her last proof is fresh — a proof given then is not needed and not checked, so a dialog sent
   * again after a supervisor's refusal does not replay the code that already passed — else the proof given.
   */
  async check(session: Session, action: SensitiveAction, proof: StepUpProof | undefined): Promise<Result<void>> {
    if (this.fresh(session)) return ok(undefined);
    const hasFactor = await this.d.factors.hasFactor(session.operatorId);
    if (!proof) return fail('STEP_UP_REQUIRED', text(hasFactor ? 'stepUp.required.code' : 'stepUp.required.password', { minutes: this.minutes() }), { field: 'stepUp' });
    if (proof.method !== 'password') return this.byCode(session, action, proof.method, proof.code);
    if (!hasFactor) return this.byPassword(session, action, proof.code);
    // With a factor, her password alone is what a remembered device already had: it proves nothing more.
    await this.d.ctx.audit.append({ kind: 'auth.step-up-failed', actorId: session.operatorId, actorLogin: session.login, detail: { action, method: 'password', reason: 'password-refused' } });
    return fail('STEP_UP_REQUIRED', text('stepUp.passwordRefused'), { field: 'stepUp.method' });
  }

  /**
   * Restore asks her password every time: when she has no factor that password, just checked, is her
   * step-up proof too, so the dialog does not ask it twice.
   */
  async passwordJustChecked(session: Session, action: SensitiveAction): Promise<void> {
    if (this.fresh(session) || (await this.d.factors.hasFactor(session.operatorId))) return;
    await this.proved(session, action, 'password');
  }

  /** Texts a step-up code to her own phone: its own purpose, so it never passes for a sign-in code. */
  async sendSms(session: Session): Promise<Result<SmsSent>> {
    const { repo, vault } = this.d.ctx;
    const phone = await repo.phone(session.operatorId);
    if (!phone?.confirmedAt) return fail('NOT_FOUND', text('coreAccess.secondFactor.noPhone'));
    const to = vault.decrypt(phone.phoneSealed, phoneContext(session.operatorId)).toString();
    return this.d.sms.send(session.operatorId, to, phone.hint, 'step-up');
  }

  private async byCode(session: Session, action: SensitiveAction, method: Exclude<StepUpMethod, 'password'>, code: string): Promise<Result<void>> {
    const { ctx } = this.d;
    const { repo, clock, audit } = ctx;
    const operatorId = session.operatorId;
    const { lockedUntil } = await repo.failures(operatorId);
    if (lockedUntil > clock.now()) {
      return fail('AUTH_THROTTLED', text('coreAccess.secondFactor.throttled', { seconds: Math.ceil((lockedUntil - clock.now()) / 1000) }), { retryAt: lockedUntil, field: 'stepUp.code' });
    }
    // The code's use (or the failure count) and the audit entries commit together.
    const outcome = await repo.transaction(async () => {
      if (!(await useOwnCode(ctx, this.d.sms, operatorId, method, code, 'step-up'))) {
        const state = await repo.recordFailure(operatorId, clock.now(), codeLockDuration);
        const lock = state.failures % DROP_AFTER_FAILURES === 0;
        await audit.append({ kind: 'auth.step-up-failed', actorId: operatorId, actorLogin: session.login, detail: { action, method, reason: 'wrong', failures: state.failures, ...(lock ? { locked: true } : {}) } });
        if (state.lockedUntil > clock.now()) await audit.append({ kind: 'mfa.throttle-started', actorId: operatorId, detail: { until: state.lockedUntil } });
        return lock ? 'locked' : 'invalid';
      }
      await repo.clearFailures(operatorId);
      await audit.append({ kind: 'auth.step-up', actorId: operatorId, actorLogin: session.login, detail: { action, method } });
      if (method === 'recovery') await audit.append({ kind: 'mfa.recovery-code-used', actorId: operatorId, detail: { left: await repo.recoveryCodesLeft(operatorId) } });
      return 'proved';
    });
    if (outcome === 'locked') {
      ctx.sessions.lock(session);
      return fail('SESSION_LOCKED', text('stepUp.locked'));
    }
    if (outcome === 'invalid') return fail('MFA_INVALID', text(WRONG_CODE[method]), { field: 'stepUp.code' });
    // Only once committed: a proof the log does not hold does not count.
    ctx.sessions.prove(session);
    return ok(undefined);
  }

  private byPassword(session: Session, action: SensitiveAction, password: string): Promise<Result<void>> {
    return this.queue.run(session.login, async () => {
      const { throttle } = this.d;
      const { operators, audit, clock } = this.d.ctx;
      const lockedUntil = await throttle.lockedUntil(session.login);
      if (lockedUntil) {
        const seconds = Math.ceil((lockedUntil - clock.now()) / 1000);
        const wait = seconds >= 90 ? text('coreAccess.signIn.throttledMinutes', { minutes: Math.ceil(seconds / 60) }) : text('coreAccess.signIn.throttledSeconds', { seconds });
        return fail('AUTH_THROTTLED', wait, { retryAt: lockedUntil, field: 'stepUp.code' });
      }
      const operator = await operators.byId(session.operatorId);
      if (!operator || !(await verifyPassword(password, operator.passwordHash))) {
        await operators.transaction(async () => {
          const state = await throttle.fail(session.login);
          await audit.append({ kind: 'auth.step-up-failed', actorId: session.operatorId, actorLogin: session.login, detail: { action, method: 'password', reason: 'wrong', failures: state.failures } });
        });
        return fail('AUTH_INVALID', text('stepUp.wrongPassword'), { field: 'stepUp.code' });
      }
      await throttle.succeed(session.login);
      session.passwordAt = clock.now();
      await this.proved(session, action, 'password');
      return ok(undefined);
    });
  }

  /** Recorded first: a proof the log does not hold does not count. */
  private async proved(session: Session, action: SensitiveAction, method: StepUpMethod): Promise<void> {
    await this.d.ctx.audit.append({ kind: 'auth.step-up', actorId: session.operatorId, actorLogin: session.login, detail: { action, method } });
    this.d.ctx.sessions.prove(session);
  }
}

const WRONG_CODE = {
  totp: 'coreAccess.secondFactor.wrongTotpCode',
  sms: 'coreAccess.secondFactor.wrongSmsCode',
  recovery: 'coreAccess.secondFactor.wrongRecoveryCode',
} as const;
