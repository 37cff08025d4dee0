/**
 * One code of an operator's own second factor, checked and used up as the sign-in step does
 * (second-factor-step.ts), for the checks outside sign-in: step-up and a supervisor's approval. Call
 * inside a transaction: each "use once" is one compare-and-set in the store, so a code wins at one
 * terminal only, and a code used here never passes again anywhere (nor one used at sign-in here).
 */
import type { ApprovalMethod } from '../../../shared/contract/sensitive';
import type { SmsPurpose } from '../store/mfa-repo';
import { totpContext, type MfaContext } from './context';
import { normalizeRecoveryCode } from './recovery-codes';
import type { SmsCodes } from './sms-codes';
import { matchTotp } from './totp';

export async function useOwnCode(ctx: MfaContext, sms: SmsCodes, operatorId: number, method: ApprovalMethod, code: string, smsPurpose: SmsPurpose): Promise<boolean> {
  const { repo, vault, clock } = ctx;
  const given = code.replace(/\s/g, '');
  switch (method) {
    case 'totp': {
      const totp = await repo.totp(operatorId);
      if (!totp?.confirmedAt) return false;
      const step = matchTotp(vault.decrypt(totp.seedSealed, totpContext(operatorId)).toString(), given, clock.now());
      // The stored step's compare-and-set: a code already used (here or at sign-in) is refused.
      const accepted = step !== null && (await repo.acceptStep(operatorId, step, null));
      if (accepted) await ctx.clockDrift.recordTotp(step);
      return accepted;
    }
    case 'sms':
      // A code texted for another purpose (sign-in, approval) never passes here: the challenge is looked up by purpose.
      return (await repo.phone(operatorId))?.confirmedAt ? sms.check(operatorId, smsPurpose, given) : false;
    case 'recovery': {
      const normalized = normalizeRecoveryCode(given);
      return normalized !== null && (await repo.useRecoveryCode(operatorId, vault.keyedHash('recovery', normalized), clock.now()));
    }
  }
}
