/**
 * Enrolling a second factor, at sign-in (required) or from My security (by choice). A new key or
 * number counts only once the operator proves it with a code; until then it lives in memory, so an
 * abandoned enrollment leaves the old factor working.
 */
import QRCode from 'qrcode';
import type { SmsSent, TotpEnrollment } from '../../../shared/mfa-views';
import { fail, ok, type Result } from '../../../shared/result';
import { text } from '../../../shared/i18n/translator';
import type { Session } from '../auth/sessions';
import { phoneContext, totpContext, type MfaContext } from './context';
import type { Factors } from './factors';
import { parsePhone } from './phone';
import { newRecoveryCodes } from './recovery-codes';
import type { SmsCodes } from './sms-codes';
import { groupSeed, matchTotp, newTotpSeed, totpUri } from './totp';

interface Pending {
  totpSeed?: string;
  phone?: { e164: string; hint: string };
}

export class Enrollment {
  /** Keyed by session id; gone with the session or a restart. */
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: MfaContext,
    private readonly sms: SmsCodes,
    private readonly factors: Factors,
  ) {}

  async startTotp(session: Session): Promise<Result<TotpEnrollment>> {
    const seed = newTotpSeed();
    const issuer = this.ctx.settings.get('name');
    const uri = totpUri(seed, issuer, session.login);
    this.pendingFor(session).totpSeed = seed;
    await this.ctx.audit.append({ kind: 'mfa.totp-enrollment-started', actorId: session.operatorId, actorLogin: session.login });
    return ok({ issuer, account: session.login, uri, qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }), manualKey: groupSeed(seed) });
  }

  async confirmTotp(session: Session, code: string): Promise<Result<{ recoveryCodes: string[] | null }>> {
    const seed = this.pending.get(session.id)?.totpSeed;
    if (!seed) return fail('CONFLICT', text('coreAccess.enrollment.totpNotStarted'));
    const now = this.ctx.clock.now();
    const step = matchTotp(seed, code.replace(/\s/g, ''), now);
    if (step === null) return fail('MFA_INVALID', text('coreAccess.enrollment.totpMismatch'), { field: 'code' });
    const { repo, vault } = this.ctx;
    // The factor, its first recovery codes and their audit entries commit together.
    const seedSealed = vault.encrypt(seed, totpContext(session.operatorId));
    const recoveryCodes = await repo.transaction(async () => {
      await repo.saveTotp(session.operatorId, seedSealed, now);
      await repo.acceptStep(session.operatorId, step, now);
      await this.ctx.clockDrift.recordTotp(step);
      await this.ctx.audit.append({ kind: 'mfa.totp-enrolled', actorId: session.operatorId, actorLogin: session.login });
      return this.finish(session);
    });
    this.completed(session);
    return ok({ recoveryCodes });
  }

  async startSms(session: Session, country: string, number: string): Promise<Result<SmsSent>> {
    const phone = parsePhone(country, number);
    if (!phone.ok) return fail('VALIDATION', phone.message, { field: phone.field });
    this.pendingFor(session).phone = { e164: phone.e164, hint: phone.hint };
    return this.sms.send(session.operatorId, phone.e164, phone.hint, 'enroll');
  }

  async confirmSms(session: Session, code: string): Promise<Result<{ recoveryCodes: string[] | null }>> {
    const phone = this.pending.get(session.id)?.phone;
    if (!phone) return fail('CONFLICT', text('coreAccess.enrollment.smsNotStarted'));
    if (!(await this.sms.check(session.operatorId, 'enroll', code.replace(/\s/g, '')))) {
      return fail('MFA_INVALID', text('coreAccess.enrollment.smsInvalid'), { field: 'code' });
    }
    const { repo, vault, clock } = this.ctx;
    const phoneSealed = vault.encrypt(phone.e164, phoneContext(session.operatorId));
    const recoveryCodes = await repo.transaction(async () => {
      await repo.savePhone(session.operatorId, phoneSealed, phone.hint, clock.now());
      await repo.confirmPhone(session.operatorId, clock.now());
      await this.ctx.audit.append({ kind: 'mfa.sms-enrolled', actorId: session.operatorId, actorLogin: session.login, detail: { phone: phone.hint } });
      return this.finish(session);
    });
    this.completed(session);
    return ok({ recoveryCodes });
  }

  async regenerateRecoveryCodes(session: Session): Promise<Result<{ codes: string[] }>> {
    if (!(await this.factors.hasFactor(session.operatorId))) return fail('CONFLICT', text('coreAccess.enrollment.factorFirst'));
    const codes = await this.ctx.repo.transaction(async () => {
      const fresh = await this.issueRecoveryCodes(session.operatorId);
      await this.ctx.audit.append({ kind: 'mfa.recovery-codes-regenerated', actorId: session.operatorId, actorLogin: session.login });
      return fresh;
    });
    return ok({ codes });
  }

  /** Inside the enrollment's transaction. A first factor brings recovery codes (shown once); a required enrollment's sign-in is recorded with it. */
  private async finish(session: Session): Promise<string[] | null> {
    const codes = (await this.ctx.repo.recoveryCodesLeft(session.operatorId)) === 0 ? await this.issueRecoveryCodes(session.operatorId) : null;
    // Enrolled: no sign-ins before setup are left to count (a later reset asks enrollment at once).
    await this.ctx.operators.setMfaGrace(session.operatorId, null);
    if (session.stage === 'enrollment') {
      await this.ctx.audit.append({ kind: 'auth.sign-in', actorId: session.operatorId, actorLogin: session.login, detail: { session: session.id, enrolled: true } });
    }
    return codes;
  }

  /** Once the factor is committed: a required enrollment completes the sign-in, and nothing waits any more. */
  private completed(session: Session): void {
    if (session.stage === 'enrollment') this.ctx.sessions.activate(session);
    // The code she just entered from the new factor is a proof for sensitive actions (auth/step-up.ts).
    this.ctx.sessions.prove(session);
    this.pending.delete(session.id);
  }

  private async issueRecoveryCodes(operatorId: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.ctx.repo.replaceRecoveryCodes(operatorId, codes.map((c) => this.ctx.vault.keyedHash('recovery', c)), this.ctx.clock.now());
    return codes;
  }

  private pendingFor(session: Session): Pending {
    let entry = this.pending.get(session.id);
    if (!entry) this.pending.set(session.id, (entry = {}));
    return entry;
  }
}
