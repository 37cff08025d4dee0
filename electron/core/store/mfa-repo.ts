/** SQL for second factors: authenticator, phone, SMS challenges, recovery codes, failure counters. */
import { countFailure } from './failure-counter';
import type { Sql } from './sql';

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

/** What a texted code is for (migration 012): a code passes only for the purpose it was sent for. */
export type SmsPurpose = 'sign-in' | 'enroll' | 'step-up' | 'approve';

export interface SmsChallenge {
  id: string;
  operatorId: number;
  purpose: SmsPurpose;
  codeHash: string;
  expiresAt: number;
  usedAt: number | null;
}

export class MfaRepo {
  constructor(private readonly sql: Sql) {}

  async totp(operatorId: number): Promise<TotpRecord | undefined> {
    const row = await this.sql.get<{ seed_sealed: string; confirmed_at: number | null; last_step: number }>('SELECT seed_sealed, confirmed_at, last_step FROM mfa_totp WHERE operator_id = ?', [operatorId]);
    return row && { seedSealed: row.seed_sealed, confirmedAt: row.confirmed_at, lastStep: row.last_step };
  }

  /** A new, unconfirmed seed; replaces an unconfirmed one, and a confirmed one only when the operator re-enrolls. */
  async saveTotp(operatorId: number, seedSealed: string, now: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO mfa_totp (operator_id, seed_sealed, confirmed_at, last_step, created_at) VALUES (?, ?, NULL, -1, ?)
       ON CONFLICT (operator_id) DO UPDATE SET seed_sealed = excluded.seed_sealed, confirmed_at = NULL, last_step = -1, created_at = excluded.created_at`,
      [operatorId, seedSealed, now],
    );
  }

  /**
   * Compare-and-set of the last accepted time step: true only for the first caller with a newer
   * step, so the same code cannot be used twice, even by two terminals at once (on PostgreSQL the
   * second UPDATE waits for the first's row lock, then re-checks `last_step < ?` and writes nothing).
   */
  async acceptStep(operatorId: number, step: number, confirmAt: number | null): Promise<boolean> {
    const { changes } = await this.sql.run('UPDATE mfa_totp SET last_step = ?, confirmed_at = COALESCE(confirmed_at, ?) WHERE operator_id = ? AND last_step < ?', [
      step,
      confirmAt,
      operatorId,
      step,
    ]);
    return changes === 1;
  }

  async phone(operatorId: number): Promise<PhoneRecord | undefined> {
    const row = await this.sql.get<{ phone_sealed: string; phone_hint: string; confirmed_at: number | null }>('SELECT phone_sealed, phone_hint, confirmed_at FROM mfa_phone WHERE operator_id = ?', [operatorId]);
    return row && { phoneSealed: row.phone_sealed, hint: row.phone_hint, confirmedAt: row.confirmed_at };
  }

  async savePhone(operatorId: number, phoneSealed: string, hint: string, now: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO mfa_phone (operator_id, phone_sealed, phone_hint, confirmed_at, created_at) VALUES (?, ?, ?, NULL, ?)
       ON CONFLICT (operator_id) DO UPDATE SET phone_sealed = excluded.phone_sealed, phone_hint = excluded.phone_hint, confirmed_at = NULL, created_at = excluded.created_at`,
      [operatorId, phoneSealed, hint, now],
    );
  }

  async confirmPhone(operatorId: number, now: number): Promise<void> {
    await this.sql.run('UPDATE mfa_phone SET confirmed_at = ? WHERE operator_id = ?', [now, operatorId]);
  }

  /** In one transaction (the caller's, when one is open). */
  async createSmsChallenge(challenge: Omit<SmsChallenge, 'usedAt'>, now: number): Promise<void> {
    await this.sql.transaction(async () => {
      // A new code supersedes earlier unused ones of the same purpose: only the latest text counts.
      await this.sql.run('UPDATE mfa_sms_challenges SET used_at = ? WHERE operator_id = ? AND purpose = ? AND used_at IS NULL', [now, challenge.operatorId, challenge.purpose]);
      await this.sql.run('INSERT INTO mfa_sms_challenges (id, operator_id, purpose, code_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        challenge.id,
        challenge.operatorId,
        challenge.purpose,
        challenge.codeHash,
        challenge.expiresAt,
        now,
      ]);
    });
  }

  /** The newest challenge; of two created in the same millisecond, the one still unused (the other was superseded). */
  async latestSmsChallenge(operatorId: number, purpose: SmsChallenge['purpose']): Promise<SmsChallenge | undefined> {
    const row = await this.sql.get<{ id: string; operator_id: number; purpose: SmsChallenge['purpose']; code_hash: string; expires_at: number; used_at: number | null }>(
      'SELECT * FROM mfa_sms_challenges WHERE operator_id = ? AND purpose = ? ORDER BY created_at DESC, CASE WHEN used_at IS NULL THEN 0 ELSE 1 END, used_at DESC LIMIT 1',
      [operatorId, purpose],
    );
    return row && { id: row.id, operatorId: row.operator_id, purpose: row.purpose, codeHash: row.code_hash, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  /** Single use: true only for the first caller (a compare-and-set on `used_at IS NULL`). */
  async useSmsChallenge(id: string, now: number): Promise<boolean> {
    return (await this.sql.run('UPDATE mfa_sms_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?', [now, id, now])).changes === 1;
  }

  /**
   * Call first inside the transaction that checks the send limits and records a send: on PostgreSQL it
   * locks the operator's row, so two terminals asking for a text at once take turns and the second sees
   * the first's send (SQLite's write transactions run one at a time already).
   */
  async lockSmsSends(operatorId: number): Promise<void> {
    if (this.sql.kind === 'postgres') await this.sql.get('SELECT id FROM operators WHERE id = ? FOR UPDATE', [operatorId]);
  }

  async recordSmsSend(operatorId: number, now: number): Promise<void> {
    await this.sql.run('INSERT INTO mfa_sms_sends (operator_id, at) VALUES (?, ?)', [operatorId, now]);
  }

  async smsSendsSince(operatorId: number, since: number): Promise<number[]> {
    return (await this.sql.all<{ at: number }>('SELECT at FROM mfa_sms_sends WHERE operator_id = ? AND at > ? ORDER BY at', [operatorId, since])).map((r) => r.at);
  }

  /** In one transaction (the caller's, when one is open). */
  async replaceRecoveryCodes(operatorId: number, hashes: string[], now: number): Promise<void> {
    await this.sql.transaction(async () => {
      await this.sql.run('DELETE FROM mfa_recovery_codes WHERE operator_id = ?', [operatorId]);
      for (const hash of hashes) await this.sql.run('INSERT INTO mfa_recovery_codes (operator_id, code_hash, created_at) VALUES (?, ?, ?)', [operatorId, hash, now]);
    });
  }

  /** Single use: marks the code used and returns true only if it was unused (a compare-and-set). */
  async useRecoveryCode(operatorId: number, hash: string, now: number): Promise<boolean> {
    return (await this.sql.run('UPDATE mfa_recovery_codes SET used_at = ? WHERE operator_id = ? AND code_hash = ? AND used_at IS NULL', [now, operatorId, hash])).changes === 1;
  }

  async recoveryCodesLeft(operatorId: number): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM mfa_recovery_codes WHERE operator_id = ? AND used_at IS NULL', [operatorId]))!.n;
  }

  async failures(operatorId: number): Promise<{ failures: number; lockedUntil: number }> {
    const row = await this.sql.get<{ failures: number; locked_until: number }>('SELECT failures, locked_until FROM mfa_failures WHERE operator_id = ?', [operatorId]);
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: 0 };
  }

  /** One more wrong code, counted at every terminal alike (store/failure-counter.ts). */
  async recordFailure(operatorId: number, now: number, lockFor: (failures: number) => number): Promise<{ failures: number; lockedUntil: number }> {
    return this.sql.transaction(() => countFailure(this.sql, { table: 'mfa_failures', key: 'operator_id' }, operatorId, now, lockFor));
  }

  async clearFailures(operatorId: number): Promise<void> {
    await this.sql.run('DELETE FROM mfa_failures WHERE operator_id = ?', [operatorId]);
  }

  /** Lost phone, new number: every factor goes (trusted devices too, in DevicesRepo, same transaction by the caller). */
  async removeAll(operatorId: number): Promise<void> {
    await this.sql.transaction(async () => {
      for (const table of ['mfa_totp', 'mfa_phone', 'mfa_sms_challenges', 'mfa_sms_sends', 'mfa_recovery_codes', 'mfa_failures']) {
        await this.sql.run(`DELETE FROM ${table} WHERE operator_id = ?`, [operatorId]);
      }
    });
  }

  async setRequired(operatorId: number, required: boolean): Promise<void> {
    await this.sql.run('UPDATE operators SET mfa_required = ? WHERE id = ?', [required ? 1 : 0, operatorId]);
  }

  async isRequired(operatorId: number): Promise<boolean> {
    const row = await this.sql.get<{ mfa_required: number }>('SELECT mfa_required FROM operators WHERE id = ?', [operatorId]);
    return row?.mfa_required === 1;
  }

  /** The store's unit of work for the two-factor services (a call inside another transaction joins it). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }
}
