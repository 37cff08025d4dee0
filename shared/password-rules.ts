/**
 * The password rules both sides can check. The screen uses them for live feedback;
 * core checks them again (plus the common-password list, which stays in core).
 * Each rule and each failure carries its catalogue text (`text`), for the reader's language.
 */
import { text, translateText, type LocalText } from './i18n/translator';

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
  /** The rule in English; a screen shows `text` in its own language (`t(rule.text.key, rule.text.values)`). */
  label: string;
  text: LocalText;
}

/** Count code points, not UTF-16 units, so an emoji counts as one character. */
export const passwordLength = (password: string): number => [...password].length;

export function checkPasswordRules(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): PasswordRuleResult[] {
  const length = passwordLength(password);
  const rules: PasswordRuleResult[] = [
    result('minLength', length >= policy.minLength, text('coreAccess.passwordRules.minLength', { min: policy.minLength })),
    result('maxLength', length <= PASSWORD_MAX_LENGTH, text('coreAccess.passwordRules.maxLength', { max: PASSWORD_MAX_LENGTH })),
  ];
  if (policy.requireNumberAndSymbol) {
    rules.push(result('number', /\p{Nd}/u.test(password), text('coreAccess.passwordRules.number')));
    rules.push(result('symbol', /[^\p{L}\p{Nd}\s]/u.test(password), text('coreAccess.passwordRules.symbol')));
  }
  return rules;
}

const result = (rule: PasswordRuleResult['rule'], passed: boolean, label: LocalText): PasswordRuleResult => ({ rule, passed, label: translateText('en', label), text: label });

/** The first rule that fails, worded as an instruction (its catalogue text), or null. */
export function firstPasswordRuleFailureText(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): LocalText | null {
  const failed = checkPasswordRules(password, policy).find((r) => !r.passed);
  if (!failed) return null;
  switch (failed.rule) {
    case 'minLength':
      return text('coreAccess.passwordRules.tooShort', { min: policy.minLength });
    case 'maxLength':
      return text('coreAccess.passwordRules.tooLong', { max: PASSWORD_MAX_LENGTH });
    case 'number':
      return text('coreAccess.passwordRules.addNumber');
    case 'symbol':
      return text('coreAccess.passwordRules.addSymbol');
  }
}

/** The same instruction in English (tests, logs); a screen shows `firstPasswordRuleFailureText` in its own language. */
export function firstPasswordRuleFailure(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  const failure = firstPasswordRuleFailureText(password, policy);
  return failure ? translateText('en', failure) : null;
}
