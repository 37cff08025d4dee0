import { describe, expect, it } from 'vitest';
import { ONE_TIME_PASSWORD_HOURS } from '../../../../electron/core/auth/auth-service';
import { makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, ONE_TIME_PASSWORD, OPERATOR_PASSWORD, signIn, switchFeatureOn } from '../../../helpers/mfa';

const HOUR = 3_600_000;
const NEW_PASSWORD = 'Own&Choice-2026!';

describe('one-time passwords', () => {
  it('a new operator must replace the one-time password at the first sign-in, with one of their own', async () => {
    const t = await makeSetUpCore();
    const created = await t.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD });
    expect(created.oneTimePasswordUntil).toBe(t.clock.now() + ONE_TIME_PASSWORD_HOURS * HOUR);
    expect(await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'o')).toMatchObject({ state: 'passwordChange', operator: { login: 'olga' } });
    expect(await t.call('orders.search', { query: 'SO-1' }, 'o')).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    // Not the one-time password again, and the institution's policy applies.
    expect(await t.call('auth.setNewPassword', { password: ONE_TIME_PASSWORD }, 'o')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'password' } });
    expect(await t.call('auth.setNewPassword', { password: 'short1!' }, 'o')).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    expect(await t.must('auth.setNewPassword', { password: NEW_PASSWORD }, 'o')).toMatchObject({ state: 'active' });
    expect((await t.call('orders.search', { query: 'SO-1' }, 'o')).ok).toBe(true);
    await t.must('auth.signOut', {}, 'o');
    expect(await t.call('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'o')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect((await signIn(t, 'olga', 'o', NEW_PASSWORD)).state).toBe('active');
    const row = (await t.must('operators.list', {})).find((o) => o.login === 'olga')!;
    expect(row.oneTimePasswordUntil).toBeNull();
    const kinds = (await t.core.internals.audit.recent(20)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['operators.created', 'auth.password-changed']));
  });

  it('stops working 72 hours after it was set; an admin reset gives a new one', async () => {
    const t = await makeSetUpCore();
    const olga = await t.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD });
    t.clock.advance(ONE_TIME_PASSWORD_HOURS * HOUR - 1);
    expect((await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'o')).state).toBe('passwordChange');
    await t.must('auth.signOut', {}, 'o');
    t.clock.advance(1);
    // Expired: said plainly (only to someone who knows the password), and nothing opens.
    expect(await t.call('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'o')).toMatchObject({ ok: false, error: { code: 'PASSWORD_EXPIRED' } });
    expect(await t.call('auth.status', {}, 'o')).toEqual({ ok: true, value: { state: 'signedOut' } });
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const reset = await t.must('operators.resetPassword', { operatorId: olga.id, password: 'Second&Chance-2026' });
    expect(reset.oneTimePasswordUntil).toBe(t.clock.now() + ONE_TIME_PASSWORD_HOURS * HOUR);
    expect((await t.must('auth.signIn', { login: 'olga', password: 'Second&Chance-2026' }, 'o')).state).toBe('passwordChange');
    expect((await t.core.internals.audit.recent(10)).map((e) => e.kind)).toEqual(expect.arrayContaining(['auth.one-time-password-expired', 'operators.password-reset']));
  });

  it('a reset ends open sessions and lifts the sign-in lock; with an authenticator the code comes before the new password', async () => {
    const t = await makeSetUpCore();
    const olga = await createOperator(t, 'olga');
    await signIn(t, 'olga', 'o');
    const { seed } = await enrollTotp(t, 'o');
    for (let i = 0; i < 6; i++) await t.call('auth.signIn', { login: 'olga', password: 'wrong-password-1!' }, 'x');
    expect((await t.must('operators.list', {})).find((o) => o.login === 'olga')!.throttledUntil).toBeGreaterThan(t.clock.now());
    await t.must('operators.resetPassword', { operatorId: olga.id, password: 'Second&Chance-2026' });
    expect(await t.call('orders.search', { query: 'SO-1' }, 'o')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect((await t.must('operators.list', {})).find((o) => o.login === 'olga')!.throttledUntil).toBeNull();
    expect((await t.must('auth.signIn', { login: 'olga', password: 'Second&Chance-2026' }, 'o')).state).toBe('secondFactor');
    expect(await t.call('auth.setNewPassword', { password: NEW_PASSWORD }, 'o')).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
    expect((await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: false }, 'o')).state).toBe('passwordChange');
    expect((await t.must('auth.setNewPassword', { password: NEW_PASSWORD }, 'o')).state).toBe('active');
  });

  it('a required operator without a factor chooses the password first, then enrolls', async () => {
    const t = await makeSetUpCore();
    await switchFeatureOn(t);
    await t.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD });
    expect((await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'o')).state).toBe('passwordChange');
    expect((await t.must('auth.setNewPassword', { password: NEW_PASSWORD }, 'o')).state).toBe('enrollment');
  });

  it('only the service team resets a service account; nobody gives themself a one-time password', async () => {
    const t = await makeSetUpCore();
    const anna = (await t.must('operators.list', {})).find((o) => o.login === 'anna')!;
    const adam = await createOperator(t, 'adam', ['admin']);
    await signIn(t, 'adam', 'adam');
    expect(await t.call('operators.resetPassword', { operatorId: anna.id, password: 'Second&Chance-2026' }, 'adam')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('operators.resetMfa', { operatorId: anna.id }, 'adam')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('operators.resetPassword', { operatorId: adam.id, password: 'Second&Chance-2026' }, 'adam')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The service team may.
    expect((await t.must('operators.resetPassword', { operatorId: adam.id, password: 'Second&Chance-2026' })).oneTimePasswordUntil).not.toBeNull();
  });

  it('lifting a throttle clears the password and the code locks', async () => {
    const t = await makeSetUpCore();
    const olga = await createOperator(t, 'olga');
    await signIn(t, 'olga', 'o');
    await enrollTotp(t, 'o');
    await t.must('auth.signOut', {}, 'o');
    await signIn(t, 'olga', 'o');
    for (let i = 0; i < 6; i++) await t.call('mfa.verify', { method: 'totp', code: '000000', rememberDevice: false }, 'o');
    for (let i = 0; i < 6; i++) await t.call('auth.signIn', { login: 'olga', password: 'wrong-password-1!' }, 'x');
    expect(await t.call('auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 'x')).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    const lifted = await t.must('operators.liftThrottle', { operatorId: olga.id });
    expect(lifted.throttledUntil).toBeNull();
    expect((await signIn(t, 'olga', 'x')).state).toBe('secondFactor');
    expect((await t.core.internals.audit.recent(5)).map((e) => e.kind)).toContain('operators.throttle-lifted');
  });
});
