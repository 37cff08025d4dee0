/**
 * Recovery codes: 10 single-use codes of about 79 bits each, shown once as xxxx-xxxx-xxxx-xxxx in an
 * alphabet without look-alikes; only their keyed hashes are stored.
 */
import crypto from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_WARNING_AT = 3;
// 31 symbols without the look-alikes 0/O, 1/I/L: 16 symbols carry 16 × log2(31) ≈ 79 bits.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SYMBOLS = 16;

export function newRecoveryCode(): string {
  let code = '';
  while (code.length < SYMBOLS) {
    const byte = crypto.randomBytes(1)[0]!;
    // Rejection sampling keeps every symbol equally likely.
    if (byte < 256 - (256 % ALPHABET.length)) code += ALPHABET[byte % ALPHABET.length];
  }
  return code.match(/.{4}/g)!.join('-');
}

/** What the operator typed, reduced to the stored form: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (typed: string): string | null => {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== SYMBOLS || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return compact.match(/.{4}/g)!.join('-');
};

export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
