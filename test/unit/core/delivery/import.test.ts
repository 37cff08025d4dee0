import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { EVENT, orderJson } from '../../../helpers/delivery';

const CSV_HEADER = 'order_number,customer_name,customer_email,customer_phone,allowed_modes,checkout_mode,paid,event_name,venue,starts_at,time_zone,seat,price,currency,holder';
const csvRow = (n: string, seat: string, extra: Partial<Record<'email' | 'price' | 'modes' | 'checkout', string>> = {}) =>
  [n, '"Müller, Anna"', extra.email ?? 'anna@example.com', '', extra.modes ?? 'mobile|print_at_home', extra.checkout ?? 'mobile', 'true', EVENT.name, EVENT.venue, EVENT.startsAt, EVENT.timeZone, seat, extra.price ?? '45.50', 'CHF', ''].join(',');

describe('order import', () => {
  it('imports JSON and CSV, grouping CSV rows by order', async () => {
    const t = await makeSetUpCore();
    expect(await t.must('orders.import', { format: 'json', content: JSON.stringify({ orders: [orderJson({ number: 'J-1' }), orderJson({ number: 'J-2', tickets: 3 })] }) })).toEqual({ events: 1, orders: 2, tickets: 5 });
    const csv = [CSV_HEADER, csvRow('C-1', 'A1'), csvRow('C-1', 'A2'), csvRow('C-2', 'B1')].join('\n');
    expect(await t.must('orders.import', { format: 'csv', content: csv })).toEqual({ events: 1, orders: 2, tickets: 3 });
    const [c1] = (await t.must('orders.search', { query: 'C-1' })).orders;
    const view = await t.must('orders.get', { orderId: c1!.id });
    expect(view).toMatchObject({ customerName: 'Müller, Anna', ticketCount: 2 });
    expect(view.tickets[0]).toMatchObject({ seat: 'A1', priceMinor: 4550, currency: 'CHF' });
  });

  it('imports nothing when any row fails, and names the row and field', async () => {
    const t = await makeSetUpCore();
    const bad = { orders: [orderJson({ number: 'J-1' }), { ...orderJson({ number: 'J-2' }), customer: { name: 'X', email: 'not-an-email' } }, orderJson({ number: 'J-1' })] };
    const result = await t.call('orders.import', { format: 'json', content: JSON.stringify(bad) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/Nothing was imported/);
      expect(result.error.message).toMatch(/order 2, customer\.email/);
      expect(result.error.message).toMatch(/order 3, number: Order number repeated/);
    }
    const csv = [CSV_HEADER, csvRow('C-1', 'A1'), csvRow('C-2', 'B1', { price: 'abc' }), csvRow('C-3', 'B2', { modes: 'mobile', checkout: 'print_at_home' })].join('\n');
    const csvResult = await t.call('orders.import', { format: 'csv', content: csv });
    expect(csvResult).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!csvResult.ok) {
      expect(csvResult.error.message).toMatch(/row 3, tickets\.0\.price/);
      expect(csvResult.error.message).toMatch(/row 4, checkoutMode/);
    }
    expect(await t.call('orders.import', { format: 'json', content: '{"orders": [' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/not valid JSON/) } });
    expect(await t.call('orders.import', { format: 'csv', content: 'a,b\n1,2' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/lacks the column/) } });
    expect((await t.must('orders.search', { query: 'C-1' })).orders).toHaveLength(0);
    expect((await t.must('orders.search', { query: 'J-1' })).orders).toHaveLength(0);
    // An order number that already exists: refused whole.
    await t.must('orders.import', { format: 'json', content: JSON.stringify({ orders: [orderJson({ number: 'J-1' })] }) });
    expect(await t.call('orders.import', { format: 'json', content: JSON.stringify({ orders: [orderJson({ number: 'J-9' }), orderJson({ number: 'j-1' })] }) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.must('orders.search', { query: 'J-9' })).orders).toHaveLength(0);
  });

  it('loads the demo dataset once: a few hundred orders and a group order of 5,000 tickets', async () => {
    const t = await makeSetUpCore();
    const report = await t.must('demo.load', {});
    expect(report.events).toBe(3);
    expect(report.orders).toBe(301);
    expect(report.tickets).toBeGreaterThan(5_300);
    const [group] = (await t.must('orders.search', { query: 'DEMO-GROUP-5000' })).orders;
    expect(group!.ticketCount).toBe(5_000);
    const page = await t.must('orders.get', { orderId: group!.id, offset: 4_900, limit: 500 });
    expect(page.tickets).toHaveLength(100);
    expect(page.tickets.at(-1)!.position).toBe(5_000);
    expect(await t.call('demo.load', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
