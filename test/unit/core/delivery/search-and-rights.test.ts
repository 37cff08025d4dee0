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

  it('finds any word of a name whatever its case and accents, the start of an order number or email, and says what each order is', async () => {
    const t = await makeSetUpCore();
    const customers = [
      { number: 'SO-2002', name: 'Anna Müller', email: 'anna.mueller@example.com' },
      { number: 'SO-3003', name: 'Jürgen Øster', email: 'j.oster@example.org' },
      { number: 'SO-4004', name: 'Zoë Dupont-Lefèvre', email: 'zoe@example.fr' },
      { number: 'XY-9', name: 'Straßer Ängel', email: 'angel@example.de' },
    ];
    const orders = customers.map((c, i) => ({ ...orderJson({ number: c.number, tickets: i + 1, paid: i !== 1 }), customer: { name: c.name, email: c.email, phone: null } }));
    await t.must('orders.import', { format: 'json', content: JSON.stringify({ orders }) });
    const found = async (query: string) => (await t.must('orders.search', { query })).orders.map((o) => o.number);
    for (const query of ['Müller', 'muller', 'MUL', 'anna mü', 'mül anna']) expect(await found(query), query).toEqual(['SO-2002']);
    expect(await found('ost')).toEqual(['SO-3003']);
    expect(await found('Jurgen Oster')).toEqual(['SO-3003']);
    expect(await found('lefevre')).toEqual(['SO-4004']);
    expect(await found('zoe dup')).toEqual(['SO-4004']);
    expect(await found('strasser')).toEqual(['XY-9']);
    expect(await found('anna oster')).toEqual([]);
    expect(await found('SO-30')).toEqual(['SO-3003']);
    expect(await found('so-')).toEqual(['SO-2002', 'SO-3003', 'SO-4004']);
    expect(await found('zoe@ex')).toEqual(['SO-4004']);
    const [jurgen] = (await t.must('orders.search', { query: 'jürgen' })).orders;
    expect(jurgen).toMatchObject({ number: 'SO-3003', ticketCount: 2, paid: false, event: { name: 'The Magic Flute', venue: 'Opera House' }, otherEvents: 0 });
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
