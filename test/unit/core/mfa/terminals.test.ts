/**
 * Issue 11, item 4: a code is used once however many terminals try it at once. Two cores on one store
 * (the same PostgreSQL database, or on SQLite the same file) stand for two desks.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, signIn, switchFeatureOn } from '../../../helpers/mfa';
import { secondTerminal } from '../../../helpers/terminals';

async function olgaPendingAtTwoDesks() {
  const a = await makeSetUpCore();
  await switchFeatureOn(a);
  await createOperator(a, 'olga');
  await signIn(a, 'olga', 'enroll');
  const enrolled = await enrollTotp(a, 'enroll');
  await a.must('auth.signOut', {}, 'enroll');
  const b = await secondTerminal(a);
  expect((await signIn(a, 'olga', 'desk-a')).state).toBe('secondFactor');
  expect((await signIn(b, 'olga', 'desk-b')).state).toBe('secondFactor');
  return { a, b, ...enrolled };
}

describe('second-factor codes across terminals', () => {
  it('an authenticator code typed at two desks at once signs in at one only', async () => {
    const { a, b, seed } = await olgaPendingAtTwoDesks();
    const code = codeNow(a, seed);
    const [atA, atB] = await Promise.all([a.call('mfa.verify', { method: 'totp', code }, 'desk-a'), b.call('mfa.verify', { method: 'totp', code }, 'desk-b')]);
    expect([atA.ok, atB.ok].filter(Boolean)).toHaveLength(1);
    expect(atA.ok ? atB : atA).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
  });

  it('a recovery code works at one desk only, and the other desk sees one fewer left', async () => {
    const { a, b, recoveryCodes } = await olgaPendingAtTwoDesks();
    const code = recoveryCodes[0]!;
    const [atA, atB] = await Promise.all([a.call('mfa.verify', { method: 'recovery', code }, 'desk-a'), b.call('mfa.verify', { method: 'recovery', code }, 'desk-b')]);
    expect([atA.ok, atB.ok].filter(Boolean)).toHaveLength(1);
    expect(await b.must('auth.signIn', { login: 'olga', password: 'Counter&Tickets-77' }, 'desk-c')).toMatchObject({ state: 'secondFactor', methods: { recoveryCodesLeft: 9 } });
  });
});
