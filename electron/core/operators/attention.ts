/**
 * Who an admin should look at in Admin → Operators: an operator running low on recovery codes (the way
 * back in when the phone is lost), or one who must use two-step verification and has no second factor.
 */
import type { OperatorAttention, SecondFactorMethods } from '../../../shared/mfa-views';
import type { Factors } from '../mfa/factors';
import { RECOVERY_WARNING_AT } from '../mfa/recovery-codes';
import type { OperatorRecord } from '../store/operators-repo';

export async function attentionFor(operator: OperatorRecord, methods: SecondFactorMethods, factors: Factors): Promise<OperatorAttention[]> {
  // A disabled account signs nobody in: nothing about it needs doing until it is enabled again.
  if (operator.disabled) return [];
  // Recovery codes count only beside a factor: without one they are never asked for.
  if (methods.totp || methods.sms) return methods.recoveryCodesLeft <= RECOVERY_WARNING_AT ? ['fewRecoveryCodes'] : [];
  // The same rule as at sign-in: the institution's feature on, required for her, and not a gate-only account.
  return (await factors.required(operator)) ? ['noSecondFactor'] : [];
}
