/**
 * Issue 15, part 4: when two-step becomes required for an operator, the admin may allow up to N sign-ins (0–10)
 * before enrollment is forced; each sign-in says how many remain. Grace counts only sign-ins with her own
 * password — never one with a one-time password — and is counted in the store.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../helpers/core';
import { codeNow, createOperator, ONE_TIME_PASSWORD, OPERATOR_PASSWORD, seedOf, signIn, switchFeatureOn } from '../../../helpers/mfa';
import { secondTerminal } from '../../../helpers/terminals';

/** Olga, not yet asked for two-step, then required with `grace` sign-ins before setup. */
async function olgaWithGrace(t: TestCore, grace: number | undefined) {
  await switchFeatureOn(t);
  const olga = await createOperator(t, 'olga', ['operator'], { mfaRequired: false });
  const row = await t.must('operators.setMfaRequired', { operatorId: olga.id, required: true, ...(grace === undefined ? {} : { graceSignIns: grace }) });
  return { olga, row };
}

const rowOf = async (t: TestCore, id: number) => (await t.must('operators.list', {})).find((o) => o.id === id)!;
const storedGrace = async (t: TestCore, id: number) => (await t.core.internals.sql.get<{ g: number | null }>('SELECT mfa_grace_left AS g FROM operators WHERE id = ?', [id]))!.g;

/** Signs her in with her own password on `seat` and signs out again; returns what the sign-in answered. */
async function signInOut(t: TestCore, seat: string) {
  const view = await signIn(t, 'olga', seat);
  await t.must('auth.signOut', {}, seat);
  return view;
}

