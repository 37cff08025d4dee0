import { checkPasswordRules, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../../shared/password-rules';

/**
 * Characters that can be read out and written down without doubt: no 0/O/o, 1/l/I/i, and in lower case none of the
 * letters that look like their capital (c k p s u v w x z); symbols with a short spoken name.
 */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abdefghjmnqrty';
const DIGITS = '23456789';
const SYMBOLS = '!#%+=?@*';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** A uniform integer in [0, n), from the browser's cryptographic generator (rejection sampling: no modulo bias). */
function randomBelow(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0]! < limit) return word[0]! % n;
  }
}

const pick = (alphabet: string): string => alphabet[randomBelow(alphabet.length)]!;

/**
 * A one-time password an administrator can read out to an operator: at least 16 characters (more if the policy asks),
 * with upper and lower case letters, digits and a symbol, so it passes the institution's password rules.
 */
export function generateOneTimePassword(policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string {
  const length = Math.min(64, Math.max(16, policy.minLength));
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < length) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomBelow(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (checkPasswordRules(password, policy).every((r) => r.passed)) return password;
  }
}

/** The password cut into groups of four characters, for reading it out. */
export const groupsOfFour = (password: string): string[] => [...password].reduce<string[]>((groups, char, i) => {
  if (i % 4 === 0) groups.push(char);
  else groups[groups.length - 1] += char;
  return groups;
}, []);
