import { describe, expect, it } from 'vitest';
import { groupSeed, matchTotp, newTotpSeed, totpCode, totpUri } from '../../../../electron/core/mfa/totp';

// RFC 6238 Appendix B, SHA-1: the seed is the ASCII string "12345678901234567890".
const RFC_SEED = new TextEncoder().encode('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 Appendix B SHA-1 vectors', () => {
    for (const [seconds, expected] of VECTORS) {
      expect(totpCode(RFC_SEED, seconds * 1000, 8)).toBe(expected);
      // The 6-digit code is the same truncation modulo 10^6: the vector's last six digits.
      expect(totpCode(RFC_SEED, seconds * 1000, 6)).toBe(expected.slice(-6));
    }
  });

  it('makes 160-bit base32 seeds and writes them in groups of four', () => {
    const seed = newTotpSeed();
    expect(seed).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSeed()).not.toBe(seed);
    expect(groupSeed('ABCDEFGHIJKLMNOP')).toBe('ABCD EFGH IJKL MNOP');
  });

  it('names the institution as issuer and the login as account in the otpauth URI', () => {
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXP', 'Grand Théâtre', 'anna'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Grand Théâtre:anna');
    expect(uri.searchParams.get('issuer')).toBe('Grand Théâtre');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('accepts one step of drift either side: 30 s late yes, 61 s late no, 30 s early yes', () => {
    const seed = newTotpSeed();
    const start = Date.UTC(2026, 10, 22, 12, 0, 0); // the start of a 30 s step
    const code = totpCode(seed, start);
    const step = Math.floor(start / 30_000);
    expect(matchTotp(seed, code, start)).toBe(step);
    expect(matchTotp(seed, code, start + 30_000)).toBe(step);
    expect(matchTotp(seed, code, start + 59_999)).toBe(step);
    expect(matchTotp(seed, code, start + 61_000)).toBeNull();
    expect(matchTotp(seed, code, start - 30_000)).toBe(step);
    expect(matchTotp(seed, code, start - 31_000)).toBeNull();
  });

  it('refuses anything that is not six digits', () => {
    const seed = newTotpSeed();
    const now = Date.now();
    const code = totpCode(seed, now);
    for (const bad of ['', '12345', '1234567', 'abcdef', ` ${code}`, `${code}0`]) expect(matchTotp(seed, bad, now)).toBeNull();
  });
});
