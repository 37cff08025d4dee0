import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, OPERATOR_PASSWORD, signIn, storeText, switchFeatureOn } from '../../../helpers/mfa';

const DAY = 86_400_000;

/** An operator with an authenticator, signed out, and the seed to compute codes. */
async function enrolledOperator(t: TestCore, login = 'olga') {
  await switchFeatureOn(t);
  await createOperator(t, login);
  await signIn(t, login, 'enroll-seat');
  const enrolled = await enrollTotp(t, 'enroll-seat');
  await t.must('auth.signOut', {}, 'enroll-seat');
  return enrolled;
}

describe('sign-in with a second factor', () => {
  it('asks for the code after the password, then signs in; the same code is never accepted twice', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrolledOperator(t);
    const pending = await signIn(t, 'olga', 's1');
    expect(pending).toMatchObject({ state: 'secondFactor', methods: { totp: true, sms: null, recoveryCodesLeft: 10 }, remember: { offered: true, days: 30 } });
    expect(await t.call('mfa.status', {}, 's1')).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
    const code = codeNow(t, seed);
    expect((await t.must('mfa.verify', { method: 'totp', code }, 's1')).state).toBe('active');
    // Replay on another terminal within the same 30 s step: refused.
    await signIn(t, 'olga', 's2');
    expect(await t.call('mfa.verify', { method: 'totp', code }, 's2')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    t.clock.advance(30_000);
    expect((await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 's2')).state).toBe('active');
  });

  it('accepts a code 30 s late and refuses one 61 s late', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrolledOperator(t);
    // Align to the start of a step so "late" is exact.
    t.clock.set(Math.ceil(t.clock.now() / 30_000) * 30_000 + 30_000);
    const code = codeNow(t, seed);
    await signIn(t, 'olga', 's1');
    t.clock.advance(30_000);
    expect((await t.must('mfa.verify', { method: 'totp', code }, 's1')).state).toBe('active');
    const next = codeNow(t, seed, 30_000); // belongs to the step after this one
    t.clock.advance(30_000 + 61_000);
    await signIn(t, 'olga', 's2');
    expect(await t.call('mfa.verify', { method: 'totp', code: next }, 's2')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
  });

  it('throttles wrong codes after five, drops the pending sign-in at ten, and keeps the count across a restart', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrolledOperator(t);
    await signIn(t, 'olga', 's1');
    for (let i = 0; i < 5; i++) expect(await t.call('mfa.verify', { method: 'totp', code: '000000' }, 's1')).toMatchObject({ error: { code: 'MFA_INVALID' } });
    const throttled = await t.call('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 's1');
    expect(throttled).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', retryAt: t.clock.now() + 2_000 } });
    const again = await t.reopen();
    await again.must('auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 's1');
    expect(await again.call('mfa.verify', { method: 'totp', code: '000000' }, 's1')).toMatchObject({ error: { code: 'AUTH_THROTTLED' } });
    for (let i = 6; i <= 9; i++) {
      again.clock.advance(60_000);
      expect(await again.call('mfa.verify', { method: 'totp', code: '000000' }, 's1')).toMatchObject({ error: { code: 'MFA_INVALID' } });
      // The pending sign-in lasts 5 minutes; sign in again when it ran out.
      if ((await again.must('auth.status', {}, 's1')).state === 'signedOut') await again.must('auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 's1');
    }
    again.clock.advance(60_000);
    expect(await again.call('mfa.verify', { method: 'totp', code: '000000' }, 's1')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect((await again.must('auth.status', {}, 's1')).state).toBe('signedOut');
  });

  it('lets the pending sign-in expire after 5 minutes', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrolledOperator(t);
    await signIn(t, 'olga', 's1');
    t.clock.advance(5 * 60_000);
    expect(await t.call('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 's1')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    await signIn(t, 'olga', 's2');
    t.clock.advance(5 * 60_000);
    expect(await t.must('auth.status', {}, 's2')).toEqual({ state: 'signedOut', reason: 'secondFactorTimeout' });
  });

  it('takes each recovery code once and warns when three or fewer remain', async () => {
    const t = await makeSetUpCore();
    const { recoveryCodes } = await enrolledOperator(t);
    for (let i = 0; i < 7; i++) {
      await signIn(t, 'olga', `s${i}`);
      // Typed in lower case without dashes: still accepted.
      const typed = i === 0 ? recoveryCodes[i]!.toLowerCase().replaceAll('-', '') : recoveryCodes[i]!;
      expect((await t.must('mfa.verify', { method: 'recovery', code: typed }, `s${i}`)).state).toBe('active');
    }
    const status = await t.must('mfa.status', {}, 's6');
    expect(status).toMatchObject({ recoveryWarning: true, methods: { recoveryCodesLeft: 3 } });
    await signIn(t, 'olga', 'again');
    expect(await t.call('mfa.verify', { method: 'recovery', code: recoveryCodes[0]! }, 'again')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    // Regenerating replaces the whole set.
    const fresh = await t.must('mfa.regenerateRecoveryCodes', {}, 's6');
    expect(fresh.codes).toHaveLength(10);
    expect(await t.call('mfa.verify', { method: 'recovery', code: recoveryCodes[9]! }, 'again')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    expect((await t.must('mfa.verify', { method: 'recovery', code: fresh.codes[0]! }, 'again')).state).toBe('active');
  });

  it('remembers this device: the password alone next time, until revoked or expired', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrolledOperator(t);
    await signIn(t, 'olga', 's1');
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: true, deviceLabel: 'Box 1 desk' }, 's1');
    await t.must('auth.signOut', {}, 's1');
    expect((await signIn(t, 'olga', 's1')).state).toBe('active');
    // Never the password: a wrong one is still refused.
    expect(await t.call('auth.signIn', { login: 'olga', password: 'Wrong-password-1' }, 's9')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    const [device] = await t.must('mfa.status', {}, 's1').then((s) => s.devices);
    expect(device).toMatchObject({ label: 'Box 1 desk', state: 'active' });
    expect(device!.expiresAt - device!.createdAt).toBe(30 * DAY);
    await t.must('mfa.revokeDevice', { deviceId: device!.id }, 's1');
    await t.must('auth.signOut', {}, 's1');
    expect((await signIn(t, 'olga', 's1')).state).toBe('secondFactor');
    // Remember again, then let it expire.
    t.clock.advance(30_000);
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: true }, 's1');
    await t.must('auth.signOut', {}, 's1');
    t.clock.advance(30 * DAY);
    expect((await signIn(t, 'olga', 's1')).state).toBe('secondFactor');
  });

  it('never offers or honours remembered devices when the institution sets 0 days', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrolledOperator(t);
    await t.must('mfa.setRememberDays', { days: 0 });
    expect(await t.call('mfa.setRememberDays', { days: 91 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const pending = await signIn(t, 'olga', 's1');
    expect(pending).toMatchObject({ state: 'secondFactor', remember: { offered: false } });
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: true }, 's1');
    await t.must('auth.signOut', {}, 's1');
    expect((await signIn(t, 'olga', 's1')).state).toBe('secondFactor');
  });

  it('asks for the password again before security changes when the sign-in is over an hour old', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrolledOperator(t);
    await signIn(t, 'olga', 's1');
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 's1');
    expect((await t.call('mfa.regenerateRecoveryCodes', {}, 's1')).ok).toBe(true);
    // A long idle lock, so only the age of the password matters here.
    await t.core.internals.settings.set('sessionLimits', { idleLockMs: 3 * 3_600_000, absoluteMs: 12 * 3_600_000 });
    t.clock.advance(59 * 60_000);
    expect((await t.call('mfa.regenerateRecoveryCodes', {}, 's1')).ok).toBe(true);
    t.clock.advance(2 * 60_000);
    expect(await t.call('mfa.regenerateRecoveryCodes', {}, 's1')).toMatchObject({ ok: false, error: { code: 'REAUTH_REQUIRED' } });
    expect(await t.call('mfa.startTotp', {}, 's1')).toMatchObject({ ok: false, error: { code: 'REAUTH_REQUIRED' } });
    expect(await t.call('mfa.regenerateRecoveryCodes', { password: 'Wrong-password-1' }, 's1')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect((await t.call('mfa.regenerateRecoveryCodes', { password: OPERATOR_PASSWORD }, 's1')).ok).toBe(true);
    expect((await t.call('mfa.startTotp', {}, 's1')).ok).toBe(true);
  });

  it('keeps every secret out of the store and the audit log', async () => {
    const t = await makeSetUpCore();
    const { seed, recoveryCodes } = await enrolledOperator(t);
    await signIn(t, 'olga', 's1');
    const code = codeNow(t, seed);
    await t.must('mfa.verify', { method: 'totp', code, rememberDevice: true }, 's1');
    const token = await t.core.internals.vault.getSecret('device:2');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const secrets = [seed, token!, ...recoveryCodes, OPERATOR_PASSWORD];
    const stored = await storeText(t);
    for (const secret of secrets) expect(stored.includes(secret), 'a row holds a secret').toBe(false);
    // SQLite only: its files may also hold freed pages and the write-ahead log, which rows do not show.
    if (t.core.internals.sqlite) {
      t.core.internals.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      for (const file of fs.readdirSync(t.dataDir)) {
        const bytes = fs.readFileSync(path.join(t.dataDir, file));
        for (const secret of secrets) expect(bytes.includes(secret), `${file} holds a secret`).toBe(false);
      }
    }
    expect(await t.core.internals.audit.verify()).toBeNull();
  });
});
