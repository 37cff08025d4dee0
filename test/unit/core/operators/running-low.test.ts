/**
 * Issue 15, part 6: "Admin → Operators shows who has 3 or fewer recovery codes left, and who has no second
 * factor although required." Core decides who is listed (OperatorRow.attention); the screen only shows it.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, ONE_TIME_PASSWORD, OPERATOR_PASSWORD, signIn, switchFeatureOn } from '../../../helpers/mfa';

const rowOf = async (t: TestCore, login: string) => (await t.must('operators.list', {})).find((o) => o.login === login)!;

/** Signs olga in with `count` of her recovery codes, one sign-in each. */
async function useRecoveryCodes(t: TestCore, codes: string[], count: number) {
  for (const code of codes.splice(0, count)) {
    expect((await signIn(t, 'olga', 'olga')).state).toBe('secondFactor');
    await t.must('mfa.verify', { method: 'recovery', code }, 'olga');
    await t.must('auth.signOut', {}, 'olga');
  }
}

describe('who is running low', () => {
  it('lists an operator with a second factor once 3 or fewer recovery codes are left', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'enroll');
    const { seed, recoveryCodes } = await enrollTotp(t, 'enroll');
    await t.must('auth.signOut', {}, 'enroll');
    expect(await rowOf(t, 'olga')).toMatchObject({ recoveryCodesLeft: 10, attention: [] });

    await useRecoveryCodes(t, recoveryCodes, 6);
    expect(await rowOf(t, 'olga')).toMatchObject({ recoveryCodesLeft: 4, attention: [] });
    await useRecoveryCodes(t, recoveryCodes, 1);
    expect(await rowOf(t, 'olga')).toMatchObject({ recoveryCodesLeft: 3, attention: ['fewRecoveryCodes'] });
    await useRecoveryCodes(t, recoveryCodes, 3);
    expect(await rowOf(t, 'olga')).toMatchObject({ recoveryCodesLeft: 0, attention: ['fewRecoveryCodes'] });

    // New codes: off the list again.
    await signIn(t, 'olga', 'olga');
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 'olga');
    await t.must('mfa.regenerateRecoveryCodes', {}, 'olga');
    expect(await rowOf(t, 'olga')).toMatchObject({ recoveryCodesLeft: 10, attention: [] });
  });

  it('lists who must use two-step verification and has no second factor; not the exempt, the released or the disabled', async () => {
    const t = await makeSetUpCore();
    // Required while the institution's feature is still off: nobody is asked yet, so nobody is listed.
    await t.must('operators.create', { login: 'early', displayName: 'Early', roles: ['operator'], password: ONE_TIME_PASSWORD, mfaRequired: true });
    expect((await rowOf(t, 'early')).attention).toEqual([]);

    await switchFeatureOn(t);
    expect((await rowOf(t, 'early')).attention).toEqual(['noSecondFactor']);
    await createOperator(t, 'petra');
    expect(await rowOf(t, 'petra')).toMatchObject({ mfaRequired: true, recoveryCodesLeft: 0, attention: ['noSecondFactor'] });
    // The gate role is never asked for a second factor, even when marked required.
    await createOperator(t, 'gate', ['scanner'], { mfaRequired: true });
    expect(await rowOf(t, 'gate')).toMatchObject({ mfaRequired: true, attention: [] });
    // Not required: no factor is fine.
    await createOperator(t, 'nora', ['operator'], { mfaRequired: false });
    expect((await rowOf(t, 'nora')).attention).toEqual([]);
    // Anna existed before the feature was on, so it does not apply to her by default.
    expect((await rowOf(t, 'anna')).attention).toEqual([]);
    // A disabled account signs nobody in.
    await t.must('operators.setDisabled', { operatorId: (await rowOf(t, 'petra')).id, disabled: true });
    expect((await rowOf(t, 'petra')).attention).toEqual([]);

    // Once she has enrolled she leaves the list.
    expect((await signIn(t, 'early', 'early', ONE_TIME_PASSWORD)).state).toBe('passwordChange');
    expect(await t.must('auth.setNewPassword', { password: OPERATOR_PASSWORD }, 'early')).toMatchObject({ state: 'enrollment' });
    await enrollTotp(t, 'early');
    expect(await rowOf(t, 'early')).toMatchObject({ recoveryCodesLeft: 10, attention: [] });
  });
});
