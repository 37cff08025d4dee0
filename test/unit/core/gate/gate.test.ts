import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { importOrder, OTHER_EVENT } from '../../../helpers/delivery';

describe('the gate', () => {
  it('answers valid, already scanned, revoked (superseded by duplicate #n), unknown, another event and unpaid — and records every scan', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    const other = await importOrder(t, { number: 'J-1', event: OTHER_EVENT });
    const unpaid = await importOrder(t, { number: 'U-1', paid: false });
    const [event] = await t.must('gate.events', {});
    const scan = (barcode: string) => t.must('gate.scan', { eventId: event!.id, barcode });
    const [a, b] = order.tickets;

    expect(await scan(a!.barcode.toLowerCase())).toMatchObject({ result: 'valid', headline: 'Valid', seat: 'Stalls A1' });
    // The scanner reads it twice in a row: the same verdict again, recorded once — the guest is not turned away.
    t.clock.advance(1_500);
    expect(await scan(a!.barcode)).toMatchObject({ result: 'valid', headline: 'Valid', repeated: true });
    t.clock.advance(60_000);
    const again = await scan(a!.barcode);
    expect(again).toMatchObject({ result: 'alreadyScanned', headline: 'Already scanned' });
    expect(again.detail).toMatch(/Admitted at \d\d:\d\d at Test terminal/);

    await t.must('delivery.reissue', { ticketId: b!.id, reason: 'Lost' });
    const revoked = await scan(b!.barcode);
    expect(revoked).toMatchObject({ result: 'revoked' });
    expect(revoked.detail).toMatch(/Superseded by reissue: duplicate #1/);
    const fresh = (await t.must('orders.get', { orderId: order.id })).tickets[1]!.barcode;
    expect((await scan(fresh)).result).toBe('valid');

    expect((await scan('ABCDEFGHJKMNPQRSTUVWXYZ234567892')).result).toBe('unknown');
    expect((await scan('not a barcode')).result).toBe('unknown');
    expect((await scan(other.tickets[0]!.barcode)).result).toBe('otherEvent');
    expect((await scan(unpaid.tickets[0]!.barcode)).result).toBe('unpaid');
    expect(await t.call('gate.scan', { eventId: event!.id, barcode: 'X'.repeat(10_000) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('gate.scan', { eventId: 999, barcode: a!.barcode })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const recorded = await t.core.internals.sql.all('SELECT result, count(*) AS n FROM scans GROUP BY result ORDER BY result');
    expect(recorded).toEqual([
      { result: 'alreadyScanned', n: 1 },
      { result: 'otherEvent', n: 1 },
      { result: 'revoked', n: 1 },
      { result: 'unknown', n: 2 },
      { result: 'unpaid', n: 1 },
      { result: 'valid', n: 2 },
    ]);
  });
});
