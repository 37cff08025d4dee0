/**
 * TOTP (RFC 6238) through otplib: SHA-1, 6 digits, 30-second steps, one step of tolerance either side.
 * Replay protection (a step is accepted once) is the caller's compare-and-set on the stored step.
 */
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** ±30 s: the previous and the next step are accepted, for clocks a little apart. */
const TOLERANCE_S = TOTP_PERIOD_S;

/** A 160-bit random seed, base32 (what authenticator apps expect). */
export const newTotpSeed = (): string => generateSecret({ length: 20 });

export const totpUri = (seed: string, issuer: string, account: string): string => generateURI({ issuer, label: account, secret: seed, algorithm: 'sha1', digits: TOTP_DIGITS, period: TOTP_PERIOD_S });

/** The seed in groups of four, for typing into an app by hand. */
export const groupSeed = (seed: string): string => seed.match(/.{1,4}/g)!.join(' ');

/** The time step a valid code belongs to, or null. `nowMs` comes from the core's clock. */
export function matchTotp(seed: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({ secret: seed, token: code, epoch: Math.floor(nowMs / 1000), epochTolerance: TOLERANCE_S, algorithm: 'sha1', digits: TOTP_DIGITS, period: TOTP_PERIOD_S });
  // TOTP results carry the matched step (HOTP ones, in the same union type, do not).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** For tests and the enrollment screen's self-check: the current code of a seed. */
export const totpCode = (seed: string | Uint8Array, nowMs: number, digits: 6 | 8 = 6): string =>
  generateSync({ secret: seed, epoch: Math.floor(nowMs / 1000), algorithm: 'sha1', digits, period: TOTP_PERIOD_S });
