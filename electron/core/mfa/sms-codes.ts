/**
 * Text-message codes: 6 digits, valid 10 minutes, single use, bound to their challenge (the hash
 * covers the challenge id), stored only as a keyed hash. Sending is limited: a resend after 30 s at
 * the earliest, at most 5 messages in 15 minutes.
 */
import crypto from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/result';
import { text, translate, type MessageKey } from '../../../shared/i18n/translator';
import type { SmsSent } from '../../../shared/mfa-views';
import type { MfaContext } from './context';
import type { SmsPurpose } from '../store/mfa-repo';

export const SMS_CODE_TTL_MS = 10 * 60_000;
export const SMS_RESEND_AFTER_MS = 30_000;
export const SMS_WINDOW_MS = 15 * 60_000;
export const SMS_MAX_IN_WINDOW = 5;

type Purpose = SmsPurpose;

/** The text says what the code is for: a supervisor who gets one to approve knows it is not a sign-in. */
const SMS_BODY: Record<Purpose, MessageKey> = { 'sign-in': 'coreAccess.sms.code', enroll: 'coreAccess.sms.code', 'step-up': 'stepUp.sms.stepUp', approve: 'stepUp.sms.approve' };

export class SmsCodes {
  constructor(private readonly ctx: MfaContext) {}

  async send(operatorId: number, to: string, hint: string, purpose: Purpose): Promise<Result<SmsSent>> {
    const { repo, clock, audit, vault } = this.ctx;
    const now = clock.now();
    // The limits are checked and the send recorded in one short transaction that holds the operator's
    // row (PostgreSQL), so two terminals asking at once cannot both pass; the text itself goes after.
    const refused = await repo.transaction(async () => {
      await repo.lockSmsSends(operatorId);
      const sends = await repo.smsSendsSince(operatorId, now - SMS_WINDOW_MS);
      const last = sends[sends.length - 1];
      if (last !== undefined && now - last < SMS_RESEND_AFTER_MS) {
        return fail('AUTH_THROTTLED', text('coreAccess.sms.justSent'), { retryAt: last + SMS_RESEND_AFTER_MS });
      }
      if (sends.length >= SMS_MAX_IN_WINDOW) {
        return fail('AUTH_THROTTLED', text('coreAccess.sms.tooMany'), { retryAt: sends[0]! + SMS_WINDOW_MS });
      }
      await repo.recordSmsSend(operatorId, now);
      return null;
    });
    if (refused) return refused;
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const id = crypto.randomUUID();
    // The text goes out in the operator's own language, else the institution's.
    const language = (await this.ctx.operators.byId(operatorId))?.language ?? this.ctx.settings.get('language');
    const sent = await this.ctx.sms().send({ to, body: translate(language, SMS_BODY[purpose], { code }) });
    if (!sent.ok) {
      await audit.append({ kind: 'mfa.sms-failed', actorId: operatorId, detail: { purpose, to: hint } });
      return fail('SMS_UNAVAILABLE', sent.text ?? sent.message);
    }
    await repo.transaction(async () => {
      await repo.createSmsChallenge({ id, operatorId, purpose, codeHash: vault.keyedHash('sms', `${id}:${code}`), expiresAt: now + SMS_CODE_TTL_MS }, now);
      await audit.append({ kind: 'mfa.sms-sent', actorId: operatorId, detail: { purpose, to: hint } });
    });
    return ok({ sentTo: hint, resendAt: now + SMS_RESEND_AFTER_MS, expiresAt: now + SMS_CODE_TTL_MS });
  }

  /**
   * True once for the right code of the latest live challenge; the challenge is used up then by a
   * compare-and-set (`used_at IS NULL`), so of two terminals given the same code only one passes.
   */
  async check(operatorId: number, purpose: Purpose, code: string): Promise<boolean> {
    const { repo, clock, vault } = this.ctx;
    if (!/^\d{6}$/.test(code)) return false;
    const challenge = await repo.latestSmsChallenge(operatorId, purpose);
    const now = clock.now();
    if (!challenge || challenge.usedAt !== null || challenge.expiresAt <= now) return false;
    const given = Buffer.from(vault.keyedHash('sms', `${challenge.id}:${code}`));
    const expected = Buffer.from(challenge.codeHash);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected) && (await repo.useSmsChallenge(challenge.id, now));
  }
}