describe('enrollment grace', () => {
  it('allows N sign-ins, each saying how many remain, then forces enrollment; each use is audited with what is left', async () => {
    const t = await makeSetUpCore();
    const { olga, row } = await olgaWithGrace(t, 2);
    expect(row).toMatchObject({ mfaRequired: true, graceLeft: 2, methods: [] });
    const first = await signIn(t, 'olga', 'desk');
    expect(first).toMatchObject({ state: 'active', enrollmentGrace: { left: 1 } });
    // The session's own view says the same whenever the screen asks.
    expect(await t.must('auth.status', {}, 'desk')).toMatchObject({ state: 'active', enrollmentGrace: { left: 1 } });
    await t.must('auth.signOut', {}, 'desk');
    expect(await signInOut(t, 'desk')).toMatchObject({ state: 'active', enrollmentGrace: { left: 0 } });
    expect(await rowOf(t, olga.id)).toMatchObject({ graceLeft: 0 });
    expect((await signIn(t, 'olga', 'desk')).state).toBe('enrollment');
    const used = (await t.must('audit.list', { kind: 'auth.enrollment-grace-used' })).entries;
    expect(used.map((e) => [e.actorLogin, e.detail.left])).toEqual([
      ['olga', 0],
      ['olga', 1],
    ]);
    // Someone without grace sees none.
    expect(await t.must('auth.status', {})).toMatchObject({ state: 'active', enrollmentGrace: null });
  });

  it('0 forces enrollment at once; without graceSignIns there is none', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaWithGrace(t, 0);
    expect(await storedGrace(t, olga.id)).toBe(0);
    expect((await signIn(t, 'olga', 'desk')).state).toBe('enrollment');
    await t.must('operators.setMfaRequired', { operatorId: olga.id, required: true });
    expect(await storedGrace(t, olga.id)).toBeNull();
    expect((await signIn(t, 'olga', 'desk-2')).state).toBe('enrollment');
  });

  it('is counted in the store: another terminal sees and uses the same sign-ins, and two at once cannot both use the last one', async () => {
    const a = await makeSetUpCore();
    const { olga } = await olgaWithGrace(a, 3);
    const b = await secondTerminal(a);
    expect(await signIn(a, 'olga', 'desk-a')).toMatchObject({ state: 'active', enrollmentGrace: { left: 2 } });
    expect(await signIn(b, 'olga', 'desk-b')).toMatchObject({ state: 'active', enrollmentGrace: { left: 1 } });
    // Terminal a's open session reads the count from the store, not from its own memory.
    expect(await a.must('auth.status', {}, 'desk-a')).toMatchObject({ enrollmentGrace: { left: 1 } });
    expect(await rowOf(a, olga.id)).toMatchObject({ graceLeft: 1 });

    const [atA, atB] = await Promise.all([signIn(a, 'olga', 'race-a'), signIn(b, 'olga', 'race-b')]);
    expect([atA.state, atB.state].sort()).toEqual(['active', 'enrollment']);
    expect(await storedGrace(a, olga.id)).toBe(0);
  });

  it('a sign-in with a one-time password never uses grace: it enrolls, and nothing is counted', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaWithGrace(t, 2);
    await t.must('operators.resetPassword', { operatorId: olga.id, password: ONE_TIME_PASSWORD });
    expect((await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'desk')).state).toBe('passwordChange');
    expect((await t.must('auth.setNewPassword', { password: OPERATOR_PASSWORD.replace('77', '78') }, 'desk')).state).toBe('enrollment');
    expect(await storedGrace(t, olga.id)).toBe(2);
    expect((await t.must('audit.list', { kind: 'auth.enrollment-grace-used' })).entries).toEqual([]);
    // Enrolling there clears what was left.
    const started = await t.must('mfa.startTotp', {}, 'desk');
    const done = await t.must('mfa.confirmTotp', { code: codeNow(t, seedOf(started.manualKey)) }, 'desk');
    expect(done.session).toMatchObject({ state: 'active', enrollmentGrace: null });
    expect(await rowOf(t, olga.id)).toMatchObject({ graceLeft: null, methods: ['totp', 'recovery'] });
  });

  it('releasing clears it, and so does enrolling by choice during the grace', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaWithGrace(t, 3);
    await t.must('operators.setMfaRequired', { operatorId: olga.id, required: false, graceSignIns: 5 });
    expect(await storedGrace(t, olga.id)).toBeNull();
    expect(await signInOut(t, 'desk')).toMatchObject({ state: 'active', enrollmentGrace: null });

    await t.must('operators.setMfaRequired', { operatorId: olga.id, required: true, graceSignIns: 3 });
    expect(await signIn(t, 'olga', 'desk')).toMatchObject({ state: 'active', enrollmentGrace: { left: 2 } });
    const started = await t.must('mfa.startTotp', {}, 'desk');
    const done = await t.must('mfa.confirmTotp', { code: codeNow(t, seedOf(started.manualKey)) }, 'desk');
    expect(done.session).toMatchObject({ state: 'active', enrollmentGrace: null });
    expect(await storedGrace(t, olga.id)).toBeNull();
    await t.must('auth.signOut', {}, 'desk');
    expect((await signIn(t, 'olga', 'desk')).state).toBe('secondFactor');
    // Requiring again someone who has a factor gives no grace: there is nothing left to set up.
    await t.must('operators.setMfaRequired', { operatorId: olga.id, required: true, graceSignIns: 4 });
    expect(await rowOf(t, olga.id)).toMatchObject({ graceLeft: null });
  });

  it('refuses a count outside 0–10, naming the field', async () => {
    const t = await makeSetUpCore();
    const { olga } = await olgaWithGrace(t, undefined);
    for (const graceSignIns of [11, -1, 2.5]) {
      expect(await t.call('operators.setMfaRequired', { operatorId: olga.id, required: true, graceSignIns })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'graceSignIns' } });
    }
    expect(await storedGrace(t, olga.id)).toBeNull();
    const audit = (await t.must('audit.list', { kind: 'operators.mfa-required-changed' })).entries;
    expect(audit[0]!.detail).toEqual({ required: true, graceSignIns: null });
  });
});
