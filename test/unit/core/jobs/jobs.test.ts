import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderTicketPdf } from '../../../../electron/core/delivery/ticket-pdf';
import { makeSetUpCore, STRONG_PASSWORD, type TestCore } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { stallProbe } from '../../../helpers/stall-probe';

/** Issue 13, item 5: bulk work on an order is a job (start at once, progress, cancel, one per order). */
const settled = (t: TestCore, jobId: string) => t.core.internals.jobs.settled(jobId);
const status = async (t: TestCore, jobId: string, seat?: string) => (await t.must('jobs.status', { jobId }, seat)).job!;

async function audited(t: TestCore, kind: string) {
  return t.core.internals.sql.all<{ detail: string; subject: string }>('SELECT detail, subject FROM audit_log WHERE kind = ? ORDER BY id', [kind]);
}

describe('jobs', () => {
  it('print@home for all: answers at once, then stores each ticket exactly as print@home alone does and joins them into one file', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 40 });
    await t.must('delivery.issueMobile', { ticketIds: [order.tickets[3]!.id] });
    const { jobId } = await t.must('jobs.startPrintAtHome', { orderId: order.id });
    const early = await status(t, jobId);
    expect(early).toMatchObject({ kind: 'print_at_home', orderNumber: 'SO-1001', total: 39 });
    await settled(t, jobId);
    const done = await status(t, jobId);
    expect(done).toMatchObject({ state: 'done', done: 39, total: 39, issued: 39, refusedCount: 0, msLeft: null, result: { fileName: 'tickets-SO-1001.pdf', pages: 39 } });
    const after = await t.must('orders.get', { orderId: order.id, limit: 500 });
    expect(after.counts).toEqual({ none: 0, mobile: 1, print_at_home: 39 });

    // Each stored PDF is the renderer's output for that ticket (issued at its issue time), and reopens as the same bytes.
    for (const ticket of after.tickets.filter((x) => x.state === 'print_at_home').slice(0, 5)) {
      const reopened = await t.must('delivery.printAtHome', { ticketId: ticket.id });
      expect(reopened.reopened).toBe(true);
      const expected = await renderTicketPdf({
        institution: t.core.internals.settings.get('name'),
        event: ticket.event,
        venue: 'Opera House',
        startsAt: ticket.startsAt,
        timeZone: 'Europe/Zurich',
        seat: ticket.seat,
        holder: ticket.holder ?? 'Clara Customer',
        orderNumber: 'SO-1001',
        barcode: ticket.barcode,
        generation: ticket.generation,
        price: new Intl.NumberFormat('en-GB', { style: 'currency', currency: ticket.currency }).format(ticket.priceMinor / 100),
        issuedAt: ticket.issuedAt!,
      });
      expect(Buffer.from(reopened.pdfBase64, 'base64').equals(Buffer.from(expected))).toBe(true);
    }

    // The joined file: one page per ticket issued, for the session that owns the job only.
    const file = t.core.jobResult('seat-1', jobId);
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.fileName).toBe('tickets-SO-1001.pdf');
    const bytes = await fs.promises.readFile(file.value.file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(file.value.bytes);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(39);

    // Audited: start and end, and each ticket its own entry as print@home alone writes it.
    expect(await audited(t, 'job.started')).toEqual([expect.objectContaining({ subject: 'SO-1001' })]);
    expect(JSON.parse((await audited(t, 'job.ended'))[0]!.detail)).toMatchObject({ job: jobId, state: 'done', issued: 39 });
    expect(await audited(t, 'delivery.print-issued')).toHaveLength(39);
    expect(await t.core.internals.audit.verify()).toBeNull();
  });

  it('one job per order at a time: a second start answers CONFLICT naming the running job; another order may start', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 60 });
    const other = await importOrder(t, { number: 'SO-2002', tickets: 3 });
    const { jobId } = await t.must('jobs.startPrintAtHome', { orderId: order.id });
    for (const second of [await t.call('jobs.startPrintAtHome', { orderId: order.id }), await t.call('jobs.startMobile', { orderId: order.id }), await t.call('jobs.startReissue', { orderId: order.id, reason: 'Lost' })]) {
      expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(jobId) } });
    }
    const { jobId: otherJob } = await t.must('jobs.startMobile', { orderId: other.id });
    await Promise.all([settled(t, jobId), settled(t, otherJob)]);
    expect(await status(t, otherJob)).toMatchObject({ state: 'done', issued: 3, result: null });
    // Ended: nothing left to do on the order.
    expect(await t.call('jobs.startPrintAtHome', { orderId: order.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/issued already/) } });
    expect(await t.call('jobs.startPrintAtHome', { orderId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cancel: what is committed stays, each ticket whole (state and its PDF together), the rest untouched; the file holds those done', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 300 });
    const { jobId } = await t.must('jobs.startPrintAtHome', { orderId: order.id });
    while ((await status(t, jobId)).done === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const cancelled = await t.must('jobs.cancel', { jobId });
    expect(cancelled.cancelRequested).toBe(true);
    await settled(t, jobId);
    const end = await status(t, jobId);
    expect(end.state).toBe('cancelled');
    expect(end.issued).toBeGreaterThan(0);
    expect(end.issued).toBeLessThan(300);
    const counts = (await t.must('orders.get', { orderId: order.id })).counts;
    expect(counts).toEqual({ none: 300 - end.issued, mobile: 0, print_at_home: end.issued });
    // Nothing half-done: every print@home ticket has its document, no free ticket has one.
    const rows = await t.core.internals.sql.all<{ delivery: string; docs: number }>(
      'SELECT t.delivery, (SELECT count(*) FROM ticket_documents d WHERE d.ticket_id = t.id) AS docs FROM tickets t WHERE t.order_id = ?',
      [order.id],
    );
    for (const row of rows) expect(Number(row.docs)).toBe(row.delivery === 'print_at_home' ? 1 : 0);
    expect(end.result?.pages).toBe(end.issued);
    expect(await audited(t, 'job.cancel-requested')).toHaveLength(1);
    expect(JSON.parse((await audited(t, 'job.ended'))[0]!.detail)).toMatchObject({ state: 'cancelled', issued: end.issued });
    expect(await t.call('jobs.cancel', { jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a ticket issued meanwhile at another desk is refused with its reason and left as it is', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 120 });
    const last = order.tickets.at(-1)!;
    const { jobId } = await t.must('jobs.startPrintAtHome', { orderId: order.id });
    await t.must('delivery.issueMobile', { ticketIds: [last.id] });
    await settled(t, jobId);
    const end = await status(t, jobId);
    expect(end).toMatchObject({ state: 'done', done: 120, issued: 119, refusedCount: 1, refused: [{ ticketId: last.id, reason: expect.stringMatching(/mobile/i) }], result: { pages: 119 } });
    expect((await t.must('orders.get', { orderId: order.id })).counts).toEqual({ none: 0, mobile: 1, print_at_home: 119 });
  });

  it('mobile for all and reissue for all run as jobs, each ticket with its own change; reissue never touches a ticket handed out', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 150 });
    const { jobId } = await t.must('jobs.startReissue', { orderId: order.id, reason: 'Sent to the wrong address' });
    await settled(t, jobId);
    expect(await status(t, jobId)).toMatchObject({ state: 'done', issued: 150, done: 150 });
    const reissued = await t.must('orders.get', { orderId: order.id, limit: 500 });
    expect(reissued.tickets.every((x) => x.generation === 2)).toBe(true);
    expect(await audited(t, 'delivery.reissued')).toHaveLength(150);

    await t.must('delivery.printAtHome', { ticketId: order.tickets[0]!.id });
    const mobile = await t.must('jobs.startMobile', { orderId: order.id });
    await settled(t, mobile.jobId);
    expect(await status(t, mobile.jobId)).toMatchObject({ state: 'done', issued: 149, total: 149, refusedCount: 0 });
    expect((await t.must('orders.get', { orderId: order.id })).counts).toEqual({ none: 0, mobile: 149, print_at_home: 1 });
    expect(await t.call('jobs.startReissue', { orderId: order.id, reason: 'Again' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('jobs.saveResult', { jobId: mobile.jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a job belongs to its session: another session neither sees, cancels nor downloads it; permissions are those of the single actions', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 30 });
    const { jobId } = await t.must('jobs.startPrintAtHome', { orderId: order.id });
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD }, 'seat-2');
    expect(await t.call('jobs.status', { jobId }, 'seat-2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.must('jobs.status', { orderId: order.id }, 'seat-2')).toEqual({ job: null });
    expect(await t.call('jobs.cancel', { jobId }, 'seat-2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await settled(t, jobId);
    expect((await t.must('jobs.status', { orderId: order.id })).job).toMatchObject({ id: jobId, state: 'done' });
    expect(t.core.jobResult('seat-2', jobId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.core.jobResult('nobody', jobId)).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    // Signed out: no session, no job.
    expect(await t.call('jobs.startPrintAtHome', { orderId: order.id }, 'seat-3')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(await t.call('jobs.status', { jobId: 'not a job!' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

/**
 * Issue 13, item 5: while a job runs the main thread stays free. A behaviour check, not a benchmark: a 1 ms
 * timer (as the bench's stallProbe) keeps ticking through a 500-ticket print@home job — the bound is generous
 * (tests share two cores with another suite); the 50 ms goal is the bench's (bench/07-jobs.mjs).
 */
// In this file rather than its own: a second file would run beside it and take the CPU the probe measures.
describe('a job never stalls the event loop', () => {
  it('500 tickets of print@home: the 1 ms timer keeps ticking (no gap of 250 ms or more)', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 500 });
    // Start-up of the worker threads is not the job: one small job first.
    const warm = await importOrder(t, { number: 'WARM-1', tickets: 2 });
    await t.core.internals.jobs.settled((await t.must('jobs.startPrintAtHome', { orderId: warm.id })).jobId);

    const probe = stallProbe();
    const { jobId } = await t.must('jobs.startPrintAtHome', { orderId: order.id });
    await t.core.internals.jobs.settled(jobId);
    const worst = probe.stop();
    const job = (await t.must('jobs.status', { jobId })).job!;
    expect(job).toMatchObject({ state: 'done', issued: 500, result: { pages: 500 } });
    expect(worst).toBeLessThan(250);
  });
});
