/** The full policy check: the shared rules plus the common-password list, which stays in core. */
import { checkPasswordRules, firstPasswordRuleFailure, type PasswordPolicy } from '../../../shared/password-rules';
import { fail, type AppError } from '../../../shared/result';
import { isCommonPassword } from './common-passwords';

export function passwordPolicyError(password: string, policy: PasswordPolicy, field = 'password'): AppError | null {
  const failure = firstPasswordRuleFailure(password, policy);
  if (failure) return fail('PASSWORD_POLICY', failure, { field }).error;
  if (isCommonPassword(password)) {
    return fail('PASSWORD_POLICY', 'This password is among the most common passwords (or one of them with numbers or symbols added); choose one that is harder to guess.', { field }).error;
  }
  return null;
}

export const passwordReport = (password: string, policy: PasswordPolicy) => ({
  rules: checkPasswordRules(password, policy),
  common: isCommonPassword(password),
});
