import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpGateway } from '../../../../electron/core/mfa/sms/http-gateway';
import { makeSetUpCore } from '../../../helpers/core';
import { startFakeTwilio, type FakeTwilio } from '../../../helpers/fake-twilio';
import { codeNow, createOperator, enrollTotp, signIn, storeText } from '../../../helpers/mfa';

let provider: FakeTwilio;
beforeEach(async () => (provider = await startFakeTwilio()));
afterEach(() => provider.close());

const gateway = (token: string | null = provider.token, timeoutMs = 2_000) =>
  new HttpGateway({ baseUrl: provider.baseUrl, accountSid: provider.sid, from: '+41790000000', timeoutMs }, async () => token);

describe('http SMS gateway (Twilio-compatible)', () => {
  it('sends with basic auth and a form body, and returns the provider\'s id', async () => {
    const result = await gateway().send({ to: '+41791234567', body: 'Your Box Office code is 123456.' });
    expect(result).toMatchObject({ ok: true, id: expect.stringMatching(/^SM/) });
    expect(provider.received).toEqual([{ to: '+41791234567', from: '+41790000000', body: 'Your Box Office code is 123456.' }]);
  });

  it('turns every provider failure into a clear message', async () => {
    provider.mode = 'bad-number';
    const bad = await gateway().send({ to: '+41791234567', body: 'x' });
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/21211.*not a valid phone number/) });
    provider.mode = 'server-error';
    expect(await gateway().send({ to: '+41791234567', body: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/could not send/) });
    provider.mode = 'ok';
    expect(await gateway('wrong-token').send({ to: '+41791234567', body: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/refused this terminal's credentials/) });
    expect(await gateway(null).send({ to: '+41791234567', body: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/no credentials/) });
    provider.mode = 'hang';
    const started = Date.now();
    expect(await gateway(provider.token, 300).send({ to: '+41791234567', body: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/did not answer in time/) });
    expect(Date.now() - started).toBeLessThan(2_000);
    const unreachable = new HttpGateway({ baseUrl: 'http://127.0.0.1:1', accountSid: provider.sid, from: '+1', timeoutMs: 1_000 }, async () => 't');
    expect(await unreachable.send({ to: '+41791234567', body: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be reached/) });
  });

  it('in the app: credentials are read at send time; a provider failure says so and the authenticator still works', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'sam');
    await signIn(t, 'sam', 's1');
    // The operator has both methods: SMS through the provider, and an authenticator.
    await t.must('settings.setSmsGateway', { kind: 'http', baseUrl: provider.baseUrl, accountSid: provider.sid, from: '+41790000000', authToken: provider.token });
    await t.must('mfa.startSms', { country: 'CH', number: '079 123 45 67' }, 's1');
    const code = /(\d{6})/.exec(provider.received.at(-1)!.body)![1]!;
    await t.must('mfa.confirmSms', { code }, 's1');
    const { seed } = await enrollTotp(t, 's1');
    await t.must('auth.signOut', {}, 's1');
    // The token never reached the store in clear.
    expect(await storeText(t)).not.toContain(provider.token);

    await signIn(t, 'sam', 's1');
    provider.mode = 'server-error';
    const failed = await t.call('mfa.sendSms', {}, 's1');
    expect(failed).toMatchObject({ ok: false, error: { code: 'SMS_UNAVAILABLE' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/authenticator app or a recovery code/);
    expect((await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 's1')).state).toBe('active');
  });
});
