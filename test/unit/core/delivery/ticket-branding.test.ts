/** The venue's own print@home ticket (issue "The counter", item 9): its logo, doors and terms from the institution settings. */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { makePng } from '../../../helpers/png';

describe('ticket branding', () => {
  it('prints the uploaded logo and the ticket texts on new tickets; tickets issued before keep their file', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 2 });
    const before = Buffer.from((await t.must('delivery.printAtHome', { ticketId: order.tickets[0]!.id })).pdfBase64, 'base64');
    expect(before.includes('/Subtype /Image')).toBe(false);

    const refused = await t.call('settings.setLogo', { image: Buffer.from('not an image at all').toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'logo', message: expect.stringMatching(/PNG or JPEG/) } });
    const logo = makePng(90, 30, (x) => [20, 60, 140, x % 2 ? 255 : 128]);
    const view = await t.must('settings.setLogo', { image: logo.toString('base64') });
    expect(view.logo).toMatchObject({ width: 90, height: 30, bytes: logo.length, dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(await t.must('settings.update', { ticketDoors: 'Doors 19:00 · Entrance B', ticketTerms: 'No refunds.' })).toMatchObject({ ticketDoors: 'Doors 19:00 · Entrance B', ticketTerms: 'No refunds.' });

    const after = Buffer.from((await t.must('delivery.printAtHome', { ticketId: order.tickets[1]!.id })).pdfBase64, 'base64');
    expect(after.includes('/Subtype /Image')).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
    // The first ticket reopens as it was issued: its stored file, without the logo.
    const reopened = Buffer.from((await t.must('delivery.printAtHome', { ticketId: order.tickets[0]!.id })).pdfBase64, 'base64');
    expect(reopened.equals(before)).toBe(true);

    const entries = (await t.core.internals.audit.recent(10)).filter((e) => e.kind === 'settings.ticket-logo');
    expect(entries[0]).toMatchObject({ actorLogin: 'anna', detail: { type: 'image/png', bytes: logo.length, width: 90, height: 30 } });
    expect(JSON.stringify(entries)).not.toContain(logo.toString('base64').slice(0, 40));

    expect((await t.must('settings.setLogo', { image: null })).logo).toBeNull();
    expect(await t.must('settings.update', { ticketDoors: '' })).toMatchObject({ ticketDoors: null });
  });
});
