import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { importOrder, orderJson } from '../../../helpers/delivery';
import { createOperator, signIn } from '../../../helpers/mfa';

describe('order search pages, and actions follow the viewer\'s rights', () => {
  it('pages name-prefix results with offset and limit, and says when there is more', async () => {
    const t = await makeSetUpCore();
    const orders = Array.from({ length: 30 }, (_, i) => orderJson({ number: `P-${100 + i}`, tickets: 1 }));
    await t.must('orders.import', { format: 'json', content: JSON.stringify({ orders }) });
    const first = await t.must('orders.search', { query: 'Clara C', limit: 25 });
    expect(first.orders).toHaveLength(25);
    expect(first.more).toBe(true);
    const second = await t.must('orders.search', { query: 'clara c', limit: 25, offset: 25 });
    expect(second.orders).toHaveLength(5);
    expect(second.more).toBe(false);
    const all = new Set([...first.orders, ...second.orders].map((o) => o.number));
    expect(all.size).toBe(30);
  });

  it('an operator sees Reissue disabled with the reason; an admin sees it allowed', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    await createOperator(t, 'olga', ['operator']);
    await signIn(t, 'olga', 'olga');
    const asOperator = await t.must('orders.get', { orderId: order.id }, 'olga');
    expect(asOperator.tickets[0]!.actions.reissue).toEqual({ allowed: false, reason: expect.stringMatching(/administrator/) });
    expect(asOperator.tickets[0]!.actions.mobile).toEqual({ allowed: true, reason: null });
    expect(order.tickets[0]!.actions.reissue).toEqual({ allowed: true, reason: null });
  });
});
