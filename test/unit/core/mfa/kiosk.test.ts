import { describe, expect, it } from 'vitest';
import { makeCore, STRONG_PASSWORD } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, OPERATOR_PASSWORD, signIn } from '../../../helpers/mfa';

describe('remember this device on a kiosk', () => {
  it('is never offered, and a remember request is ignored', async () => {
    const t = await makeCore({ kiosk: true });
    await t.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: STRONG_PASSWORD });
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 's1');
    const { seed } = await enrollTotp(t, 's1');
    await t.must('auth.signOut', {}, 's1');
    const pending = await t.must('auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 's1');
    expect(pending).toMatchObject({ state: 'secondFactor', remember: { offered: false } });
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: true }, 's1');
    expect((await t.must('mfa.status', {}, 's1')).devices).toEqual([]);
    await t.must('auth.signOut', {}, 's1');
    expect((await signIn(t, 'olga', 's1')).state).toBe('secondFactor');
  });
});
