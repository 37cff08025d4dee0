import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpGateway } from '../../../../electron/core/mfa/sms/http-gateway';
import { startFakeTwilio, type FakeTwilio } from '../../../helpers/fake-twilio';

let provider: FakeTwilio;
beforeEach(async () => (provider = await startFakeTwilio()));
afterEach(() => provider.close());

/** Issue 10, item 9: an account id stored before the contract refused it must not steer the request. */
describe('http SMS gateway account id', () => {
  it('refuses an account id that would change the URL path or the Basic credentials, without calling the provider', async () => {
    for (const accountSid of ['../../../../etc/passwd', '..', '.', `${provider.sid}:x`, `${provider.sid}/x`]) {
      const gateway = new HttpGateway({ baseUrl: provider.baseUrl, accountSid, from: '+41790000000', timeoutMs: 2_000 }, async () => provider.token);
      const result = await gateway.send({ to: '+41791234567', body: 'x' });
      expect(result, accountSid).toMatchObject({ ok: false, message: expect.stringMatching(/account id.*not valid/i) });
    }
    expect(provider.received).toEqual([]);
  });

  it('still sends with a real account id', async () => {
    const gateway = new HttpGateway({ baseUrl: `${provider.baseUrl}/`, accountSid: provider.sid, from: '+41790000000' }, async () => provider.token);
    expect(await gateway.send({ to: '+41791234567', body: 'hi' })).toMatchObject({ ok: true });
  });
});
