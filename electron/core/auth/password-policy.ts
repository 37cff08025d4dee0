/** The full policy check: the shared rules plus the common-password list, which stays in core. */
import { checkPasswordRules, firstPasswordRuleFailureText, type PasswordPolicy } from '../../../shared/password-rules';
import { fail, type AppError } from '../../../shared/result';
import { text } from '../../../shared/i18n/translator';
import { isCommonPassword } from './common-passwords';

export function passwordPolicyError(password: string, policy: PasswordPolicy, field = 'password'): AppError | null {
  const failure = firstPasswordRuleFailureText(password, policy);
  if (failure) return fail('PASSWORD_POLICY', failure, { field }).error;
  if (isCommonPassword(password)) {
    return fail('PASSWORD_POLICY', text('coreAccess.password.common'), { field }).error;
  }
  return null;
}

export const passwordReport = (password: string, policy: PasswordPolicy) => ({
  rules: checkPasswordRules(password, policy),
  common: isCommonPassword(password),
});
