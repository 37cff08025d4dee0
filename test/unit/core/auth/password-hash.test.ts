import { describe, expect, it } from 'vitest';
import { hashPassword, parseHash, verifyPassword } from '../../../../electron/core/auth/password-hash';

describe('password hash', () => {
  it('uses scrypt N=2^17, r=8, p=1 with a random 16-byte salt, parameters stored beside the hash', async () => {
    const encoded = await hashPassword('Tickets&Seats-2026');
    expect(encoded).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    const { params, salt, key } = parseHash(encoded);
    expect(params).toEqual({ log2N: 17, r: 8, p: 1 });
    expect(salt).toHaveLength(16);
    expect(key).toHaveLength(32);
    expect(encoded).not.toContain('Tickets');
  });

  it('salts every hash and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('Tickets&Seats-2026'), hashPassword('Tickets&Seats-2026')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Tickets&Seats-2026', a)).toBe(true);
    expect(await verifyPassword('Tickets&Seats-2027', a)).toBe(false);
  });

  it('never truncates: passwords that differ only in their 200th character differ', async () => {
    const long = 'a1!'.repeat(66) + 'xy';
    const encoded = await hashPassword(long);
    expect(await verifyPassword(long.slice(0, -1) + 'z', encoded)).toBe(false);
    expect(await verifyPassword(long, encoded)).toBe(true);
  });

  it('verifies with the parameters stored in the hash, so old hashes keep working after a change', async () => {
    const cheap = await hashPassword('Tickets&Seats-2026', { log2N: 14, r: 8, p: 1 });
    expect(await verifyPassword('Tickets&Seats-2026', cheap)).toBe(true);
  });
});
