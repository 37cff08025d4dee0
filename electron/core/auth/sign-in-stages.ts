/**
 * The steps of a sign-in after the right password, always in this order:
 * second factor (when enrolled) → own password (after a one-time one) → enrollment (when required) → in.
 * The code comes first so a leaked one-time password alone cannot take the account over, and a
 * remembered device never skips it after a one-time password.
 */
import type { Factors } from '../mfa/factors';
import type { OperatorRecord } from '../store/operators-repo';
import type { SessionStage } from './sessions';

export async function stageAfterPassword(operator: OperatorRecord, factors: Factors, deviceHonoured: () => Promise<boolean>): Promise<SessionStage> {
  const next = await factors.stageAfterPassword(operator);
  if (next !== 'challenge') return operator.mustChangePassword ? 'passwordChange' : next;
  // A one-time password was seen by whoever handed it over: its sign-in always asks the code.
  if (operator.mustChangePassword) return 'challenge';
  // A device remembered on this machine skips the code, never the password.
  return (await deviceHonoured()) ? stageAfterSecondFactor(operator) : 'challenge';
}

export const stageAfterSecondFactor = (operator: OperatorRecord): SessionStage => (operator.mustChangePassword ? 'passwordChange' : 'active');

/** After the new password: someone who already passed a code is in; a required operator without a factor enrolls. */
export const stageAfterNewPassword = async (operator: OperatorRecord, factors: Factors): Promise<SessionStage> =>
  (await factors.stageAfterPassword(operator)) === 'enrollment' ? 'enrollment' : 'active';

/**
 * A required enrollment may wait while the admin's grace lasts (`useGrace`: one sign-in of it, decided in
 * the store), but only after her own password: a one-time password's sign-in always enrolls, and uses none.
 */
export const stageWithGrace = async (operator: OperatorRecord, stage: SessionStage, useGrace: () => Promise<boolean>): Promise<SessionStage> =>
  stage === 'enrollment' && !operator.mustChangePassword && (await useGrace()) ? 'active' : stage;
