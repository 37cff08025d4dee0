import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../../shared/contract';
import { can, type Role } from '../../../shared/roles';
import { makeSetUpCore } from '../../helpers/core';
import { createOperator, ONE_TIME_PASSWORD, signIn } from '../../helpers/mfa';

/**
 * Generated from the contract, so a new channel is covered the day it is added: no session, or a
 * role without the permission, is refused before the input is even looked at.
 */
describe('every channel checks the session and the permission', () => {
  it('refuses every non-public channel without a session', async () => {
    const t = await makeSetUpCore();
    for (const channel of CHANNEL_NAMES) {
      if (contract[channel].access === 'public') continue;
      const result = await t.core.dispatch(channel, {}, { seat: 'no-session' });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    }
  });

  it('refuses every channel whose permission the role lacks, for each role', async () => {
    const t = await makeSetUpCore();
    const roles: Role[] = ['operator', 'scanner', 'admin'];
    for (const role of roles) {
      await createOperator(t, `user-${role}`, [role]);
      await signIn(t, `user-${role}`, role);
    }
    let checked = 0;
    for (const role of roles) {
      for (const channel of CHANNEL_NAMES) {
        const access = contract[channel].access;
        if (['public', 'anySession', 'session', 'challenge', 'passwordChange', 'enrollment'].includes(access)) continue;
        const result = await t.core.dispatch(channel, {}, { seat: role });
        if (can([role], access as Parameters<typeof can>[1])) {
          expect(result.ok || result.error.code !== 'FORBIDDEN', `${role} ${channel}`).toBe(true);
        } else {
          expect(result, `${role} ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('half-way through the second step, only the second step is reachable', async () => {
    const t = await makeSetUpCore();
    await t.must('mfa.setFeature', { enabled: true });
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'pending'); // enrollment stage: required, no factor yet
    for (const channel of CHANNEL_NAMES) {
      const access = contract[channel].access;
      if (['public', 'anySession', 'enrollment'].includes(access)) continue;
      const result = await t.core.dispatch(channel, {}, { seat: 'pending' });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
    }
  });

  it('with a one-time password, only choosing one\'s own password is reachable', async () => {
    const t = await makeSetUpCore();
    await t.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['admin'], password: ONE_TIME_PASSWORD });
    expect(await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'first')).toMatchObject({ state: 'passwordChange' });
    let checked = 0;
    for (const channel of CHANNEL_NAMES) {
      const access = contract[channel].access;
      if (['public', 'anySession', 'passwordChange'].includes(access)) continue;
      const result = await t.core.dispatch(channel, {}, { seat: 'first' });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
