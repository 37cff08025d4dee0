import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { createOperator, OPERATOR_PASSWORD, signIn } from '../../../helpers/mfa';

const NEW_PASSWORD = 'Fresh&Choice-2027';

describe('changing one\'s own password', () => {
  it('needs the current password, follows the policy, and signs out the operator\'s other sessions only', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'desk');
    await signIn(t, 'olga', 'other-desk');
    await signIn(t, 'anna', 'anna', 'Tickets&Seats-2026');

    expect(await t.call('auth.changePassword', { currentPassword: 'not-it-1!', newPassword: NEW_PASSWORD }, 'desk')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID', field: 'currentPassword' } });
    expect(await t.call('auth.changePassword', { currentPassword: OPERATOR_PASSWORD, newPassword: 'short1!' }, 'desk')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'newPassword' } });
    expect(await t.call('auth.changePassword', { currentPassword: OPERATOR_PASSWORD, newPassword: OPERATOR_PASSWORD }, 'desk')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', message: expect.stringMatching(/same as the current/) } });
    expect(await t.must('auth.changePassword', { currentPassword: OPERATOR_PASSWORD, newPassword: NEW_PASSWORD }, 'desk')).toEqual({ changed: true });

    expect((await t.must('auth.status', {}, 'desk')).state).toBe('active');
    expect((await t.must('auth.status', {}, 'other-desk')).state).toBe('signedOut');
    expect((await t.must('auth.status', {}, 'anna')).state).toBe('active');
    expect(await t.call('auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 'x')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect((await signIn(t, 'olga', 'x', NEW_PASSWORD)).state).toBe('active');
    const entries = await t.core.internals.audit.recent(10);
    expect(entries.find((e) => e.kind === 'auth.password-changed')?.detail).toEqual({ reason: 'own', otherSessionsEnded: 1 });
    expect(entries.some((e) => e.kind === 'auth.password-change-failed')).toBe(true);
  });

  it('is throttled like a sign-in, so a session left open cannot be used to guess the password', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'desk');
    for (let i = 0; i < 5; i++) await t.call('auth.changePassword', { currentPassword: `guess-${i}-Aa!`, newPassword: NEW_PASSWORD }, 'desk');
    expect(await t.call('auth.changePassword', { currentPassword: OPERATOR_PASSWORD, newPassword: NEW_PASSWORD }, 'desk')).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
  });
});
