import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { createOperator, signIn } from '../../../helpers/mfa';

describe('ticket delivery (the SecuTix example)', () => {
  it('locks each ticket to the first mode issued, and reopening print@home gives the very same PDF', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    expect(order).toMatchObject({ checkoutMode: 'mobile', allowedModes: ['mobile', 'print_at_home'], paid: true, ticketCount: 2 });
    const [first, second] = order.tickets;
    // Nothing issued yet: the customer may still choose either mode per ticket.
    expect(first!.actions).toMatchObject({ mobile: { allowed: true }, printAtHome: { allowed: true } });

    expect(await t.must('delivery.issueMobile', { ticketIds: [first!.id] })).toEqual({ issued: 1, refused: [] });
    const refused = await t.call('delivery.printAtHome', { ticketId: first!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DELIVERY_LOCKED' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Issued to mobile on \d+ \w+ at \d\d:\d\d by Anna Admin at Test terminal — printing it would invalidate the mobile ticket/);

    const pdf = await t.must('delivery.printAtHome', { ticketId: second!.id });
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.reopened).toBe(false);
    t.clock.advance(60_000);
    const again = await t.must('delivery.printAtHome', { ticketId: second!.id });
    expect(again.pdfBase64).toBe(pdf.pdfBase64);
    expect(again.sha256).toBe(pdf.sha256);
    expect(again.reopened).toBe(true);
    expect(await t.call('delivery.issueMobile', { ticketIds: [second!.id] })).toMatchObject({ ok: false, error: { code: 'DELIVERY_LOCKED' } });

    const view = await t.must('orders.get', { orderId: order.id });
    expect(view.counts).toEqual({ none: 0, mobile: 1, print_at_home: 1 });
    expect(view.tickets[0]).toMatchObject({ state: 'mobile', issuedBy: 'Anna Admin', issuedTerminal: 'Test terminal', actions: { printAtHome: { allowed: false } } });
    expect(view.tickets[0]!.actions.printAtHome.reason).toMatch(/invalidate the mobile ticket/);
    expect(view.tickets[1]!.actions.mobile.reason).toMatch(/^Printed as print@home/);
  });

  it('issues to mobile again without change, and issues several tickets at once', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 5 });
    await t.must('delivery.printAtHome', { ticketId: order.tickets[0]!.id });
    await t.must('delivery.issueMobile', { ticketIds: [order.tickets[1]!.id] });
    const barcode = (await t.must('orders.get', { orderId: order.id })).tickets[1]!.barcode;
    expect(await t.must('delivery.issueMobile', { ticketIds: [order.tickets[1]!.id] })).toEqual({ issued: 0, refused: [] });
    expect((await t.must('orders.get', { orderId: order.id })).tickets[1]!.barcode).toBe(barcode);
    const all = await t.must('delivery.issueMobile', { ticketIds: order.tickets.slice(2).map((ticket) => ticket.id) });
    expect(all).toEqual({ issued: 3, refused: [] });
    expect((await t.must('orders.get', { orderId: order.id })).counts).toEqual({ none: 0, mobile: 4, print_at_home: 1 });
  });

  it('refuses a mode the order does not allow, an unpaid order and an unknown ticket, changing nothing', async () => {
    const t = await makeSetUpCore();
    const mobileOnly = await importOrder(t, { number: 'M-1', allowedModes: ['mobile'] });
    const refused = await t.call('delivery.printAtHome', { ticketId: mobileOnly.tickets[0]!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/does not allow print@home/) } });
    const unpaid = await importOrder(t, { number: 'U-1', paid: false });
    expect(await t.call('delivery.issueMobile', { ticketIds: [unpaid.tickets[0]!.id] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not paid/) } });
    expect(await t.call('delivery.printAtHome', { ticketId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('delivery.issueMobile', { ticketIds: [999_999] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('delivery.printAtHome', { ticketId: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await t.must('orders.get', { orderId: mobileOnly.id })).counts.none).toBe(2);
    expect((await t.must('orders.get', { orderId: unpaid.id })).counts.none).toBe(2);
  });

  it('reissues: the old barcode is revoked, a new one is made, the generation rises and the choice is free again', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    const ticket = order.tickets[0]!;
    const original = await t.must('delivery.printAtHome', { ticketId: ticket.id });
    expect(await t.call('delivery.reissue', { ticketId: ticket.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const after = await t.must('delivery.reissue', { ticketId: ticket.id, reason: 'Customer lost the printout' });
    const reissued = after.tickets.find((x) => x.id === ticket.id)!;
    expect(reissued).toMatchObject({ generation: 2, state: 'none', issuedAt: null });
    expect(reissued.barcode).not.toBe(ticket.barcode);
    expect(reissued.barcode).toMatch(/^[A-HJKMNP-Z2-9]{32}$/);
    // Free again: this time to mobile, which the first generation's print@home would have refused.
    await t.must('delivery.issueMobile', { ticketIds: [ticket.id] });
    await t.must('delivery.reissue', { ticketId: ticket.id, reason: 'Phone broken' });
    const duplicate = await t.must('delivery.printAtHome', { ticketId: ticket.id });
    expect(duplicate.fileName).toMatch(/duplicate-2\.pdf$/);
    expect(duplicate.sha256).not.toBe(original.sha256);
    const history = await t.core.internals.sql.all('SELECT generation, CASE WHEN revoked_at IS NOT NULL THEN 1 ELSE 0 END AS revoked, revoke_reason FROM barcodes WHERE ticket_id = ? ORDER BY generation', [ticket.id]);
    expect(history).toEqual([
      { generation: 1, revoked: 1, revoke_reason: 'Customer lost the printout' },
      { generation: 2, revoked: 1, revoke_reason: 'Phone broken' },
      { generation: 3, revoked: 0, revoke_reason: null },
    ]);
    expect((await t.core.internals.audit.recent(10)).filter((e) => e.kind === 'delivery.reissued')).toHaveLength(2);
  });

  it('lets only operators with the right reissue and issue', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    await createOperator(t, 'olga', ['operator']);
    await createOperator(t, 'gate1', ['scanner']);
    await signIn(t, 'olga', 'olga');
    await signIn(t, 'gate1', 'gate');
    expect((await t.call('delivery.issueMobile', { ticketIds: [order.tickets[0]!.id] }, 'olga')).ok).toBe(true);
    expect(await t.call('delivery.reissue', { ticketId: order.tickets[0]!.id, reason: 'Lost phone' }, 'olga')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('delivery.printAtHome', { ticketId: order.tickets[1]!.id }, 'gate')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('orders.search', { query: 'SO-1001' }, 'gate')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('finds orders by number, customer name prefix, email and ticket barcode', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    await importOrder(t, { number: 'SO-2002' });
    expect((await t.must('orders.search', { query: 'so-1001' })).orders.map((o) => o.number)).toEqual(['SO-1001']);
    expect((await t.must('orders.search', { query: 'clara' })).orders).toHaveLength(2);
    expect((await t.must('orders.search', { query: 'CLARA@example.com' })).orders).toHaveLength(2);
    expect((await t.must('orders.search', { query: order.tickets[1]!.barcode.toLowerCase() })).orders.map((o) => o.number)).toEqual(['SO-1001']);
    expect((await t.must('orders.search', { query: '%a' })).orders).toHaveLength(0);
    expect(await t.call('orders.search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
