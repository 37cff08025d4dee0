/**
 * Issue 15, part 3: for an operator who left her phone at home, an admin issues one single-use code valid for
 * one hour instead of resetting her factors; shown once, stored only as a keyed hash, audited, listed until
 * used or expired. It signs her in once, never remembers the device and never proves her for a sensitive action.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, STRONG_PASSWORD, type TestCore } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, ONE_TIME_PASSWORD, OPERATOR_PASSWORD, signIn, storeText, switchFeatureOn } from '../../../helpers/mfa';
import { secondTerminal } from '../../../helpers/terminals';
import { translate } from '../../../../shared/i18n/translator';

const HOUR = 3_600_000;
const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

/** Olga, an operator with an authenticator, signed out; Anna (service + admin) signed in on seat-1. */
async function olgaEnrolled(t: TestCore, login = 'olga', roles: ('operator' | 'admin' | 'service')[] = ['operator']) {
  await switchFeatureOn(t);
  const olga = await createOperator(t, login, roles);
  await signIn(t, login, `enroll-${login}`);
  const { seed } = await enrollTotp(t, `enroll-${login}`);
  await t.must('auth.signOut', {}, `enroll-${login}`);
  return { olga, seed };
}

const rowOf = async (t: TestCore, id: number) => (await t.must('operators.list', {})).find((o) => o.id === id)!;
const auditOf = async (t: TestCore, kind: string) => (await t.must('audit.list', { kind, offset: 0, limit: 50 })).entries;
const proofOf = (t: TestCore, seat: string) => {
  const found = t.core.internals.sessions.lookup(seat);
  return found.status === 'active' ? found.session.proofAt : 'no active session';
};

