import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';

describe('gate admission is per ticket, not per barcode', () => {
  it('a duplicate made after the original got in is "already scanned", naming the earlier barcode', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    const [event] = await t.must('gate.events', {});
    const ticket = order.tickets[0]!;
    expect((await t.must('gate.scan', { eventId: event!.id, barcode: ticket.barcode })).result).toBe('valid');
    await t.must('delivery.reissue', { ticketId: ticket.id, reason: 'Customer says the printout is lost' });
    const duplicate = (await t.must('orders.get', { orderId: order.id })).tickets[0]!.barcode;
    t.clock.advance(5 * 60_000);
    const second = await t.must('gate.scan', { eventId: event!.id, barcode: duplicate });
    expect(second.result).toBe('alreadyScanned');
    expect(second.detail).toMatch(/^Admitted at \d\d:\d\d at Test terminal with an earlier barcode \(the original\)\.$/);
  });

  it('reads a barcode typed in the groups of four printed on the PDF', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    const [event] = await t.must('gate.events', {});
    const grouped = order.tickets[1]!.barcode.toLowerCase().match(/.{1,4}/g)!.join(' ');
    expect((await t.must('gate.scan', { eventId: event!.id, barcode: grouped })).result).toBe('valid');
    expect((await t.must('orders.search', { query: grouped })).orders.map((o) => o.number)).toEqual(['SO-1001']);
  });
});
