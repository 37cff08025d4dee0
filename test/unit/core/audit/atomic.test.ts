import { describe, expect, it } from 'vitest';
import { makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';

/** The audit log refuses entries of these kinds: as if the process died between the change and its entry. */
async function refuseEntries(t: Awaited<ReturnType<typeof makeSetUpCore>>, kindPrefix: string): Promise<void> {
  const { sql } = t.core.internals;
  const name = `refuse_${kindPrefix.replace(/\W/g, '_')}`;
  if (sql.kind === 'sqlite') {
    await sql.run(`CREATE TRIGGER ${name} BEFORE INSERT ON audit_log WHEN NEW.kind LIKE '${kindPrefix}%' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    return;
  }
  await sql.run(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.kind LIKE '${kindPrefix}%' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
  await sql.run(`CREATE TRIGGER ${name} BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION ${name}()`);
}

describe('a state change commits together with its audit entry', () => {
  it('print@home, mobile and reissue whose entry cannot be written leave the ticket as it was', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 3 });
    const [a, b, c] = order.tickets.map((ticket) => ticket.id);
    await t.must('delivery.issueMobile', { ticketIds: [c!] });
    await refuseEntries(t, 'delivery.');
    for (const attempt of [
      t.call('delivery.printAtHome', { ticketId: a! }),
      t.call('delivery.issueMobile', { ticketIds: [b!] }),
      t.call('delivery.reissue', { ticketId: c!, reason: 'Lost phone' }),
    ]) expect(await attempt).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const after = await t.must('orders.get', { orderId: order.id });
    expect(after.tickets.map((ticket) => [ticket.state, ticket.generation])).toEqual([
      ['none', 1],
      ['none', 1],
      ['mobile', 1],
    ]);
  });

  it('an operator, a setting or a two-step reset whose entry cannot be written is not changed', async () => {
    const t = await makeSetUpCore();
    await refuseEntries(t, 'operators.');
    expect(await t.call('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: STRONG_PASSWORD })).toMatchObject({ ok: false });
    expect((await t.must('operators.list', {})).map((o) => o.login)).toEqual(['anna']);
    await refuseEntries(t, 'settings.');
    expect(await t.call('settings.update', { name: 'Grand Theatre' })).toMatchObject({ ok: false });
    expect((await t.must('settings.get', {})).name).not.toBe('Grand Theatre');
  });

  it('scan counts are in the store, not in memory: a crash before the summary loses none', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 3 });
    const [event] = await t.must('gate.events', {});
    for (const ticket of order.tickets) expect((await t.must('gate.scan', { eventId: event!.id, barcode: ticket.barcode })).result).toBe('valid');
    // No summary yet (it comes every 1,000 admissions, or a minute after the last); the process ends without one.
    expect((await t.core.internals.audit.recent(5)).map((e) => e.kind)).not.toContain('gate.scans');
    const again = await t.reopen();
    const [summary] = (await again.core.internals.audit.recent(5)).filter((e) => e.kind === 'gate.scans');
    expect(summary).toMatchObject({ actorLogin: 'anna', detail: { event: event!.id, scans: 3, valid: 3 } });
  });
});
