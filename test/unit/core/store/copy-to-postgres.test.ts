/** Moving a terminal's SQLite store into an empty PostgreSQL database (issue "One store, two engines", item 8). */
import { describe, expect, it } from 'vitest';
import { COPY_ORDER, copyToPostgres, CopyRefused } from '../../../../electron/core/store/copy-to-postgres';
import { DEMO_ORDER_PREFIX } from '../../../../electron/core/delivery/demo-data';
import { makeCore, makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { emptyEngine } from '../../../helpers/engines';
import { createOperator, enrollTotp, signIn as signInOperator } from '../../../helpers/mfa';
import { importOrder } from '../../../helpers/delivery';
import { auditInvariants } from '../../../helpers/delivery-invariants';

describe('copying a store to PostgreSQL', () => {
  it('copies every table with its ids and bytes, continues the ids after them, and refuses a target that is not empty', async () => {
    // The source is a terminal's SQLite store, whichever engine the run names.
    const t = await makeSetUpCore({ engine: 'sqlite' });
    const olga = await createOperator(t, 'olga');
    // An emergency code (migration 011) travels as its keyed hash, and stays usable on the venue database.
    await signInOperator(t, 'olga', 'olga');
    await enrollTotp(t, 'olga');
    await t.must('operators.issueEmergencyCode', { operatorId: olga.id });
    await t.must('demo.load', {});
    const order = (await t.must('orders.search', { query: `${DEMO_ORDER_PREFIX}100001`, limit: 1 })).orders[0]!;
    const view = await t.must('orders.get', { orderId: order.id });
    const printed = await t.must('delivery.printAtHome', { ticketId: view.tickets[0]!.id });
    const source = t.core.internals.sqlite!;
    const { engine, url } = await emptyEngine('postgres');

    const report = await copyToPostgres(source, engine);
    for (const table of COPY_ORDER) {
      const { n } = source.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
      expect(report.tables.find((r) => r.table === table)?.rows, table).toBe(n);
    }
    expect(report.totalRows).toBeGreaterThan(5000);
    expect(report.tables.find((r) => r.table === 'emergency_codes')?.rows).toBe(1);
    // The stored PDF comes back byte for byte, so print@home reopens the very same file.
    const doc = await engine.get<{ pdf: Buffer; sha256: string }>('SELECT pdf, sha256 FROM ticket_documents WHERE ticket_id = ?', [printed.ticketId]);
    expect(Buffer.from(doc!.pdf).equals(Buffer.from(printed.pdfBase64, 'base64'))).toBe(true);
    // Audit rows are copied as they are: the same ids, hashes and MACs.
    const lastAudit = source.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(await engine.get('SELECT * FROM audit_log WHERE id = ?', [lastAudit.id as number])).toEqual(lastAudit);
    // The next operator gets an id after the copied ones.
    const maxId = (source.prepare('SELECT max(id) AS m FROM operators').get() as { m: number }).m;
    const next = await engine.get<{ id: number }>(
      "INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at) VALUES ('new', 'New', 'x', 0, 0) RETURNING id",
    );
    expect(next!.id).toBe(maxId + 1);

    await expect(copyToPostgres(source, engine)).rejects.toBeInstanceOf(CopyRefused);

    // A terminal started on the venue database with the same keychain (the same installation id, so the same
    // key and the same anchor) finds the copied log intact, and continues its chain.
    const venue = await makeCore({ databaseUrl: url });
    expect(venue.core.internals.engine).toBe('postgres');
    await venue.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(await venue.must('audit.verify', {})).toMatchObject({ intact: true, problem: null, firstBrokenId: null });
    expect(await venue.must('operators.emergencyCodes', {})).toEqual([expect.objectContaining({ operatorLogin: 'olga', issuedBy: 'anna' })]);
    const [signIn] = (await venue.must('audit.list', { kind: 'auth.sign-in' })).entries;
    expect(signIn!.id).toBeGreaterThan(lastAudit.id as number);
    expect(await engine.get<{ n: number }>('SELECT count(*)::int AS n FROM operators')).toEqual({ n: maxId + 1 });
  });

  it('carries the scans SQLite has not folded into its counts yet: the venue counts and summarises each once', async () => {
    const t = await makeSetUpCore({ engine: 'sqlite' });
    const order = await importOrder(t, { tickets: 4 });
    const [event] = await t.must('gate.events', {});
    const scan = (barcode: string) => t.must('gate.scan', { eventId: event!.id, barcode });
    // One summarised (a refusal summarises at once), then two admissions after the watermark.
    expect((await scan('ABCDEFGHJKMNPQRSTUVWXYZ234567892')).result).toBe('unknown');
    for (const ticket of order.tickets.slice(0, 2)) expect((await scan(ticket.barcode)).result).toBe('valid');
    const before = await t.must('gate.counts', { eventId: event!.id });
    const { engine, url } = await emptyEngine('postgres');

    await copyToPostgres(t.core.internals.sqlite!, engine);
    expect(await engine.all('SELECT gate, result, scans, unsummarised FROM gate_counts ORDER BY result')).toEqual([
      { gate: 'Test terminal', result: 'unknown', scans: 1, unsummarised: 0 },
      { gate: 'Test terminal', result: 'valid', scans: 2, unsummarised: 2 },
    ]);
    const venue = await makeCore({ databaseUrl: url, terminal: 'Test terminal' });
    await venue.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(await venue.must('gate.counts', { eventId: event!.id })).toEqual(before);
    // The venue terminal's start-up summary takes the two pending admissions, once; its own refusal comes after.
    venue.clock.advance(10_000);
    expect((await venue.must('gate.scan', { eventId: event!.id, barcode: order.tickets[0]!.barcode })).result).toBe('alreadyScanned');
    await auditInvariants(venue.core.internals.sql);
    const summaries = (await venue.core.internals.audit.recent(50)).filter((e) => e.kind === 'gate.scans').map((e) => e.detail);
    expect(summaries).toEqual([
      { event: event!.id, scans: 1, alreadyScanned: 1 },
      { event: event!.id, scans: 2, valid: 2 },
      { event: event!.id, scans: 1, unknown: 1 },
    ]);
  });
});
