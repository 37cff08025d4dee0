/**
 * Supervisor approval (issue 15, part 2): when the institution asks for it, a sensitive action carries a
 * second person's login, password and code in its own call. Every call goes through the app's dispatch.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, STRONG_PASSWORD, TEST_ENGINE, type TestCore } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { codeNow, createOperator, enrollTotp, OPERATOR_PASSWORD, signIn } from '../../../helpers/mfa';
import { codeFailures, entries, MINUTE, printed, reissue, throttleRow } from '../../../helpers/sensitive';
import { translate } from '../../../../shared/i18n/translator';

const ALL_APPROVALS = { reissue: true, bulkReissue: true, restore: true, twoStepOff: true };

/**
 * Olga acts (supervisor role, so she may reissue — and approve others, never herself); Sofia approves with an
 * authenticator; Oscar is a plain operator. Approvals are asked for everything.
 */
async function counter(t: TestCore) {
  await t.must('settings.update', { approvals: ALL_APPROVALS });
  await createOperator(t, 'olga', ['supervisor']);
  await createOperator(t, 'sofia', ['supervisor']);
  await createOperator(t, 'oscar', ['operator']);
  await signIn(t, 'sofia', 'sofia-desk');
  const { seed, recoveryCodes } = await enrollTotp(t, 'sofia-desk');
  await t.must('auth.signOut', {}, 'sofia-desk');
  await signIn(t, 'olga', 'olga');
  const [ticket, other] = (await importOrder(t)).tickets.map((x) => x.id) as [number, number];
  return { sofiaSeed: seed, sofiaRecovery: recoveryCodes, ticket, other };
}

const sofia = (code: string, extra: { password?: string; method?: 'totp' | 'sms' | 'recovery' } = {}) => ({
  approval: { login: 'sofia', password: extra.password ?? OPERATOR_PASSWORD, method: extra.method ?? ('totp' as const), code },
});

