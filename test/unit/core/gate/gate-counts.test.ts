/**
 * The gate screen's counters and the audit log's summaries count every scan once, on either engine.
 * On SQLite a scan writes no count row: the scans after a watermark are counted when asked and folded
 * into gate_counts by the next summary (migration 014); these tests pin what that must not change.
 */
import { describe, expect, it } from 'vitest';
import { makeCore, makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { auditInvariants } from '../../../helpers/delivery-invariants';

/** The audit log refuses gate summaries: as if the disk filled between the fold and its entry. */
async function refuseSummaries(t: Awaited<ReturnType<typeof makeSetUpCore>>): Promise<() => Promise<void>> {
  const { sql } = t.core.internals;
  if (sql.kind === 'sqlite') {
    await sql.run("CREATE TRIGGER refuse_summaries BEFORE INSERT ON audit_log WHEN NEW.kind = 'gate.scans' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    return async () => void (await sql.run('DROP TRIGGER refuse_summaries'));
  }
  await sql.run("CREATE FUNCTION refuse_summaries() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.kind = 'gate.scans' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$");
  await sql.run('CREATE TRIGGER refuse_summaries BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_summaries()');
  return async () => void (await sql.run('DROP TRIGGER refuse_summaries ON audit_log'));
}

const summarised = async (t: Awaited<ReturnType<typeof makeSetUpCore>>) =>
  (await t.core.internals.audit.recent(200)).filter((e) => e.kind === 'gate.scans').reduce((sum, e) => sum + Number((e.detail as { scans: number }).scans), 0);

describe('gate counts', () => {
  it("count this gate's and the venue's scans as they happen, before and after each summary, at two terminals", async () => {
    const north = await makeSetUpCore({ terminal: 'North' });
    const order = await importOrder(north, { tickets: 6 });
    const south = await makeCore({ dataDir: north.dataDir, ...(north.databaseUrl ? { databaseUrl: north.databaseUrl } : {}), clock: north.clock, terminal: 'South' });
    await south.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const [event] = await north.must('gate.events', {});
    const scanAt = (gate: typeof north, barcode: string) => gate.must('gate.scan', { eventId: event!.id, barcode });
    const counts = (gate: typeof north) => gate.must('gate.counts', { eventId: event!.id });
    expect(await counts(north)).toEqual({ eventId: event!.id, gate: 'North', thisGate: { admitted: 0, refused: 0 }, venue: { admitted: 0, refused: 0 } });

    // Three admissions at North and two at South, none summarised yet (a summary comes every 1,000 admissions, or a minute after the last).
    for (const ticket of order.tickets.slice(0, 3)) expect((await scanAt(north, ticket.barcode)).result).toBe('valid');
    for (const ticket of order.tickets.slice(3, 5)) expect((await scanAt(south, ticket.barcode)).result).toBe('valid');
    expect(await summarised(north)).toBe(0);
    expect(await counts(north)).toMatchObject({ thisGate: { admitted: 3, refused: 0 }, venue: { admitted: 5, refused: 0 } });
    expect(await counts(south)).toMatchObject({ gate: 'South', thisGate: { admitted: 2, refused: 0 }, venue: { admitted: 5, refused: 0 } });

    // A refusal is summarised at once: the counters read the same after it as the scans say.
    north.clock.advance(10_000);
    expect((await scanAt(north, order.tickets[3]!.barcode)).result).toBe('alreadyScanned');
    expect(await summarised(north)).toBe(6);
    expect(await counts(north)).toMatchObject({ thisGate: { admitted: 3, refused: 1 }, venue: { admitted: 5, refused: 1 } });

    // More after the summary, at both: counted on top, and summarised once each.
    expect((await scanAt(south, order.tickets[5]!.barcode)).result).toBe('valid');
    expect((await scanAt(south, 'ABCDEFGHJKMNPQRSTUVWXYZ234567892')).result).toBe('unknown');
    expect(await counts(south)).toMatchObject({ thisGate: { admitted: 3, refused: 1 }, venue: { admitted: 6, refused: 2 } });
    expect(await counts(north)).toMatchObject({ thisGate: { admitted: 3, refused: 1 }, venue: { admitted: 6, refused: 2 } });
    expect(await summarised(north)).toBe(8);
    await auditInvariants(north.core.internals.sql);
  });

  it("a quiet gate's admissions reach the audit log at the first scan a minute after the last summary", async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 3 });
    const [event] = await t.must('gate.events', {});
    const admit = async (i: number) => expect((await t.must('gate.scan', { eventId: event!.id, barcode: order.tickets[i]!.barcode })).result).toBe('valid');
    await admit(0);
    t.clock.advance(59_000);
    await admit(1);
    expect(await summarised(t)).toBe(0);
    t.clock.advance(1_000);
    await admit(2);
    const [entry] = (await t.core.internals.audit.recent(20)).filter((e) => e.kind === 'gate.scans');
    expect(entry).toMatchObject({ actorLogin: 'anna', detail: { event: event!.id, scans: 3, valid: 3 } });
    expect(await t.must('gate.counts', { eventId: event!.id })).toMatchObject({ venue: { admitted: 3, refused: 0 } });
  });

  it('a summary whose audit entry fails leaves every scan counted and pending; the next one takes them once', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 4 });
    const [event] = await t.must('gate.events', {});
    for (const ticket of order.tickets.slice(0, 3)) expect((await t.must('gate.scan', { eventId: event!.id, barcode: ticket.barcode })).result).toBe('valid');
    const allow = await refuseSummaries(t);
    // The refusal's own summary fails after the scan committed: the steward still gets the verdict, nothing is lost.
    expect((await t.must('gate.scan', { eventId: event!.id, barcode: 'ABCDEFGHJKMNPQRSTUVWXYZ234567892' })).result).toBe('unknown');
    expect(await t.must('gate.counts', { eventId: event!.id })).toMatchObject({ venue: { admitted: 3, refused: 1 } });
    expect(await summarised(t)).toBe(0);
    await auditInvariants(t.core.internals.sql);
    await allow();
    t.clock.advance(10_000);
    expect((await t.must('gate.scan', { eventId: event!.id, barcode: order.tickets[0]!.barcode })).result).toBe('alreadyScanned');
    expect(await summarised(t)).toBe(5);
    expect(await t.must('gate.counts', { eventId: event!.id })).toMatchObject({ venue: { admitted: 3, refused: 2 } });
    await auditInvariants(t.core.internals.sql);
  });

  // SQLite's own path, in both runs (the PostgreSQL run included): PostgreSQL counts in the scan's statement.
  it('SQLite: a scan writes no count row; the summary folds the scans in and moves the watermark past them', async () => {
    const t = await makeSetUpCore({ engine: 'sqlite' });
    const order = await importOrder(t, { tickets: 3 });
    const [event] = await t.must('gate.events', {});
    const { sql } = t.core.internals;
    const watermark = async () => Number((await sql.get<{ scan_id: number }>('SELECT scan_id FROM gate_counts_folded'))!.scan_id);
    const countRows = () => sql.all('SELECT gate, operator_id, result, scans, unsummarised FROM gate_counts ORDER BY result');
    for (const ticket of order.tickets.slice(0, 2)) await t.must('gate.scan', { eventId: event!.id, barcode: ticket.barcode });
    expect(await countRows()).toEqual([]);
    expect(await watermark()).toBe(0);
    t.clock.advance(10_000);
    await t.must('gate.scan', { eventId: event!.id, barcode: order.tickets[0]!.barcode });
    // Folded and summarised in one transaction: counted, nothing pending.
    expect(await countRows()).toEqual([
      { gate: 'Test terminal', operator_id: 1, result: 'alreadyScanned', scans: 1, unsummarised: 0 },
      { gate: 'Test terminal', operator_id: 1, result: 'valid', scans: 2, unsummarised: 0 },
    ]);
    expect(await watermark()).toBe(Number((await sql.get<{ n: number }>('SELECT max(id) AS n FROM scans'))!.n));
  });
});
