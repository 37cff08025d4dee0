/** Steps that two-factor tests repeat: create an operator as the first admin, sign in, enroll. */
import { expect } from 'vitest';
import { totpCode } from '../../electron/core/mfa/totp';
import type { Role } from '../../shared/roles';
import { STRONG_PASSWORD, type TestCore } from './core';

export const OPERATOR_PASSWORD = 'Counter&Tickets-77';
/** What an admin hands over; the operator replaces it at the first sign-in. */
export const ONE_TIME_PASSWORD = 'Handed&Over-2026';

/**
 * Creates an operator through the admin channel, as the first account (seat-1), and lets them
 * replace the one-time password with OPERATOR_PASSWORD, as at their first sign-in.
 */
export async function createOperator(t: TestCore, login: string, roles: Role[] = ['operator'], extra: { mfaRequired?: boolean } = {}) {
  const created = await t.must('operators.create', { login, displayName: login.toUpperCase(), roles, password: ONE_TIME_PASSWORD, ...extra });
  const seat = `first-sign-in-${login}`;
  const first = await t.must('auth.signIn', { login, password: ONE_TIME_PASSWORD }, seat);
  expect(first.state).toBe('passwordChange');
  await t.must('auth.setNewPassword', { password: OPERATOR_PASSWORD }, seat);
  await t.must('auth.signOut', {}, seat);
  return (await t.must('operators.list', {})).find((o) => o.id === created.id)!;
}

export const signIn = (t: TestCore, login: string, seat: string, password = OPERATOR_PASSWORD) => t.must('auth.signIn', { login, password }, seat);

/** The key as shown on screen ("ABCD EFGH …") back to the seed. */
export const seedOf = (manualKey: string) => manualKey.replace(/\s/g, '');

export const codeNow = (t: TestCore, seed: string, offsetMs = 0) => totpCode(seed, t.clock.now() + offsetMs);

/** Enrolls an authenticator for the session on `seat` and returns its seed and recovery codes. */
export async function enrollTotp(t: TestCore, seat: string) {
  const started = await t.must('mfa.startTotp', {}, seat);
  const seed = seedOf(started.manualKey);
  const done = await t.must('mfa.confirmTotp', { code: codeNow(t, seed) }, seat);
  expect(done.session.state).toBe('active');
  // Later codes must come from a later time step: the enrollment code's step is used up.
  t.clock.advance(30_000);
  return { seed, recoveryCodes: done.recoveryCodes ?? [] };
}

/**
 * Every row of every table as text, on either engine: to check that no password, code, seed or token
 * reached the store in clear.
 */
export async function storeText(t: TestCore): Promise<string> {
  const { sql } = t.core.internals;
  const tables =
    sql.kind === 'postgres'
      ? await sql.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
      : await sql.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
  const parts: string[] = [];
  for (const { name } of tables) parts.push(`${name}: ${JSON.stringify(await sql.all(`SELECT * FROM "${name.replace(/"/g, '""')}"`))}`);
  return parts.join('\n');
}

export const switchFeatureOn = (t: TestCore) => t.must('mfa.setFeature', { enabled: true });

export { STRONG_PASSWORD };
