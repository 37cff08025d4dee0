import { describe, expect, it } from 'vitest';
import { passwordPolicyError } from '../../../../electron/core/auth/password-policy';
import { isCommonPassword } from '../../../../electron/core/auth/common-passwords';
import { checkPasswordRules, DEFAULT_PASSWORD_POLICY } from '../../../../shared/password-rules';

const check = (pw: string) => passwordPolicyError(pw, DEFAULT_PASSWORD_POLICY)?.message ?? null;

describe('password policy', () => {
  it('accepts 12 characters with a number and a symbol', () => {
    expect(check('Tickets&Seats-2026')).toBeNull();
    expect(check('abcdefghij1!')).toBeNull();
  });

  it('says which rule failed', () => {
    expect(check('Short1!')).toMatch(/too short.*12/);
    expect(check('abcdefghijklmn!')).toMatch(/number/);
    expect(check('abcdefghijklmn1')).toMatch(/symbol/);
    expect(check('x1!' + 'a'.repeat(254))).toMatch(/too long.*256/);
  });

  it('counts characters, not bytes: 12 accented letters and emoji are enough', () => {
    expect(check('ééééééééé1!🎟')).toBeNull();
    expect(check('éééééééé1!🎟')).toMatch(/too short/);
  });

  it('refuses the 10,000 most common passwords and dressed-up common words', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('QWERTY')).toBe(true);
    expect(check('Password123!')).toMatch(/most common/);
    expect(check('!!baseball2024##')).toMatch(/most common/);
    expect(isCommonPassword('Tickets&Seats-2026')).toBe(false);
  });

  it('follows an institution policy: longer minimum, rule switched off', () => {
    const policy = { minLength: 20, requireNumberAndSymbol: false };
    expect(passwordPolicyError('Tickets&Seats-2026', policy)?.message).toMatch(/20/);
    expect(passwordPolicyError('correct horse battery staple', policy)).toBeNull();
    expect(checkPasswordRules('x', policy).map((r) => r.rule)).toEqual(['minLength', 'maxLength']);
  });
});