describe('supervisor approval', () => {
  it('is asked when the institution requires it; her own is refused; a supervisor\'s passes and the audit names both', async () => {
    const t = await makeSetUpCore();
    const { sofiaSeed, ticket, other } = await counter(t);
    expect(await t.must('sensitive.check', { action: 'reissue' }, 'olga')).toMatchObject({ stepUp: { needed: false }, approval: { needed: true } });
    // A ticket nobody has yet needs nobody's approval.
    expect(await reissue(t, other, 'olga')).toMatchObject({ ok: true });
    await printed(t, ticket, 'olga');
    expect(await reissue(t, ticket, 'olga')).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    // Nobody approves her own action, right password and all.
    expect(await reissue(t, ticket, 'olga', { approval: { login: 'olga', password: OPERATOR_PASSWORD } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'approval.login' } });
    expect(await reissue(t, ticket, 'olga', { approval: { login: 'sofia', password: OPERATOR_PASSWORD } })).toMatchObject({ ok: false, error: { code: 'MFA_INVALID', field: 'approval.code' } });
    const done = await reissue(t, ticket, 'olga', sofia(codeNow(t, sofiaSeed)));
    expect(done).toMatchObject({ ok: true });
    const [reissued] = await entries(t, 'delivery.reissued');
    expect(reissued).toMatchObject({ actorLogin: 'olga', subject: String(ticket), detail: { approvedBy: 'sofia' } });
    expect((await entries(t, 'approval.granted'))[0]).toMatchObject({ actorLogin: 'olga', subject: 'sofia', detail: { action: 'reissue', method: 'totp' } });
    expect((await entries(t, 'approval.refused')).map((e) => e.detail.reason)).toEqual(['own']);
  });

  it('binds an approval to its call: the next action asks again, and the same approval sent again is refused', async () => {
    const t = await makeSetUpCore();
    const { sofiaSeed, ticket } = await counter(t);
    const approval = sofia(codeNow(t, sofiaSeed));
    expect(await reissue(t, await printed(t, ticket, 'olga'), 'olga', approval)).toMatchObject({ ok: true });
    await printed(t, ticket, 'olga');
    // What she does next is hers alone: the approval named nobody on it.
    expect((await entries(t, 'delivery.print-issued'))[0]!.detail.approvedBy).toBeUndefined();
    expect(await reissue(t, ticket, 'olga')).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    // Her code was used up by the first call.
    expect(await reissue(t, ticket, 'olga', approval)).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
    // Another kind of action: the approval of a reissue is nothing to a bulk reissue either.
    const order = (await t.must('orders.search', { query: 'SO-1001' })).orders[0]!;
    expect(await t.call('jobs.startReissue', { orderId: order.id, reason: 'Box office error' }, 'olga')).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    t.clock.advance(30_000);
    const { jobId } = await t.must('jobs.startReissue', { orderId: order.id, reason: 'Box office error', ...sofia(codeNow(t, sofiaSeed)) }, 'olga');
    await t.core.internals.jobs.settled(jobId);
    expect((await entries(t, 'job.started'))[0]).toMatchObject({ actorLogin: 'olga', detail: { approvedBy: 'sofia' } });
  });

  it('counts wrong approvals on their own counter: the supervisor can still sign in afterwards', async () => {
    const t = await makeSetUpCore();
    const { sofiaSeed, ticket } = await counter(t);
    await printed(t, ticket, 'olga');
    expect(await reissue(t, ticket, 'olga', sofia('000000'))).toMatchObject({ ok: false, error: { code: 'MFA_INVALID', field: 'approval.code' } });
    expect(await reissue(t, ticket, 'olga', sofia('000000', { password: 'Wrong&Password-1' }))).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID', field: 'approval.password' } });
    // An unknown login: the same answer as a wrong password, counted alike.
    const unknown = await reissue(t, ticket, 'olga', { approval: { login: 'nobody', password: OPERATOR_PASSWORD, method: 'totp', code: '000000' } });
    const wrong = await reissue(t, ticket, 'olga', sofia('000000', { password: 'Wrong&Password-2' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    if (!unknown.ok && !wrong.ok) expect(unknown.error.message).toBe(wrong.error.message);
    expect(await throttleRow(t, 'approve:nobody')).toMatchObject({ failures: 1 });
    for (let i = 0; i < 2; i += 1) await reissue(t, ticket, 'olga', sofia('000000', { password: 'Wrong&Password-3' }));
    // Five wrong approvals: her approval counter is locked, nothing else of hers is.
    expect(await throttleRow(t, 'approve:sofia')).toMatchObject({ failures: 5 });
    expect(await reissue(t, ticket, 'olga', sofia(codeNow(t, sofiaSeed)))).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', field: 'approval.login' } });
    expect(await throttleRow(t, 'sofia')).toBeUndefined();
    expect(await codeFailures(t, 'sofia')).toBe(0);
    expect(await signIn(t, 'sofia', 'sofia-desk')).toMatchObject({ state: 'secondFactor' });
    t.clock.advance(30_000);
    expect(await t.must('mfa.verify', { method: 'totp', code: codeNow(t, sofiaSeed) }, 'sofia-desk')).toMatchObject({ state: 'active' });
    // Once the delay is over a right approval passes and clears the counter.
    t.clock.advance(MINUTE);
    await t.must('orders.search', { query: 'SO' }, 'olga');
    expect(await reissue(t, ticket, 'olga', sofia(codeNow(t, sofiaSeed)))).toMatchObject({ ok: true });
    expect(await throttleRow(t, 'approve:sofia')).toBeUndefined();
    expect((await entries(t, 'approval.refused')).map((e) => e.detail.reason)).toEqual(expect.arrayContaining(['code', 'credentials', 'throttled']));
  });

  it("an admin's Lift lock clears the supervisor's approval counter too", async () => {
    const t = await makeSetUpCore();
    const { sofiaSeed, ticket } = await counter(t);
    await printed(t, ticket, 'olga');
    for (let i = 0; i < 5; i += 1) await reissue(t, ticket, 'olga', sofia('000000', { password: 'Wrong&Password-4' }));
    expect(await reissue(t, ticket, 'olga', sofia(codeNow(t, sofiaSeed)))).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', field: 'approval.login' } });
    const sofiaRow = (await t.must('operators.list', {})).find((o) => o.login === 'sofia')!;
    await t.must('operators.liftThrottle', { operatorId: sofiaRow.id });
    expect(await throttleRow(t, 'approve:sofia')).toBeUndefined();
    // No waiting out the delay: the right approval passes at once.
    await t.must('orders.search', { query: 'SO' }, 'olga');
    expect(await reissue(t, ticket, 'olga', sofia(codeNow(t, sofiaSeed)))).toMatchObject({ ok: true });
  });

  it('guards its own removal: switching a required approval off needs a supervisor, switching one on does not', async () => {
    const t = await makeSetUpCore();
    const { sofiaSeed } = await counter(t);
    const off = { approvals: { ...ALL_APPROVALS, restore: false } };
    expect(await t.must('sensitive.check', { action: 'approvalsOff' })).toMatchObject({ approval: { needed: true } });
    expect(await t.call('settings.update', off)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    // Her own approval (an admin may approve others) is refused; nothing changed.
    expect(await t.call('settings.update', { ...off, approval: { login: 'anna', password: STRONG_PASSWORD } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.must('settings.get', {})).approvals.restore).toBe(true);
    expect((await t.must('settings.update', { ...off, ...sofia(codeNow(t, sofiaSeed)) })).approvals.restore).toBe(false);
    const [changed] = await entries(t, 'settings.changed');
    expect(changed!.detail).toMatchObject({ 'approvals.restore': 'true → false', approvedBy: 'sofia' });
    // Switching it on again, or any other setting, asks nobody.
    expect((await t.must('settings.update', { approvals: ALL_APPROVALS })).approvals.restore).toBe(true);
    expect((await t.must('settings.update', { name: 'Grand Theatre', approvals: ALL_APPROVALS })).name).toBe('Grand Theatre');
    // The audit screen names it.
    expect(translate('en', 'audit.kind.approval.granted', { subject: 'sofia', action: 'approvalsOff', method: 'totp' })).toBe(
      'sofia approved switching a supervisor approval off at this terminal with the authenticator app.',
    );
  });

  it('refuses an account without the supervisor right, and a disabled supervisor', async () => {
    const t = await makeSetUpCore();
    const { sofiaSeed, ticket } = await counter(t);
    await printed(t, ticket, 'olga');
    // Oscar has no second factor: his password is all he can give, and it is right — but he cannot approve.
    const refused = await reissue(t, ticket, 'olga', { approval: { login: 'oscar', password: OPERATOR_PASSWORD } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'approval.login' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/cannot approve/);
    const sofiaRow = (await t.must('operators.list', {})).find((o) => o.login === 'sofia')!;
    await t.must('operators.setDisabled', { operatorId: sofiaRow.id, disabled: true });
    expect(await reissue(t, ticket, 'olga', sofia(codeNow(t, sofiaSeed)))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'approval.login' } });
    expect((await entries(t, 'approval.refused')).map((e) => e.detail.reason)).toEqual(['disabled', 'not-supervisor']);
  });

  it('accepts a recovery code, or a texted approval code that is never sent on a wrong password', async () => {
    const t = await makeSetUpCore();
    const { sofiaSeed, sofiaRecovery, ticket } = await counter(t);
    const [recovery] = sofiaRecovery as [string];
    expect(await reissue(t, await printed(t, ticket, 'olga'), 'olga', sofia(recovery, { method: 'recovery' }))).toMatchObject({ ok: true });
    // Sofia adds a phone at her desk.
    await signIn(t, 'sofia', 'sofia-desk');
    t.clock.advance(30_000);
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, sofiaSeed) }, 'sofia-desk');
    await t.must('mfa.startSms', { country: 'CH', number: '079 123 45 67' }, 'sofia-desk');
    await t.must('mfa.confirmSms', { code: lastCode(t) }, 'sofia-desk');
    t.clock.advance(30_000);
    await printed(t, ticket, 'olga');
    expect(await t.call('sensitive.sendApprovalSms', { action: 'reissue', login: 'sofia', password: 'Wrong&Password-1' }, 'olga')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect(await throttleRow(t, 'approve:sofia')).toMatchObject({ failures: 1 });
    expect(await t.call('sensitive.sendApprovalSms', { action: 'reissue', login: 'olga', password: OPERATOR_PASSWORD }, 'olga')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('sensitive.sendApprovalSms', { action: 'reissue', login: 'oscar', password: OPERATOR_PASSWORD }, 'olga')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const sent = await t.must('sensitive.sendApprovalSms', { action: 'reissue', login: 'sofia', password: OPERATOR_PASSWORD }, 'olga');
    expect(sent.sentTo).toBe('+41 •••• ••45 67');
    expect(t.core.internals.outbox.latest()[0]!.body).toMatch(/approve a colleague/);
    expect(await reissue(t, ticket, 'olga', sofia(lastCode(t), { method: 'sms' }))).toMatchObject({ ok: true });
    expect(await throttleRow(t, 'approve:sofia')).toBeUndefined();
    expect((await entries(t, 'approval.granted'))[0]).toMatchObject({ subject: 'sofia', detail: { method: 'sms' } });
  });

  it('guards bulk reissue, two-step off and restore when chosen, and only those chosen', async () => {
    const t = await makeSetUpCore();
    const { seed } = await enrollTotp(t, 'seat-1');
    await t.must('settings.update', { approvals: { reissue: false, bulkReissue: false, restore: true, twoStepOff: true } });
    expect((await entries(t, 'settings.changed'))[0]!.detail).toEqual({ 'approvals.restore': 'false → true', 'approvals.twoStepOff': 'false → true' });
    await createOperator(t, 'sofia', ['supervisor']);
    const order = await importOrder(t);
    // Not chosen: a bulk reissue needs her own fresh proof only.
    const { jobId } = await t.must('jobs.startReissue', { orderId: order.id, reason: 'Box office error' });
    await t.core.internals.jobs.settled(jobId);
    await t.must('mfa.setFeature', { enabled: true });
    expect(await t.call('mfa.setFeature', { enabled: false })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const approval = { approval: { login: 'sofia', password: OPERATOR_PASSWORD } };
    expect((await t.must('mfa.setFeature', { enabled: false, ...approval })).enabled).toBe(false);
    expect((await entries(t, 'settings.mfa-feature'))[0]).toMatchObject({ actorLogin: 'anna', detail: { enabled: false, approvedBy: 'sofia' } });
    const sofiaRow = (await t.must('operators.list', {})).find((o) => o.login === 'sofia')!;
    expect(await t.call('operators.setMfaRequired', { operatorId: sofiaRow.id, required: false })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    // Step-up comes first: a stale proof is asked for before the approval.
    t.clock.advance(6 * MINUTE);
    expect(await t.call('operators.setMfaRequired', { operatorId: sofiaRow.id, required: false, ...approval })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    await t.must('operators.setMfaRequired', { operatorId: sofiaRow.id, required: false, stepUp: { method: 'totp', code: codeNow(t, seed) }, ...approval });
    expect((await entries(t, 'operators.mfa-required-changed'))[0]).toMatchObject({ detail: { required: false, approvedBy: 'sofia' } });
    if (TEST_ENGINE === 'postgres') return;
    const backup = await t.must('backup.create', {});
    expect(await t.call('backup.restore', { path: backup.path, password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    await t.must('backup.restore', { path: backup.path, password: STRONG_PASSWORD, ...approval });
    // The restored log's marker names both.
    expect((await entries(t, 'store.restored'))[0]).toMatchObject({ actorLogin: 'anna', detail: { approvedBy: 'sofia' } });
  });
});

/** The newest code in the outbox (the fake phone). */
function lastCode(t: TestCore): string {
  const code = /(\d{6})/.exec(t.core.internals.outbox.latest()[0]?.body ?? '')?.[1];
  if (!code) throw new Error('no code in the outbox');
  return code;
}
