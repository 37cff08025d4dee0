import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { makeSetUpCore } from '../../helpers/core';
import { importOrder, orderJson } from '../../helpers/delivery';
import { ONE_TIME_PASSWORD } from '../../helpers/mfa';

/** Issue 10, item 9: invisible text must not pass as required text, on any channel. */
describe('free text refuses invisible and control characters', () => {
  it('a reissue reason of NULs or zero-width spaces is refused and the barcode stays valid', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    const ticket = order.tickets[0]!;
    for (const reason of ['\u0000\u0000\u0000', '\u200b\u200b\u200b', 'ok\u202e!']) {
      const result = await t.call('delivery.reissue', { ticketId: ticket.id, reason });
      expect(result, JSON.stringify(reason)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason', message: expect.stringMatching(/^Reason: /) } });
      const all = await t.call('jobs.startReissue', { orderId: order.id, reason });
      expect(all, JSON.stringify(reason)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason' } });
    }
    const after = await t.must('orders.get', { orderId: order.id });
    expect(after.tickets[0]!.barcode).toBe(ticket.barcode);
  });

  it('the institution name (the authenticator issuer) refuses NUL, a right-to-left override and a lone surrogate', async () => {
    const t = await makeSetUpCore();
    for (const name of ['Opera\u0000', 'Opera \u202eesuoH', 'Opera \ud800']) {
      expect(await t.call('settings.update', { name }), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
    }
    expect((await t.must('settings.update', { name: '  Ope\u0301ra  ' })).name).toBe('Opéra');
  });

  it('the SMS account id refuses path and credential characters', async () => {
    const t = await makeSetUpCore();
    for (const accountSid of ['../../../../etc/passwd', 'AC12:x', '..', 'AC\u0000']) {
      const result = await t.call('settings.setSmsGateway', { kind: 'http', baseUrl: 'https://api.example.com', accountSid, from: '+41790000000', authToken: 'token' });
      expect(result, accountSid).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'accountSid' } });
    }
  });

  it('display names and device labels refuse invisible text', async () => {
    const t = await makeSetUpCore();
    const created = await t.call('operators.create', { login: 'zed', displayName: '\u200b\u200b', roles: ['operator'], password: ONE_TIME_PASSWORD });
    expect(created).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'displayName' } });
    expect(await t.call('operators.create', { login: 'zed', displayName: 'Zed\u0000', roles: ['operator'], password: ONE_TIME_PASSWORD })).toMatchObject({ ok: false, error: { field: 'displayName' } });
    // The label of a remembered device is checked by the same schema before the code is looked at.
    const label = contract['mfa.verify'].input.safeParse({ method: 'totp', code: '123456', rememberDevice: true, deviceLabel: 'Desk \u202eevil' });
    expect(label.success ? null : label.error.issues[0]?.path).toEqual(['deviceLabel']);
  });

  it('import refuses control characters in free-text fields, naming row and field', async () => {
    const t = await makeSetUpCore();
    const dirty = orderJson({ number: 'J-1' });
    dirty.customer.name = '\u0000\u0000';
    const other = orderJson({ number: 'J-2' });
    other.tickets[1]!.seat = 'A\u202e1';
    const result = await t.call('orders.import', { format: 'json', content: JSON.stringify({ orders: [dirty, other] }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'content' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/order 1, customer\.name: Remove the invisible or control characters/);
      expect(result.error.message).toMatch(/order 2, tickets\.1\.seat: Remove the invisible or control characters/);
    }
    expect((await t.must('orders.search', { query: 'J-2' })).orders).toHaveLength(0);
  });
});
