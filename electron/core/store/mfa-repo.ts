/** SQL for second factors: authenticator, phone, SMS challenges, recovery codes, failure counters. */
import type { Db } from './database';

export interface TotpRecord {
  seedSealed: string;
  confirmedAt: number | null;
  lastStep: number;
}

export interface PhoneRecord {
  phoneSealed: string;
  hint: string;
  confirmedAt: number | null;
}

export interface SmsChallenge {
  id: string;
  operatorId: number;
  purpose: 'sign-in' | 'enroll';
  codeHash: string;
  expiresAt: number;
  usedAt: number | null;
}

export class MfaRepo {
  constructor(private readonly db: Db) {}

  totp(operatorId: number): TotpRecord | undefined {
    const row = this.db.prepare('SELECT seed_sealed, confirmed_at, last_step FROM mfa_totp WHERE operator_id = ?').get(operatorId) as
      | { seed_sealed: string; confirmed_at: number | null; last_step: number }
      | undefined;
    return row && { seedSealed: row.seed_sealed, confirmedAt: row.confirmed_at, lastStep: row.last_step };
  }

  /** A new, unconfirmed seed; replaces an unconfirmed one, and a confirmed one only when the operator re-enrolls. */
  saveTotp(operatorId: number, seedSealed: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO mfa_totp (operator_id, seed_sealed, confirmed_at, last_step, created_at) VALUES (?, ?, NULL, -1, ?)
         ON CONFLICT(operator_id) DO UPDATE SET seed_sealed = excluded.seed_sealed, confirmed_at = NULL, last_step = -1, created_at = excluded.created_at`,
      )
      .run(operatorId, seedSealed, now);
  }

  /**
   * Compare-and-set of the last accepted time step: true only for the first caller with a newer
   * step, so the same code cannot be used twice, even by two terminals at once.
   */
  acceptStep(operatorId: number, step: number, confirmAt: number | null): boolean {
    const { changes } = this.db
      .prepare('UPDATE mfa_totp SET last_step = ?, confirmed_at = COALESCE(confirmed_at, ?) WHERE operator_id = ? AND last_step < ?')
      .run(step, confirmAt, operatorId, step);
    return changes === 1;
  }

  phone(operatorId: number): PhoneRecord | undefined {
    const row = this.db.prepare('SELECT phone_sealed, phone_hint, confirmed_at FROM mfa_phone WHERE operator_id = ?').get(operatorId) as
      | { phone_sealed: string; phone_hint: string; confirmed_at: number | null }
      | undefined;
    return row && { phoneSealed: row.phone_sealed, hint: row.phone_hint, confirmedAt: row.confirmed_at };
  }

  savePhone(operatorId: number, phoneSealed: string, hint: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO mfa_phone (operator_id, phone_sealed, phone_hint, confirmed_at, created_at) VALUES (?, ?, ?, NULL, ?)
         ON CONFLICT(operator_id) DO UPDATE SET phone_sealed = excluded.phone_sealed, phone_hint = excluded.phone_hint, confirmed_at = NULL, created_at = excluded.created_at`,
      )
      .run(operatorId, phoneSealed, hint, now);
  }

  confirmPhone(operatorId: number, now: number): void {
    this.db.prepare('UPDATE mfa_phone SET confirmed_at = ? WHERE operator_id = ?').run(now, operatorId);
  }

  createSmsChallenge(challenge: Omit<SmsChallenge, 'usedAt'>, now: number): void {
    this.db.transaction(() => {
      // A new code supersedes earlier unused ones of the same purpose: only the latest text counts.
      this.db.prepare('UPDATE mfa_sms_challenges SET used_at = ? WHERE operator_id = ? AND purpose = ? AND used_at IS NULL').run(now, challenge.operatorId, challenge.purpose);
      this.db
        .prepare('INSERT INTO mfa_sms_challenges (id, operator_id, purpose, code_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(challenge.id, challenge.operatorId, challenge.purpose, challenge.codeHash, challenge.expiresAt, now);
    })();
  }

  latestSmsChallenge(operatorId: number, purpose: SmsChallenge['purpose']): SmsChallenge | undefined {
    const row = this.db
      .prepare('SELECT * FROM mfa_sms_challenges WHERE operator_id = ? AND purpose = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(operatorId, purpose) as { id: string; operator_id: number; purpose: SmsChallenge['purpose']; code_hash: string; expires_at: number; used_at: number | null } | undefined;
    return row && { id: row.id, operatorId: row.operator_id, purpose: row.purpose, codeHash: row.code_hash, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  /** Single use: true only for the first caller. */
  useSmsChallenge(id: string, now: number): boolean {
    return this.db.prepare('UPDATE mfa_sms_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?').run(now, id, now).changes === 1;
  }

  recordSmsSend(operatorId: number, now: number): void {
    this.db.prepare('INSERT INTO mfa_sms_sends (operator_id, at) VALUES (?, ?)').run(operatorId, now);
  }

  smsSendsSince(operatorId: number, since: number): number[] {
    return (this.db.prepare('SELECT at FROM mfa_sms_sends WHERE operator_id = ? AND at > ? ORDER BY at').all(operatorId, since) as { at: number }[]).map((r) => r.at);
  }

  replaceRecoveryCodes(operatorId: number, hashes: string[], now: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM mfa_recovery_codes WHERE operator_id = ?').run(operatorId);
      const insert = this.db.prepare('INSERT INTO mfa_recovery_codes (operator_id, code_hash, created_at) VALUES (?, ?, ?)');
      for (const hash of hashes) insert.run(operatorId, hash, now);
    })();
  }

  /** Single use: marks the code used and returns true only if it was unused. */
  useRecoveryCode(operatorId: number, hash: string, now: number): boolean {
    return this.db.prepare('UPDATE mfa_recovery_codes SET used_at = ? WHERE operator_id = ? AND code_hash = ? AND used_at IS NULL').run(now, operatorId, hash).changes === 1;
  }

  recoveryCodesLeft(operatorId: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM mfa_recovery_codes WHERE operator_id = ? AND used_at IS NULL').get(operatorId) as { n: number }).n;
  }

  failures(operatorId: number): { failures: number; lockedUntil: number } {
    const row = this.db.prepare('SELECT failures, locked_until FROM mfa_failures WHERE operator_id = ?').get(operatorId) as { failures: number; locked_until: number } | undefined;
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: 0 };
  }

  recordFailure(operatorId: number, now: number, lockFor: (failures: number) => number): { failures: number; lockedUntil: number } {
    return this.db.transaction(() => {
      const failures = this.failures(operatorId).failures + 1;
      const lockedUntil = now + lockFor(failures);
      this.db
        .prepare(
          `INSERT INTO mfa_failures (operator_id, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(operator_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
        )
        .run(operatorId, failures, lockedUntil, now);
      return { failures, lockedUntil };
    }).immediate();
  }

  clearFailures(operatorId: number): void {
    this.db.prepare('DELETE FROM mfa_failures WHERE operator_id = ?').run(operatorId);
  }

  /** Lost phone, new number: every factor goes (trusted devices too, in DevicesRepo, same transaction by the caller). */
  removeAll(operatorId: number): void {
    for (const table of ['mfa_totp', 'mfa_phone', 'mfa_sms_challenges', 'mfa_sms_sends', 'mfa_recovery_codes', 'mfa_failures']) {
      this.db.prepare(`DELETE FROM ${table} WHERE operator_id = ?`).run(operatorId);
    }
  }

  setRequired(operatorId: number, required: boolean): void {
    this.db.prepare('UPDATE operators SET mfa_required = ? WHERE id = ?').run(required ? 1 : 0, operatorId);
  }

  isRequired(operatorId: number): boolean {
    const row = this.db.prepare('SELECT mfa_required FROM operators WHERE id = ?').get(operatorId) as { mfa_required: number } | undefined;
    return row?.mfa_required === 1;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
