/**
 * Step-up (issue 15, part 1): a sensitive action asks the acting operator's second factor again — her
 * password when she has none — once her last proof is older than the institution's window. Every call
 * goes through the app's dispatch, as a screen's would.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, STRONG_PASSWORD, TEST_ENGINE, type TestCore } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { codeNow, createOperator, enrollTotp, OPERATOR_PASSWORD, signIn, switchFeatureOn } from '../../../helpers/mfa';
import { codeFailures, entries, MINUTE, printed, reissue, throttleRow } from '../../../helpers/sensitive';

/** Olga (supervisor role: she may reissue) with an authenticator, signed in once with "remember this device". */
async function olgaWithRememberedDevice(t: TestCore) {
  await switchFeatureOn(t);
  await createOperator(t, 'olga', ['supervisor']);
  await signIn(t, 'olga', 'o1');
  const { seed, recoveryCodes } = await enrollTotp(t, 'o1');
  await t.must('auth.signOut', {}, 'o1');
  await signIn(t, 'olga', 'o1');
  await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: true }, 'o1');
  return { seed, recoveryCodes };
}

describe('step-up', () => {
  it('asks again once the last proof is 5 minutes old, never for a ticket not delivered, and a proof counts from then', async () => {
    const t = await makeSetUpCore();
    const [a, b] = (await importOrder(t)).tickets.map((ticket) => ticket.id) as [number, number];
    // Anna has no second factor: setting up with her password was her proof.
    expect(await t.must('sensitive.check', { action: 'reissue' })).toEqual({ stepUp: { needed: false, methods: ['password'], phone: null, minutes: 5 }, approval: { needed: false } });
    expect(await reissue(t, await printed(t, a))).toMatchObject({ ok: true });
    t.clock.advance(5 * MINUTE - 1_000);
    expect(await reissue(t, await printed(t, a))).toMatchObject({ ok: true });
    t.clock.advance(1_000);
    await printed(t, a);
    const asked = await reissue(t, a);
    expect(asked).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED', field: 'stepUp' } });
    if (!asked.ok) expect(asked.error.message).toMatch(/more than 5 minutes old\. Enter your password/);
    expect((await t.must('sensitive.check', { action: 'reissue' })).stepUp.needed).toBe(true);
    // A ticket nobody has yet is reissued without asking.
    expect(await reissue(t, b)).toMatchObject({ ok: true });
    expect(await reissue(t, a, 'seat-1', { stepUp: { method: 'password', code: STRONG_PASSWORD } })).toMatchObject({ ok: true });
    // Proved just now: the next sensitive action asks nothing.
    expect(await reissue(t, await printed(t, a))).toMatchObject({ ok: true });
    expect((await entries(t, 'auth.step-up'))[0]).toMatchObject({ actorLogin: 'anna', detail: { action: 'reissue', method: 'password' } });
  });

  it('takes its window from the institution settings, 1 to 60 minutes', async () => {
    const t = await makeSetUpCore();
    const [a] = (await importOrder(t)).tickets.map((ticket) => ticket.id) as [number];
    for (const stepUpMinutes of [0, 61, 2.5]) {
      expect(await t.call('settings.update', { stepUpMinutes })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'stepUpMinutes' } });
    }
    expect((await t.must('settings.update', { stepUpMinutes: 30 })).stepUpMinutes).toBe(30);
    expect((await entries(t, 'settings.changed'))[0]!.detail).toMatchObject({ stepUpMinutes: '5 → 30' });
    // Within 30 minutes (with activity, so the idle lock stays away) nothing is asked.
    t.clock.advance(14 * MINUTE);
    await t.must('orders.search', { query: 'SO' });
    t.clock.advance(14 * MINUTE);
    expect(await reissue(t, await printed(t, a))).toMatchObject({ ok: true });
    await t.must('settings.update', { stepUpMinutes: 1 });
    expect((await t.must('sensitive.check', { action: 'restore' })).stepUp).toMatchObject({ needed: true, minutes: 1 });
    expect(await reissue(t, await printed(t, a))).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
  });

  it('asks at the first sensitive action after a remembered-device sign-in, and her password is no proof once she has a factor', async () => {
    const t = await makeSetUpCore();
    const { seed } = await olgaWithRememberedDevice(t);
    const [ticket] = (await importOrder(t)).tickets.map((x) => x.id) as [number];
    // The code she just gave at sign-in is her proof.
    expect(await reissue(t, await printed(t, ticket, 'o1'), 'o1')).toMatchObject({ ok: true });
    await t.must('auth.signOut', {}, 'o1');
    t.clock.advance(30_000);
    expect((await signIn(t, 'olga', 'o2')).state).toBe('active');
    expect(await t.must('sensitive.check', { action: 'reissue' }, 'o2')).toMatchObject({ stepUp: { needed: true, methods: ['totp', 'recovery'] } });
    await printed(t, ticket, 'o2');
    const asked = await reissue(t, ticket, 'o2');
    expect(asked).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    if (!asked.ok) expect(asked.error.message).toMatch(/authenticator app, a text message or a recovery code/);
    expect(await reissue(t, ticket, 'o2', { stepUp: { method: 'password', code: OPERATOR_PASSWORD } })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED', field: 'stepUp.method' } });
    expect(await reissue(t, ticket, 'o2', { stepUp: { method: 'totp', code: codeNow(t, seed) } })).toMatchObject({ ok: true });
    expect((await entries(t, 'auth.step-up'))[0]).toMatchObject({ actorLogin: 'olga', detail: { action: 'reissue', method: 'totp' } });
    expect((await entries(t, 'auth.step-up-failed'))[0]).toMatchObject({ actorLogin: 'olga', detail: { action: 'reissue', method: 'password', reason: 'password-refused' } });
  });

  it('uses a code up, counts wrong codes on her sign-in code counter, and locks the session at the tenth', async () => {
    const t = await makeSetUpCore();
    const { seed, recoveryCodes } = await olgaWithRememberedDevice(t);
    await t.must('auth.signOut', {}, 'o1');
    const [ticket] = (await importOrder(t)).tickets.map((x) => x.id) as [number];
    t.clock.advance(30_000);
    // Two sessions a remembered device let in, at the same moment: neither has a proof.
    await signIn(t, 'olga', 'o2');
    await signIn(t, 'olga', 'o3');
    const code = codeNow(t, seed);
    expect(await reissue(t, await printed(t, ticket, 'o2'), 'o2', { stepUp: { method: 'totp', code } })).toMatchObject({ ok: true });
    await printed(t, ticket, 'o3');
    expect(await reissue(t, ticket, 'o3', { stepUp: { method: 'totp', code } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID', field: 'stepUp.code' } });
    // A recovery code works once.
    const [recovery] = recoveryCodes as [string];
    expect(await reissue(t, ticket, 'o3', { stepUp: { method: 'recovery', code: recovery } })).toMatchObject({ ok: true });
    t.clock.advance(5 * MINUTE);
    await printed(t, ticket, 'o3');
    expect(await reissue(t, ticket, 'o3', { stepUp: { method: 'recovery', code: recovery } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    expect(await codeFailures(t, 'olga')).toBe(1);
    // Five wrong codes, as at sign-in, then a delay — shared with the sign-in code step.
    for (let i = 0; i < 4; i += 1) expect(await reissue(t, ticket, 'o3', { stepUp: { method: 'totp', code: '000000' } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    expect(await codeFailures(t, 'olga')).toBe(5);
    expect(await reissue(t, ticket, 'o3', { stepUp: { method: 'totp', code: codeNow(t, seed) } })).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    const row = (await t.must('operators.list', {})).find((o) => o.login === 'olga')!;
    expect(row.throttledUntil).toBeGreaterThan(t.clock.now());
    // The tenth wrong code locks the session: her password (throttled like a sign-in) is needed again.
    for (let i = 5; i < 9; i += 1) {
      t.clock.advance(MINUTE);
      expect(await reissue(t, ticket, 'o3', { stepUp: { method: 'totp', code: '000000' } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    }
    t.clock.advance(MINUTE);
    expect(await reissue(t, ticket, 'o3', { stepUp: { method: 'totp', code: '000000' } })).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await t.call('orders.search', { query: 'SO' }, 'o3')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect((await entries(t, 'auth.step-up-failed'))[0]).toMatchObject({ detail: { failures: 10, locked: true } });
  });

  it('takes her password when she has no factor, counting a wrong one on her sign-in throttle', async () => {
    const t = await makeSetUpCore();
    const [ticket] = (await importOrder(t)).tickets.map((x) => x.id) as [number];
    t.clock.advance(5 * MINUTE);
    await printed(t, ticket);
    expect(await reissue(t, ticket, 'seat-1', { stepUp: { method: 'totp', code: '123456' } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    expect(await reissue(t, ticket, 'seat-1', { stepUp: { method: 'password', code: 'Not&Her-Password1' } })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID', field: 'stepUp.code' } });
    expect(await throttleRow(t, 'anna')).toMatchObject({ failures: 1 });
    expect(await reissue(t, ticket, 'seat-1', { stepUp: { method: 'password', code: STRONG_PASSWORD } })).toMatchObject({ ok: true });
    expect(await throttleRow(t, 'anna')).toBeUndefined();
  });

  it('texts a step-up code of its own purpose: it passes here, and a sign-in code does not', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'sam', ['supervisor']);
    await signIn(t, 'sam', 's1');
    await t.must('mfa.startSms', { country: 'CH', number: '079 123 45 67' }, 's1');
    await t.must('mfa.confirmSms', { code: lastCode(t) }, 's1');
    const [ticket] = (await importOrder(t)).tickets.map((x) => x.id) as [number];
    t.clock.advance(5 * MINUTE);
    expect(await t.must('sensitive.check', { action: 'reissue' }, 's1')).toMatchObject({ stepUp: { needed: true, methods: ['sms', 'recovery'], phone: '+41 •••• ••45 67' } });
    await printed(t, ticket, 's1');
    const sent = await t.must('sensitive.sendStepUpSms', {}, 's1');
    expect(sent.sentTo).toBe('+41 •••• ••45 67');
    expect(t.core.internals.outbox.latest()[0]!.body).toMatch(/code to confirm an action/);
    const stepUpCode = lastCode(t);
    // A sign-in code texted since (her sign-in at another desk) is not a step-up code.
    await t.must('auth.signIn', { login: 'sam', password: OPERATOR_PASSWORD }, 'desk-2');
    t.clock.advance(30_000);
    await t.must('mfa.sendSms', {}, 'desk-2');
    expect(await reissue(t, ticket, 's1', { stepUp: { method: 'sms', code: lastCode(t) } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    expect(await reissue(t, ticket, 's1', { stepUp: { method: 'sms', code: stepUpCode } })).toMatchObject({ ok: true });
    expect((await entries(t, 'mfa.sms-sent')).map((e) => e.detail.purpose)).toContain('step-up');
  });

  it('guards every sensitive channel through dispatch: bulk reissue, two-step off, releasing and resetting factors, restore', async () => {
    const t = await makeSetUpCore();
    // Anna sets up an authenticator by choice: that code is her proof.
    const { seed } = await enrollTotp(t, 'seat-1');
    await createOperator(t, 'olga');
    const olga = (await t.must('operators.list', {})).find((o) => o.login === 'olga')!;
    const order = await importOrder(t);
    await t.must('mfa.setFeature', { enabled: true });
    const stale = async () => {
      t.clock.advance(6 * MINUTE);
      return { stepUp: { method: 'totp' as const, code: codeNow(t, seed) } };
    };

    let proof = await stale();
    expect(await t.call('jobs.startReissue', { orderId: order.id, reason: 'Box office error' })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    const { jobId } = await t.must('jobs.startReissue', { orderId: order.id, reason: 'Box office error', ...proof });
    await t.core.internals.jobs.settled(jobId);

    proof = await stale();
    // Switching on is not sensitive; switching off is.
    expect(await t.call('mfa.setFeature', { enabled: true })).toMatchObject({ ok: true });
    expect(await t.call('mfa.setFeature', { enabled: false })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    expect((await t.must('mfa.setFeature', { enabled: false, ...proof })).enabled).toBe(false);

    proof = await stale();
    expect(await t.call('operators.setMfaRequired', { operatorId: olga.id, required: true })).toMatchObject({ ok: true });
    expect(await t.call('operators.setMfaRequired', { operatorId: olga.id, required: false })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    expect((await t.must('operators.setMfaRequired', { operatorId: olga.id, required: false, ...proof })).mfaRequired).toBe(false);

    proof = await stale();
    expect(await t.call('operators.resetMfa', { operatorId: olga.id })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    await t.must('operators.resetMfa', { operatorId: olga.id, ...proof });

    const kinds = (await entries(t, 'auth.step-up')).map((e) => e.detail.action);
    expect(kinds).toEqual(expect.arrayContaining(['bulkReissue', 'twoStepOff', 'resetFactors']));

    proof = await stale();
    if (TEST_ENGINE === 'postgres') {
      // A venue database is restored with its own tools: answered before anything is asked.
      expect(await t.call('backup.restore', { path: '/tmp/none.sqlite', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      return;
    }
    const backup = await t.must('backup.create', {});
    // Her password every time, and her second factor too when the proof is stale.
    expect(await t.call('backup.restore', { path: backup.path, password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    expect(await t.must('backup.restore', { path: backup.path, password: STRONG_PASSWORD, ...proof })).toMatchObject({ restoredFrom: backup.path });
  });
});

/** The newest code in the outbox (the fake phone). */
function lastCode(t: TestCore): string {
  const code = /(\d{6})/.exec(t.core.internals.outbox.latest()[0]?.body ?? '')?.[1];
  if (!code) throw new Error('no code in the outbox');
  return code;
}
