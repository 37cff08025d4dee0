import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDuration } from '../../../../electron/core/auth/throttle';
import { makeCore, makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { storeText } from '../../../helpers/mfa';

describe('first-run setup', () => {
  it('is pending on a fresh store and creates one account with roles service and admin', async () => {
    const t = await makeCore();
    expect((await t.must('app.info', {})).setupPending).toBe(true);
    const session = await t.must('setup.createFirstAccount', { login: '  Anna ', displayName: 'Anna Admin', password: STRONG_PASSWORD });
    expect(session.operator).toMatchObject({ login: 'anna', roles: ['service', 'admin'] });
    expect(session.permissions).toContain('mfa.feature');
    expect((await t.must('app.info', {})).setupPending).toBe(false);
  });

  it('refuses a weak password with its reason and creates nothing', async () => {
    const t = await makeCore();
    const result = await t.call('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: 'short1!' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', field: 'password' } });
    expect((await t.must('app.info', {})).setupPending).toBe(true);
  });

  it('runs only once, even when two setup screens race', async () => {
    const t = await makeCore();
    const [a, b] = await Promise.all([
      t.call('setup.createFirstAccount', { login: 'anna', displayName: 'A', password: STRONG_PASSWORD }, 'seat-a'),
      t.call('setup.createFirstAccount', { login: 'bert', displayName: 'B', password: STRONG_PASSWORD }, 'seat-b'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
  });

  it('has no default account: signing in before setup fails like any unknown login', async () => {
    const t = await makeCore();
    for (const login of ['admin', 'root', 'service']) {
      expect(await t.call('auth.signIn', { login, password: 'admin' })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    }
  });
});

describe('sign in and out', () => {
  it('signs out and in again; the login is case-insensitive', async () => {
    const t = await makeSetUpCore();
    expect(await t.must('auth.signOut', {})).toEqual({ state: 'signedOut' });
    expect(await t.must('auth.status', {})).toEqual({ state: 'signedOut' });
    const view = await t.must('auth.signIn', { login: 'ANNA', password: STRONG_PASSWORD });
    expect(view).toMatchObject({ state: 'active', operator: { login: 'anna', displayName: 'Anna Admin' } });
  });

  it('gives the same answer for an unknown login and a wrong password', async () => {
    const t = await makeSetUpCore();
    const wrong = await t.call('auth.signIn', { login: 'anna', password: 'Not-the-password-1' });
    const unknown = await t.call('auth.signIn', { login: 'nobody', password: 'Not-the-password-1' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
  });

  it('validates input in core: a missing field, a bad login or a 5 kB password is a VALIDATION error', async () => {
    const t = await makeSetUpCore();
    expect(await t.call('auth.signIn', { login: 'anna' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    expect(await t.call('auth.signIn', { login: 'an na', password: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'login' } });
    expect(await t.call('auth.signIn', { login: 'anna', password: 'x'.repeat(5000) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD, extra: 1 } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.dispatch('auth.signIn', 'not an object', { seat: 's' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.dispatch('auth.nope', {}, { seat: 's' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await t.core.dispatch('__proto__', {}, { seat: 's' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('keeps sessions per seat: signing out one window leaves the other signed in', async () => {
    const t = await makeSetUpCore();
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD }, 'seat-2');
    await t.must('auth.signOut', {}, 'seat-1');
    expect((await t.must('auth.status', {}, 'seat-2')).state).toBe('active');
    expect((await t.must('auth.status', {}, 'seat-1')).state).toBe('signedOut');
  });

  it('forgets sessions on restart', async () => {
    const t = await makeSetUpCore();
    const again = await t.reopen();
    expect(await again.must('auth.status', {})).toEqual({ state: 'signedOut' });
    expect(await again.call('auth.signOut', {})).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });
});

describe('throttling', () => {
  it('grows 30 s, 60 s, 120 s … up to 15 minutes after five free failures', () => {
    expect([1, 4, 5, 6, 7, 9, 10, 30].map(lockDuration)).toEqual([0, 0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000]);
  });

  it('locks a name after five failures, refuses even the right password while locked, and opens again after the delay', async () => {
    const t = await makeSetUpCore();
    for (let i = 0; i < 4; i++) expect((await t.call('auth.signIn', { login: 'anna', password: `Wrong-password-${i}` })).ok).toBe(false);
    const fifth = await t.call('auth.signIn', { login: 'anna', password: 'Wrong-password-5' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    const locked = await t.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(locked).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', retryAt: t.clock.now() + 30_000 } });
    if (!locked.ok) expect(locked.error.message).toMatch(/30 seconds/);
    t.clock.advance(29_000);
    expect(await t.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    t.clock.advance(1_000);
    // The sixth failure doubles the delay.
    await t.call('auth.signIn', { login: 'anna', password: 'Wrong-password-6' });
    expect(await t.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { retryAt: t.clock.now() + 60_000 } });
    t.clock.advance(60_000);
    expect((await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).state).toBe('active');
    // Success clears the counter: five more failures are free again.
    for (let i = 0; i < 4; i++) expect(await t.call('auth.signIn', { login: 'anna', password: 'Wrong-again-1' })).toMatchObject({ error: { code: 'AUTH_INVALID' } });
  });

  it('throttles unknown names the same way, so the answer never reveals whether an account exists', async () => {
    const t = await makeSetUpCore();
    for (let i = 0; i < 5; i++) await t.call('auth.signIn', { login: 'ghost', password: 'Wrong-password-1' });
    expect(await t.call('auth.signIn', { login: 'ghost', password: 'Wrong-password-1' })).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    // Another name is not affected.
    expect((await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).state).toBe('active');
  });

  it('keeps counters across a restart', async () => {
    const t = await makeSetUpCore();
    for (let i = 0; i < 5; i++) await t.call('auth.signIn', { login: 'anna', password: 'Wrong-password-1' });
    const again = await t.reopen();
    expect(await again.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
  });

  it('counts parallel failures one by one', async () => {
    const t = await makeSetUpCore();
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => t.call('auth.signIn', { login: 'anna', password: 'Wrong-password-1' }, `s${i}`)));
    expect(results.filter((r) => !r.ok && r.error.code === 'AUTH_INVALID')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error.code === 'AUTH_THROTTLED')).toHaveLength(2);
  });
});

describe('audit of sign-in events', () => {
  it('records setup, sign-in, failure, throttle and sign-out, and never a password anywhere in the store', async () => {
    const t = await makeSetUpCore();
    await t.must('auth.signOut', {});
    for (let i = 0; i < 5; i++) await t.call('auth.signIn', { login: 'anna', password: 'Secret-Typo-999!' });
    await t.call('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const kinds = (await t.core.internals.audit.recent(100)).map((e) => e.kind).reverse();
    expect(kinds).toEqual([
      'setup.first-account',
      'auth.sign-in',
      'auth.sign-out',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.throttle-started',
      'auth.throttled',
    ]);
    expect(await t.core.internals.audit.verify()).toBeNull();
    const stored = await storeText(t);
    expect(stored).not.toContain(STRONG_PASSWORD);
    expect(stored).not.toContain('Secret-Typo-999!');
    // SQLite only: its files may also hold freed pages and the write-ahead log, which rows do not show.
    if (t.core.internals.sqlite) {
      t.core.internals.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      for (const file of fs.readdirSync(t.dataDir)) {
        const bytes = fs.readFileSync(path.join(t.dataDir, file));
        expect(bytes.includes(STRONG_PASSWORD)).toBe(false);
        expect(bytes.includes('Secret-Typo-999!')).toBe(false);
      }
    }
  });
});
