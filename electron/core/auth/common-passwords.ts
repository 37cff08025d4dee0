/**
 * The 10,000 most common passwords, from zxcvbn-ts's frequency-ranked list (the same data the
 * zxcvbn strength estimator uses). Loaded once, on first use.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const COMMON_PASSWORD_COUNT = 10_000;

let common: Set<string> | undefined;

const list = (): Set<string> => (common ??= new Set((dictionary['passwords-common'] as string[]).slice(0, COMMON_PASSWORD_COUNT)));

/** Letters at the core of a password once leading and trailing digits and symbols are taken off. */
const core = (password: string): string => password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/**
 * True for a listed password, and for a listed word dressed up with digits and symbols at its
 * ends ("Password123!"), which the number-and-symbol rule otherwise invites.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (list().has(lower)) return true;
  const word = core(lower);
  return word.length >= 4 && word !== lower && list().has(word);
}
