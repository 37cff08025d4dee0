import { describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../helpers/core';
import { createOperator, OPERATOR_PASSWORD, signIn, switchFeatureOn } from '../../../helpers/mfa';

/** The fake phone: the newest code texted to a number, read from the outbox. */
function lastCode(t: TestCore, to = '+41791234567'): string {
  const message = t.core.internals.outbox.latest().find((m) => m.to === to);
  const code = /(\d{6})/.exec(message?.body ?? '')?.[1];
  if (!code) throw new Error('no code in the outbox');
  return code;
}

async function enrollSms(t: TestCore, seat: string) {
  const sent = await t.must('mfa.startSms', { country: 'CH', number: '079 123 45 67' }, seat);
  expect(sent.sentTo).toBe('+41 •••• ••45 67');
  return t.must('mfa.confirmSms', { code: lastCode(t) }, seat);
}

describe('SMS codes', () => {
  it('enrolls a phone and signs in with a texted code (outbox gateway)', async () => {
    const t = await makeSetUpCore();
    await switchFeatureOn(t);
    await createOperator(t, 'sam');
    await signIn(t, 'sam', 's1');
    const enrolled = await enrollSms(t, 's1');
    expect(enrolled.session.state).toBe('active');
    expect(enrolled.recoveryCodes).toHaveLength(10);
    await t.must('auth.signOut', {}, 's1');
    const pending = await signIn(t, 'sam', 's1');
    expect(pending).toMatchObject({ state: 'secondFactor', methods: { totp: false, sms: { hint: '+41 •••• ••45 67' } } });
    t.clock.advance(30_000);
    await t.must('mfa.sendSms', {}, 's1');
    expect((await t.must('mfa.verify', { method: 'sms', code: lastCode(t) }, 's1')).state).toBe('active');
    // Single use.
    await t.must('auth.signOut', {}, 's1');
    await signIn(t, 'sam', 's1');
    expect(await t.call('mfa.verify', { method: 'sms', code: lastCode(t) }, 's1')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
  });

  it('refuses a number that is not a valid mobile number, saying which field', async () => {
    const t = await makeSetUpCore();
    expect(await t.call('mfa.startSms', { country: 'CH', number: '123' }, 'seat-1')).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'number' } });
    expect(await t.call('mfa.startSms', { country: 'ZZ', number: '079 123 45 67' }, 'seat-1')).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'country' } });
    expect(await t.call('mfa.startSms', { country: 'CH', number: '044 668 18 00' }, 'seat-1')).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'number' } });
  });

  it('limits resends (30 s apart, 5 in 15 minutes), binds codes to their challenge, and expires them after 10 minutes', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'sam');
    await signIn(t, 'sam', 's1');
    await enrollSms(t, 's1');
    await t.must('auth.signOut', {}, 's1');
    await signIn(t, 'sam', 's1');
    t.clock.advance(30_000);
    await t.must('mfa.sendSms', {}, 's1');
    const first = lastCode(t);
    const early = await t.call('mfa.sendSms', {}, 's1');
    expect(early).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', retryAt: t.clock.now() + 30_000 } });
    t.clock.advance(30_000);
    await t.must('mfa.sendSms', {}, 's1');
    const second = lastCode(t);
    // A new code supersedes the old one (unless they happen to be equal).
    if (first !== second) expect(await t.call('mfa.verify', { method: 'sms', code: first }, 's1')).toMatchObject({ error: { code: 'MFA_INVALID' } });
    t.clock.advance(30_000);
    await t.must('mfa.sendSms', {}, 's1');
    t.clock.advance(30_000);
    await t.must('mfa.sendSms', {}, 's1');
    t.clock.advance(30_000);
    // Five sends in 15 minutes (the enrollment text counts): the sixth is refused.
    const limited = await t.call('mfa.sendSms', {}, 's1');
    expect(limited).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    if (!limited.ok) expect(limited.error.message).toMatch(/15 minutes/);
    // Expiry: a fresh pending sign-in, a code, 10 minutes later.
    t.clock.advance(15 * 60_000);
    await signIn(t, 'sam', 's2');
    await t.must('mfa.sendSms', {}, 's2');
    const code = lastCode(t);
    t.clock.advance(4 * 60_000);
    await t.must('auth.signOut', {}, 's2');
    await signIn(t, 'sam', 's2');
    t.clock.advance(4 * 60_000);
    await t.must('auth.signOut', {}, 's2');
    await signIn(t, 'sam', 's2');
    t.clock.advance(2 * 60_000);
    expect(await t.call('mfa.verify', { method: 'sms', code }, 's2')).toMatchObject({ ok: false, error: { code: 'MFA_INVALID' } });
  });

  it('does not reset the failure count when a new code is sent', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'sam');
    await signIn(t, 'sam', 's1');
    await enrollSms(t, 's1');
    await t.must('auth.signOut', {}, 's1');
    await signIn(t, 'sam', 's1');
    for (let i = 0; i < 5; i++) await t.call('mfa.verify', { method: 'sms', code: '000000' }, 's1');
    t.clock.advance(30_000);
    await t.must('mfa.sendSms', {}, 's1');
    // Still throttled (sixth failure doubles to 4 s) although a fresh code arrived.
    expect(await t.call('mfa.verify', { method: 'sms', code: '000001' }, 's1')).toMatchObject({ error: { code: 'MFA_INVALID' } });
    expect(await t.call('mfa.verify', { method: 'sms', code: lastCode(t) }, 's1')).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    t.clock.advance(4_000);
    expect((await t.must('mfa.verify', { method: 'sms', code: lastCode(t) }, 's1')).state).toBe('active');
  });

  it('never stores the phone number or a code in clear, and the developer outbox is off unless asked for', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'sam');
    await signIn(t, 'sam', 's1');
    await enrollSms(t, 's1');
    const rows = await t.core.internals.sql.all<{ phone_sealed: string; phone_hint: string }>('SELECT phone_sealed, phone_hint FROM mfa_phone');
    expect(rows[0]!.phone_sealed).not.toContain('791234567');
    const audit = JSON.stringify(await t.core.internals.audit.recent(50));
    expect(audit).not.toContain('791234567');
    expect(audit).not.toContain(lastCode(t));
    expect(await t.call('dev.smsOutbox', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    void OPERATOR_PASSWORD;
  });
});
