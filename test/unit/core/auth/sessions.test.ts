import { describe, expect, it } from 'vitest';
import { makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';

const MIN = 60_000;

describe('sessions', () => {
  it('lock after 15 idle minutes, refuse work while locked, and unlock with the password', async () => {
    const t = await makeSetUpCore();
    const active = await t.must('auth.status', {});
    expect(active).toMatchObject({ state: 'active', idleLockAt: t.clock.now() + 15 * MIN });
    t.clock.advance(15 * MIN);
    expect(await t.must('auth.status', {})).toMatchObject({ state: 'locked', operator: { login: 'anna' } });
    expect(await t.call('auth.unlock', { password: 'Wrong-password-1' })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect((await t.must('auth.unlock', { password: STRONG_PASSWORD })).state).toBe('active');
  });

  it('locks at once with "Lock now", keeps the session, and unlocks with the password', async () => {
    const t = await makeSetUpCore();
    expect(await t.must('auth.lockNow', {})).toMatchObject({ state: 'locked', operator: { login: 'anna' } });
    expect(await t.call('operators.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await t.call('auth.lockNow', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect((await t.must('auth.unlock', { password: STRONG_PASSWORD })).state).toBe('active');
    expect((await t.call('operators.list', {})).ok).toBe(true);
  });

  it('activity pushes the idle lock back; a status poll does not', async () => {
    const t = await makeSetUpCore();
    t.clock.advance(10 * MIN);
    await t.must('auth.unlock', { password: STRONG_PASSWORD }); // an action of the signed-in operator
    t.clock.advance(10 * MIN);
    expect((await t.must('auth.status', {})).state).toBe('active');
    t.clock.advance(5 * MIN);
    expect((await t.must('auth.status', {})).state).toBe('locked');
  });

  it('end after 12 hours whatever the activity, and say so once', async () => {
    const t = await makeSetUpCore();
    for (let h = 0; h < 11; h++) {
      t.clock.advance(60 * MIN);
      await t.must('auth.unlock', { password: STRONG_PASSWORD });
    }
    t.clock.advance(60 * MIN);
    expect(await t.must('auth.status', {})).toEqual({ state: 'signedOut', reason: 'expired' });
    expect(await t.must('auth.status', {})).toEqual({ state: 'signedOut' });
    expect(await t.call('auth.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });

  it('follow the institution\'s limits', async () => {
    const t = await makeSetUpCore();
    await t.core.internals.settings.set('sessionLimits', { idleLockMs: 2 * MIN, absoluteMs: 60 * MIN });
    t.clock.advance(2 * MIN);
    expect((await t.must('auth.status', {})).state).toBe('locked');
    await t.must('auth.unlock', { password: STRONG_PASSWORD });
    t.clock.advance(58 * MIN);
    expect(await t.call('auth.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  it('a locked session can still sign out', async () => {
    const t = await makeSetUpCore();
    t.clock.advance(16 * MIN);
    expect(await t.must('auth.signOut', {})).toEqual({ state: 'signedOut' });
  });
});
