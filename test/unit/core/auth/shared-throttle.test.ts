/**
 * Issue 11, item 4: a guess spread across terminals is counted together. Two cores on one store (the
 * same PostgreSQL database, or on SQLite the same file) stand for two desks; the suite runs on both engines.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { secondTerminal } from '../../../helpers/terminals';

describe('the sign-in throttle is shared by every terminal on the store', () => {
  it('counts failures at two terminals together and locks the login at both', async () => {
    const a = await makeSetUpCore();
    const b = await secondTerminal(a);
    // Five failures, taking turns between the desks: none of them alone reached five.
    for (let i = 0; i < 5; i++) {
      const desk = i % 2 === 0 ? a : b;
      expect(await desk.call('auth.signIn', { login: 'anna', password: `Wrong-password-${i}` }, 'desk')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    }
    // Locked at both, even with the right password.
    for (const desk of [a, b]) {
      expect(await desk.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD }, 'desk')).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', retryAt: a.clock.now() + 30_000 } });
    }
    // One log for both desks: the count in each entry goes on from the other desk's.
    const failed = (await b.core.internals.audit.recent(50)).filter((e) => e.kind === 'auth.sign-in-failed');
    expect(failed.map((e) => e.detail.failures).reverse()).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts failures made at the same moment at two terminals one by one, and keeps the longer lock', async () => {
    const a = await makeSetUpCore();
    const b = await secondTerminal(a);
    for (let i = 0; i < 4; i++) await a.call('auth.signIn', { login: 'anna', password: 'Wrong-password-1' }, 'desk');
    // The fifth and sixth failures at once, one at each desk: 30 s for the fifth, 60 s for the sixth.
    const both = await Promise.all([a, b].map((desk) => desk.call('auth.signIn', { login: 'anna', password: 'Wrong-password-2' }, 'desk')));
    expect(both).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH_INVALID' }) }), expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH_INVALID' }) })]);
    for (const desk of [b, a]) {
      expect(await desk.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD }, 'desk')).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', retryAt: a.clock.now() + 60_000 } });
    }
    // A success at one desk clears the count for both.
    a.clock.advance(60_000);
    expect((await b.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD }, 'desk')).state).toBe('active');
    for (let i = 0; i < 4; i++) expect(await a.call('auth.signIn', { login: 'anna', password: 'Wrong-password-3' }, 'desk')).toMatchObject({ error: { code: 'AUTH_INVALID' } });
  });
});
