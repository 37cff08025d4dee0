/** Orders for delivery tests, imported through the real channel. */
import type { TestCore } from './core';

export const EVENT = { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00', timeZone: 'Europe/Zurich' };
export const OTHER_EVENT = { name: 'Winter Jazz', venue: 'Volkshaus', startsAt: '2026-12-12T20:00:00+01:00', timeZone: 'Europe/Zurich' };

interface OrderSpec {
  number?: string;
  tickets?: number;
  allowedModes?: ('mobile' | 'print_at_home')[];
  checkoutMode?: 'mobile' | 'print_at_home';
  paid?: boolean;
  event?: typeof EVENT;
}

export function orderJson(spec: OrderSpec = {}) {
  return {
    number: spec.number ?? 'SO-1001',
    customer: { name: 'Clara Customer', email: 'clara@example.com', phone: null },
    allowedModes: spec.allowedModes ?? ['mobile', 'print_at_home'],
    checkoutMode: spec.checkoutMode ?? 'mobile',
    paid: spec.paid ?? true,
    tickets: Array.from({ length: spec.tickets ?? 2 }, (_, i) => ({ event: spec.event ?? EVENT, seat: `Stalls A${i + 1}`, price: 95 })),
  };
}

/** The vendor's example: 2 tickets, shop allows mobile and print@home, the customer chose mobile and paid. */
export async function importOrder(t: TestCore, spec: OrderSpec = {}) {
  await t.must('orders.import', { format: 'json', content: JSON.stringify({ orders: [orderJson(spec)] }) });
  const [found] = (await t.must('orders.search', { query: spec.number ?? 'SO-1001' })).orders;
  return t.must('orders.get', { orderId: found!.id, limit: 500 });
}
