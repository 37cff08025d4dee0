import { describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../helpers/core';
import { orderJson } from '../../../helpers/delivery';

async function orderWithPhone(t: TestCore, phone: string | null) {
  await t.must('orders.import', { format: 'json', content: JSON.stringify({ orders: [{ ...orderJson(), customer: { name: 'Clara Customer', email: 'clara@example.com', phone } }] }) });
  const [found] = (await t.must('orders.search', { query: 'SO-1001' })).orders;
  return t.must('orders.get', { orderId: found!.id });
}

describe('the mobile ticket sent as a link by SMS', () => {
  it('issues to mobile and texts the link with the current barcode; the audit names a masked number, never the barcode', async () => {
    const t = await makeSetUpCore();
    await t.core.internals.settings.set('mobileTicketUrl', 'https://tickets.example.com/m/{barcode}');
    const order = await orderWithPhone(t, '+41 79 123 45 67');
    const ticket = order.tickets[0]!;
    const sent = await t.must('delivery.sendMobileLink', { ticketId: ticket.id });
    expect(sent).toEqual({ ticketId: ticket.id, sentTo: expect.stringMatching(/^\+41 •+/) });
    const [message] = t.core.internals.outbox.latest(1);
    expect(message).toMatchObject({ to: '+41791234567', body: expect.stringContaining(`https://tickets.example.com/m/${ticket.barcode}`) });
    expect((await t.must('orders.get', { orderId: order.id })).tickets[0]!.state).toBe('mobile');
    const audit = JSON.stringify(await t.core.internals.audit.recent(20));
    expect(audit).toContain('delivery.mobile-link-sent');
    expect(audit).not.toContain(ticket.barcode);
  });

  it('refuses without changing anything: no link address, no usable number, a ticket locked to print@home', async () => {
    const t = await makeSetUpCore();
    const order = await orderWithPhone(t, null);
    const [a, b] = order.tickets;
    expect(await t.call('delivery.sendMobileLink', { ticketId: a!.id, phone: '+41791234567' })).toMatchObject({ ok: false, error: { code: 'SMS_UNAVAILABLE' } });
    await t.core.internals.settings.set('mobileTicketUrl', 'https://tickets.example.com/m/{barcode}');
    expect(await t.call('delivery.sendMobileLink', { ticketId: a!.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'phone' } });
    expect(await t.call('delivery.sendMobileLink', { ticketId: a!.id, phone: '079 123' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'phone' } });
    await t.must('delivery.printAtHome', { ticketId: b!.id });
    expect(await t.call('delivery.sendMobileLink', { ticketId: b!.id, phone: '+41791234567' })).toMatchObject({ ok: false, error: { code: 'DELIVERY_LOCKED' } });
    expect(t.core.internals.outbox.latest(5)).toHaveLength(0);
    expect((await t.must('orders.get', { orderId: order.id })).counts).toEqual({ none: 1, mobile: 0, print_at_home: 1 });
  });
});
