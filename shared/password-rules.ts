/**
 * The password rules both sides can check. The screen uses them for live feedback;
 * core checks them again (plus the common-password list, which stays in core).
 */

export interface PasswordPolicy {
  minLength: number; // 12..64, institution setting
  requireNumberAndSymbol: boolean;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, requireNumberAndSymbol: true };

/** Upper bound; longer input is refused, never truncated. */
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordRuleResult {
  rule: 'minLength' | 'maxLength' | 'number' | 'symbol';
  passed: boolean;
  label: string;
}

/** Count code points, not UTF-16 units, so an emoji counts as one character. */
export const passwordLength = (password: string): number => [...password].length;

export function checkPasswordRules(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): PasswordRuleResult[] {
  const length = passwordLength(password);
  const rules: PasswordRuleResult[] = [
    { rule: 'minLength', passed: length >= policy.minLength, label: `At least ${policy.minLength} characters` },
    { rule: 'maxLength', passed: length <= PASSWORD_MAX_LENGTH, label: `At most ${PASSWORD_MAX_LENGTH} characters` },
  ];
  if (policy.requireNumberAndSymbol) {
    rules.push({ rule: 'number', passed: /\p{Nd}/u.test(password), label: 'At least one number' });
    rules.push({ rule: 'symbol', passed: /[^\p{L}\p{Nd}\s]/u.test(password), label: 'At least one symbol (such as ! ? # or %)' });
  }
  return rules;
}

/** The first rule that fails, worded as an instruction, or null. */
export function firstPasswordRuleFailure(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  const failed = checkPasswordRules(password, policy).find((r) => !r.passed);
  if (!failed) return null;
  switch (failed.rule) {
    case 'minLength':
      return `The password is too short: use at least ${policy.minLength} characters.`;
    case 'maxLength':
      return `The password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`;
    case 'number':
      return 'Add at least one number to the password.';
    case 'symbol':
      return 'Add at least one symbol (such as ! ? # or %) to the password.';
  }
}