describe('emergency codes', () => {
  it('is shown once, stored only as its keyed hash (even with a request key), listed, and audited without the code', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaEnrolled(t);
    const issued = await t.must('operators.issueEmergencyCode', { operatorId: olga.id });
    expect(issued.code).toMatch(CODE);
    expect(issued.expiresAt).toBe(t.clock.now() + HOUR);

    const rows = await t.core.internals.sql.all<{ code_hash: string; used_at: number | null }>('SELECT code_hash, used_at FROM emergency_codes');
    expect(rows).toEqual([{ code_hash: t.core.internals.vault.keyedHash('emergency', issued.code), used_at: null }]);
    // A request key keeps answers in the store: this one must not keep the code there.
    const keyed = await t.core.dispatch('operators.issueEmergencyCode', { operatorId: olga.id }, { seat: 'seat-1', idempotencyKey: 'emergency-request-key-1' });
    expect(keyed.ok).toBe(true);
    const second = (keyed as { value: { code: string } }).value.code;
    const stored = await storeText(t);
    for (const code of [issued.code, second]) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ''));
    }

    const list = await t.must('operators.emergencyCodes', {});
    expect(list).toEqual([expect.objectContaining({ operatorId: olga.id, operatorLogin: 'olga', operatorName: 'OLGA', issuedBy: 'anna', issuedAt: t.clock.now(), expiresAt: issued.expiresAt })]);
    expect(await rowOf(t, olga.id)).toMatchObject({ emergencyCodeUntil: issued.expiresAt });
    const entries = await auditOf(t, 'operators.emergency-code-issued');
    expect(entries.map((e) => e.detail)).toEqual([
      { expiresAt: issued.expiresAt, replaced: 1 },
      { expiresAt: issued.expiresAt, replaced: 0 },
    ]);
    expect(entries[0]).toMatchObject({ actorLogin: 'anna', subject: 'olga' });
    expect(JSON.stringify(await t.must('audit.list', { offset: 0, limit: 200 }))).not.toContain(second.replace(/-/g, '').slice(0, 8));
  });

  it('signs her in once (case, spaces and dashes do not matter), never remembers the device and is no proof for a sensitive action', async () => {
    const t = await makeSetUpCore();
    const { olga, seed } = await olgaEnrolled(t);
    const { code } = await t.must('operators.issueEmergencyCode', { operatorId: olga.id });
    expect((await signIn(t, 'olga', 'desk')).state).toBe('secondFactor');
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    const view = await t.must('mfa.verify', { method: 'emergency', code: typed, rememberDevice: true, deviceLabel: 'Counter 2' }, 'desk');
    expect(view).toMatchObject({ state: 'active', enrollmentGrace: null });
    expect(proofOf(t, 'desk')).toBeNull();
    expect(await rowOf(t, olga.id)).toMatchObject({ rememberedDevices: 0, emergencyCodeUntil: null });
    expect(await t.must('operators.emergencyCodes', {})).toEqual([]);
    expect((await auditOf(t, 'mfa.emergency-code-used'))[0]).toMatchObject({ actorLogin: 'olga', detail: { issuedBy: 'anna' } });
    expect((await auditOf(t, 'mfa.verified'))[0]!.detail).toMatchObject({ method: 'emergency' });
    expect(await auditOf(t, 'mfa.device-remembered')).toEqual([]);
    await t.must('auth.signOut', {}, 'desk');

    // Used: refused, and counted as a wrong code like any other.
    expect((await signIn(t, 'olga', 'desk')).state).toBe('secondFactor');
    const again = await t.call('mfa.verify', { method: 'emergency', code }, 'desk');
    expect(again).toMatchObject({ ok: false, error: { code: 'MFA_INVALID', field: 'code' } });
    expect((again as { error: { message: string } }).error.message).toMatch(/emergency code was not accepted/);
    expect((await auditOf(t, 'mfa.verify-failed'))[0]!.detail).toEqual({ method: 'emergency', failures: 1 });
    // Her own factor is a proof (the check above is not empty), and it clears the count.
    expect((await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 'desk')).state).toBe('active');
    expect(proofOf(t, 'desk')).toBe(t.clock.now());
  });

  it('is refused after one hour, and no longer listed', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaEnrolled(t);
    const { code } = await t.must('operators.issueEmergencyCode', { operatorId: olga.id });
    t.clock.advance(HOUR - 1);
    // Anna's first session has locked meanwhile: she signs in again at another desk.
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD }, 'admin');
    expect(await t.must('operators.emergencyCodes', {}, 'admin')).toHaveLength(1);
    t.clock.advance(1);
    expect(await t.must('operators.emergencyCodes', {}, 'admin')).toEqual([]);
    expect((await t.must('operators.list', {}, 'admin')).find((o) => o.id === olga.id)).toMatchObject({ emergencyCodeUntil: null });
    await signIn(t, 'olga', 'desk');
    expect(await t.call('mfa.verify', { method: 'emergency', code }, 'desk')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
  });

  it('a new code revokes her earlier one; Revoke ends a code, once', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaEnrolled(t);
    const first = await t.must('operators.issueEmergencyCode', { operatorId: olga.id });
    t.clock.advance(60_000);
    const second = await t.must('operators.issueEmergencyCode', { operatorId: olga.id });
    const [listed] = await t.must('operators.emergencyCodes', {});
    expect(listed).toMatchObject({ operatorId: olga.id, expiresAt: second.expiresAt });
    await signIn(t, 'olga', 'desk');
    expect(await t.call('mfa.verify', { method: 'emergency', code: first.code }, 'desk')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });

    expect(await t.must('operators.revokeEmergencyCode', { codeId: listed!.id })).toEqual([]);
    expect(await t.call('mfa.verify', { method: 'emergency', code: second.code }, 'desk')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    expect(await t.call('operators.revokeEmergencyCode', { codeId: listed!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await auditOf(t, 'operators.emergency-code-revoked')).toEqual([expect.objectContaining({ actorLogin: 'anna', subject: 'olga' })]);
  });

  it('is never for oneself nor for an operator without a second factor; a service account only by the service team', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaEnrolled(t);
    const anna = (await t.must('operators.list', {})).find((o) => o.login === 'anna')!;
    expect(await t.call('operators.issueEmergencyCode', { operatorId: anna.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const nina = await createOperator(t, 'nina', ['operator'], { mfaRequired: false });
    const none = await t.call('operators.issueEmergencyCode', { operatorId: nina.id });
    expect(none).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((none as { error: { message: string } }).error.message).toMatch(/NINA has no second factor yet/);

    const { olga: sam } = await olgaEnrolled(t, 'sam', ['service']);
    await createOperator(t, 'adam', ['admin'], { mfaRequired: false });
    expect((await signIn(t, 'adam', 'adam')).state).toBe('active');
    expect(await t.call('operators.issueEmergencyCode', { operatorId: sam.id }, 'adam')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('operators.issueEmergencyCode', { operatorId: olga.id }, 'adam')).ok).toBe(true);
    expect((await t.call('operators.issueEmergencyCode', { operatorId: sam.id })).ok).toBe(true);
    // An operator without the right cannot issue one.
    expect((await signIn(t, 'nina', 'nina')).state).toBe('active');
    expect(await t.call('operators.issueEmergencyCode', { operatorId: olga.id }, 'nina')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('typed at two terminals at once, signs in at one only', async () => {
    const a = await makeSetUpCore();
    const { olga } = await olgaEnrolled(a);
    const { code } = await a.must('operators.issueEmergencyCode', { operatorId: olga.id });
    const b = await secondTerminal(a);
    expect((await signIn(a, 'olga', 'desk-a')).state).toBe('secondFactor');
    expect((await signIn(b, 'olga', 'desk-b')).state).toBe('secondFactor');
    const [atA, atB] = await Promise.all([a.call('mfa.verify', { method: 'emergency', code }, 'desk-a'), b.call('mfa.verify', { method: 'emergency', code }, 'desk-b')]);
    expect([atA.ok, atB.ok].filter(Boolean)).toHaveLength(1);
    expect(atA.ok ? atB : atA).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
  });

  it('never works after a one-time password; a password reset, a two-step reset or disabling her revokes it', async () => {
    const t = await makeSetUpCore();
    const { olga, seed } = await olgaEnrolled(t);
    const issue = () => t.must('operators.issueEmergencyCode', { operatorId: olga.id });
    await issue();
    await t.must('operators.resetPassword', { operatorId: olga.id, password: ONE_TIME_PASSWORD });
    expect(await t.must('operators.emergencyCodes', {})).toEqual([]);
    // Issued after the reset: still no way in with two secrets that both came from an administrator.
    const { code } = await issue();
    expect((await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'desk')).state).toBe('secondFactor');
    expect(await t.call('mfa.verify', { method: 'emergency', code }, 'desk')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    expect((await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 'desk')).state).toBe('passwordChange');
    await t.must('auth.setNewPassword', { password: OPERATOR_PASSWORD.replace('77', '78') }, 'desk');
    await t.must('auth.signOut', {}, 'desk');

    await t.must('operators.setDisabled', { operatorId: olga.id, disabled: true });
    expect(await t.must('operators.emergencyCodes', {})).toEqual([]);
    await t.must('operators.setDisabled', { operatorId: olga.id, disabled: false });
    await issue();
    await t.must('operators.resetMfa', { operatorId: olga.id });
    expect(await t.must('operators.emergencyCodes', {})).toEqual([]);
    expect(await issue().catch((e: Error) => e.message)).toMatch(/CONFLICT/);
  });

  it("is a sensitive action: the admin's own code again once her last proof is 5 minutes old, never a supervisor's approval", async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaEnrolled(t);
    const { seed: annaSeed } = await enrollTotp(t, 'seat-1');
    // Four eyes on everything the institution can put under it: an emergency code is still not among them.
    await t.must('settings.update', { approvals: { reissue: true, bulkReissue: true, restore: true, twoStepOff: true } });
    expect(await t.must('sensitive.check', { action: 'emergencyCode' })).toMatchObject({ stepUp: { needed: false }, approval: { needed: false } });
    t.clock.advance(6 * 60_000);
    expect(await t.call('operators.issueEmergencyCode', { operatorId: olga.id })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED', field: 'stepUp' } });
    expect(await t.must('operators.emergencyCodes', {})).toEqual([]);
    expect(await t.call('operators.issueEmergencyCode', { operatorId: olga.id, stepUp: { method: 'totp', code: '000000' } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    const issued = await t.must('operators.issueEmergencyCode', { operatorId: olga.id, stepUp: { method: 'totp', code: codeNow(t, annaSeed) } });
    expect(issued.code).toMatch(CODE);
    // Newest first: the step-up that passed, after the wrong code (auth.step-up-failed, found by the same prefix).
    expect((await auditOf(t, 'auth.step-up')).map((e) => e.detail)).toEqual([
      { action: 'emergencyCode', method: 'totp' },
      { action: 'emergencyCode', method: 'totp', reason: 'wrong', failures: 1 },
    ]);
    expect((await auditOf(t, 'operators.emergency-code-issued'))[0]!.detail).not.toHaveProperty('approvedBy');
    // The audit screen's sentence names the action, in each language (not "resetting someone's factors").
    const said = (locale: 'en' | 'fr' | 'de') => translate(locale, 'audit.kind.auth.step-up', { method: 'totp', action: 'emergencyCode' });
    expect(said('en')).toBe('Confirmed again with the authenticator app before issuing an emergency code.');
    expect(said('fr')).toContain('avant l’émission d’un code d’urgence');
    expect(said('de')).toContain('vor dem Ausstellen eines Notfallcodes');
  });
});
