/**
 * A remembered device skips the code of the operator's own password, never of a one-time password,
 * and it dies with a password reset, a two-step reset or disabling the operator (issue "Defects…", item 1).
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, ONE_TIME_PASSWORD, signIn, switchFeatureOn } from '../../../helpers/mfa';

/** Olga, enrolled, signed in once on seat "desk" with "remember this device". */
async function olgaRemembered(t: TestCore) {
  await switchFeatureOn(t);
  const olga = await createOperator(t, 'olga');
  await signIn(t, 'olga', 'enroll');
  const { seed } = await enrollTotp(t, 'enroll');
  await t.must('auth.signOut', {}, 'enroll');
  await signIn(t, 'olga', 'desk');
  await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: true }, 'desk');
  await t.must('auth.signOut', {}, 'desk');
  t.clock.advance(30_000);
  // The device works: her own password alone signs her in.
  expect((await signIn(t, 'olga', 'desk')).state).toBe('active');
  await t.must('auth.signOut', {}, 'desk');
  return { olga, seed };
}

const rememberedDevices = async (t: TestCore, id: number) => (await t.must('operators.list', {})).find((o) => o.id === id)!.rememberedDevices;

describe('remembered devices and one-time passwords', () => {
  it('a password reset revokes her devices, and the one-time password asks the code on that very terminal', async () => {
    const t = await makeSetUpCore();
    const { olga, seed } = await olgaRemembered(t);
    await t.must('operators.resetPassword', { operatorId: olga.id, password: ONE_TIME_PASSWORD });
    expect(await rememberedDevices(t, olga.id)).toBe(0);
    const first = await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'desk');
    expect(first.state).toBe('secondFactor');
    expect(await t.call('auth.setNewPassword', { password: 'Brand&New-Password-9' }, 'desk')).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
    expect((await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 'desk')).state).toBe('passwordChange');
    const audit = await t.must('audit.list', { offset: 0, limit: 50 });
    expect(audit.entries.find((e) => e.kind === 'operators.password-reset')?.detail).toMatchObject({ devicesRevoked: 1 });
  });

  it('a one-time password asks the code even when a device trusted for her is still live', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaRemembered(t);
    // The device row is live (as it would be on a store the reset did not revoke): the rule holds on its own.
    await t.core.internals.sql.run('UPDATE operators SET must_change_password = 1, password_expires_at = ? WHERE id = ?', [t.clock.now() + 3_600_000, olga.id]);
    expect(await rememberedDevices(t, olga.id)).toBe(1);
    expect((await signIn(t, 'olga', 'desk')).state).toBe('secondFactor');
  });

  it('a two-step reset and disabling revoke her remembered devices', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaRemembered(t);
    await t.must('operators.setDisabled', { operatorId: olga.id, disabled: true });
    expect(await rememberedDevices(t, olga.id)).toBe(0);
    await t.must('operators.setDisabled', { operatorId: olga.id, disabled: false });
    // Enabled again, the old device does not come back: the code is asked.
    expect((await signIn(t, 'olga', 'desk')).state).toBe('secondFactor');

    const t2 = await makeSetUpCore();
    const second = await olgaRemembered(t2);
    await t2.must('operators.resetMfa', { operatorId: second.olga.id });
    expect(await rememberedDevices(t2, second.olga.id)).toBe(0);
  });
});

describe('re-authentication before security changes', () => {
  it('checks a password that is given, however recent the sign-in', async () => {
    const t = await makeSetUpCore();
    await switchFeatureOn(t);
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'enroll');
    expect(await t.call('mfa.startTotp', { password: 'Not-her-password-1' }, 'enroll')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID', field: 'password' } });
    expect(await t.call('mfa.startSms', { country: 'CH', number: '079 123 45 67', password: 'Not-her-password-1' }, 'enroll')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    // No password within the hour still passes, and the right one too.
    expect((await t.call('mfa.startTotp', {}, 'enroll')).ok).toBe(true);
  });
});
