/**
 * The failure counters of sign-in (per login) and of second-factor codes (per operator): one more
 * failure is one upsert that adds to the stored value (never a read, then a write of read + 1), so two
 * terminals failing at once both count; on PostgreSQL its row lock makes the second wait for the first's
 * transaction. The lock is then written only while the row still holds this count, so a later failure's
 * longer lock is never shortened. Call inside a transaction.
 */
import type { Sql } from './sql';

export interface FailureState {
  failures: number;
  lockedUntil: number;
}

type Counter = { table: 'login_throttle'; key: 'login' } | { table: 'mfa_failures'; key: 'operator_id' };

export async function countFailure(sql: Sql, { table, key }: Counter, id: string | number, now: number, lockFor: (failures: number) => number): Promise<FailureState> {
  const counted = await sql.get<{ failures: number }>(
    `INSERT INTO ${table} (${key}, failures, locked_until, last_failure_at) VALUES (?, 1, 0, ?)
     ON CONFLICT (${key}) DO UPDATE SET failures = ${table}.failures + 1, last_failure_at = excluded.last_failure_at
     RETURNING failures`,
    [id, now],
  );
  const failures = counted!.failures;
  const lockedUntil = now + lockFor(failures);
  await sql.run(`UPDATE ${table} SET locked_until = ? WHERE ${key} = ? AND failures = ?`, [lockedUntil, id, failures]);
  return { failures, lockedUntil };
}
