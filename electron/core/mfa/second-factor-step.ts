/**
 * The second step of sign-in. Wrong codes: five are free, then a growing delay (2 s doubling); every
 * tenth drops the pending sign-in, so the password is asked again. Counters live in the store.
 */
import { fail, ok, type Result } from '../../../shared/result';
import { text, type LocalText } from '../../../shared/i18n/translator';
import type { Session } from '../auth/sessions';
import { stageAfterSecondFactor } from '../auth/sign-in-stages';
import { totpContext, type MfaContext } from './context';
import { normalizeRecoveryCode } from './recovery-codes';
import type { SmsCodes } from './sms-codes';
import type { EmergencyCodes } from './emergency-codes';
import { matchTotp } from './totp';
import type { TrustedDevices } from './trusted-devices';

export const FREE_CODE_FAILURES = 5;
export const DROP_AFTER_FAILURES = 10;
const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 15 * 60_000;

export const codeLockDuration = (failures: number): number =>
  failures < FREE_CODE_FAILURES ? 0 : Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_CODE_FAILURES), MAX_DELAY_MS);

/** 'emergency': a single-use code an admin issued (emergency-codes.ts), never one of her own factors. */
export type CodeMethod = 'totp' | 'sms' | 'recovery' | 'emergency';

/** The methods whose code is her own proof (Session.proofAt); any other method leaves the proof as it was. */
const PROOF_METHODS: ReadonlySet<string> = new Set(['totp', 'sms', 'recovery']);

export class SecondFactorStep {
  constructor(
    private readonly ctx: MfaContext,
    private readonly sms: SmsCodes,
    private readonly devices: TrustedDevices,
    private readonly emergency: EmergencyCodes,
  ) {}

  async verify(seat: string, session: Session, input: { method: CodeMethod; code: string; rememberDevice: boolean; deviceLabel?: string | undefined }): Promise<Result<void>> {
    const { repo, clock, audit, sessions } = this.ctx;
    const operatorId = session.operatorId;
    const { lockedUntil } = await repo.failures(operatorId);
    if (lockedUntil > clock.now()) {
      const seconds = Math.ceil((lockedUntil - clock.now()) / 1000);
      return fail('AUTH_THROTTLED', text('coreAccess.secondFactor.throttled', { seconds }), { retryAt: lockedUntil });
    }
    // The code's use (or the failure count) and its audit entries commit together.
    const outcome = await repo.transaction(async () => {
      if (!(await this.check(operatorId, input.method, input.code.replace(/\s/g, '')))) {
        const state = await repo.recordFailure(operatorId, clock.now(), codeLockDuration);
        await audit.append({ kind: 'mfa.verify-failed', actorId: operatorId, actorLogin: session.login, detail: { method: input.method, failures: state.failures } });
        if (state.failures % DROP_AFTER_FAILURES === 0) {
          await audit.append({ kind: 'mfa.sign-in-dropped', actorId: operatorId, actorLogin: session.login, detail: { failures: state.failures } });
          return 'dropped';
        }
        if (state.lockedUntil > clock.now()) await audit.append({ kind: 'mfa.throttle-started', actorId: operatorId, detail: { until: state.lockedUntil } });
        return 'invalid';
      }
      await repo.clearFailures(operatorId);
      await audit.append({ kind: 'mfa.verified', actorId: operatorId, actorLogin: session.login, detail: { method: input.method, session: session.id } });
      if (input.method === 'recovery') await audit.append({ kind: 'mfa.recovery-code-used', actorId: operatorId, detail: { left: await repo.recoveryCodesLeft(operatorId) } });
      return 'verified';
    });
    if (outcome === 'dropped') {
      sessions.end(seat);
      return fail('AUTH_REQUIRED', text('coreAccess.secondFactor.dropped'));
    }
    if (outcome === 'invalid') return fail('MFA_INVALID', messageFor(input.method), { field: 'code' });
    // A code of her own factor proves her for sensitive actions (auth/step-up.ts); a code someone else issued does not.
    if (PROOF_METHODS.has(input.method)) sessions.prove(session);
    // An emergency code is for one sign-in: the device it was typed on is never trusted for later ones.
    if (input.rememberDevice && input.method !== 'emergency') await this.devices.remember(operatorId, input.deviceLabel);
    const operator = await this.ctx.operators.byId(operatorId);
    sessions.advance(session, operator ? stageAfterSecondFactor(operator) : 'active');
    return ok(undefined);
  }

  /**
   * Inside the verify transaction. Each "use once" is decided by one compare-and-set statement in the
   * store, so a code can win at one terminal only, however many try it at once.
   */
  private async check(operatorId: number, method: CodeMethod, code: string): Promise<boolean> {
    const { repo, vault, clock } = this.ctx;
    switch (method) {
      case 'totp': {
        const totp = await repo.totp(operatorId);
        if (!totp?.confirmedAt) return false;
        const step = matchTotp(vault.decrypt(totp.seedSealed, totpContext(operatorId)).toString(), code, clock.now());
        // The compare-and-set refuses a step already used, so a code seen over a shoulder is worthless.
        const accepted = step !== null && (await repo.acceptStep(operatorId, step, null));
        if (accepted) await this.ctx.clockDrift.recordTotp(step);
        return accepted;
      }
      case 'sms':
        return (await repo.phone(operatorId))?.confirmedAt ? this.sms.check(operatorId, 'sign-in', code) : false;
      case 'recovery': {
        const normalized = normalizeRecoveryCode(code);
        return normalized !== null && (await repo.useRecoveryCode(operatorId, vault.keyedHash('recovery', normalized), clock.now()));
      }
      case 'emergency':
        return this.emergency.use(operatorId, code);
    }
  }
}

const messageFor = (method: CodeMethod): LocalText =>
  method === 'emergency' ? text('emergency.core.wrongCode') : text(method === 'recovery' ? 'coreAccess.secondFactor.wrongRecoveryCode' : method === 'sms' ? 'coreAccess.secondFactor.wrongSmsCode' : 'coreAccess.secondFactor.wrongTotpCode');

