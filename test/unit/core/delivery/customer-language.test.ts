/**
 * An order may carry its customer's language (the import's `language`): her print@home ticket and her mobile-ticket
 * text message are written in it; without one, in the institution's default. A language the app does not speak
 * is refused at import, naming the order, and nothing is imported.
 */
import zlib from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../helpers/core';
import { orderJson } from '../../../helpers/delivery';

async function importWith(t: TestCore, number: string, language: string | undefined) {
  const order = { ...orderJson({ number }), customer: { name: 'Clara Customer', email: 'clara@example.com', phone: '+41 79 123 45 67' }, ...(language === undefined ? {} : { language }) };
  return t.call('orders.import', { format: 'json', content: JSON.stringify({ orders: [order] }) });
}

async function open(t: TestCore, number: string) {
  const [found] = (await t.must('orders.search', { query: number })).orders;
  return t.must('orders.get', { orderId: found!.id });
}

/** The words drawn on the ticket's page (standard fonts: hex strings of Windows-1252 bytes, or literal strings). */
async function pageText(base64: string): Promise<string> {
  const pdf = await PDFDocument.load(Buffer.from(base64, 'base64'));
  let text = '';
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const raw = Buffer.from(object.contents);
    let content: string;
    try {
      content = zlib.inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) text += `${Buffer.from(hex!, 'hex').toString('latin1')}\n`;
    for (const [, literal] of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) text += `${literal}\n`;
  }
  return text;
}

describe("the customer's language", () => {
  it('prints her ticket and texts her link in it; an order without one follows the institution', async () => {
    const t = await makeSetUpCore();
    await t.core.internals.settings.set('mobileTicketUrl', 'https://tickets.example.com/m/{barcode}');
    await t.must('settings.update', { language: 'fr' });
    expect((await importWith(t, 'DE-1', 'DE')).ok).toBe(true);
    expect((await importWith(t, 'XX-1', undefined)).ok).toBe(true);

    const german = await open(t, 'DE-1');
    expect(german.language).toBe('de');
    const germanPdf = await t.must('delivery.printAtHome', { ticketId: german.tickets[0]!.id });
    const germanText = await pageText(germanPdf.pdfBase64);
    // The labels print in capitals; the date in German words.
    expect(germanText).toContain('PLATZ');
    expect(germanText).toContain('BESTELLUNG');
    expect(germanText).toContain('Samstag, 5. Dezember 2026');
    expect(germanText).not.toMatch(/SEAT|ORDER/);
    await t.must('delivery.sendMobileLink', { ticketId: german.tickets[1]!.id });
    expect(t.core.internals.outbox.latest(1)[0]!.body).toMatch(/Ihr Ticket für The Magic Flute/);

    const unset = await open(t, 'XX-1');
    expect(unset.language).toBeNull();
    const frenchPdf = await t.must('delivery.printAtHome', { ticketId: unset.tickets[0]!.id });
    expect(await pageText(frenchPdf.pdfBase64)).toContain('COMMANDE');
    await t.must('delivery.sendMobileLink', { ticketId: unset.tickets[1]!.id });
    expect(t.core.internals.outbox.latest(1)[0]!.body).toMatch(/votre billet pour The Magic Flute/);

    // Reopened, the ticket is the stored file, whatever language the institution speaks now.
    await t.must('settings.update', { language: 'en' });
    expect((await t.must('delivery.printAtHome', { ticketId: unset.tickets[0]!.id })).pdfBase64).toBe(frenchPdf.pdfBase64);
  });

  it('refuses a language it does not speak, naming the order, and imports nothing', async () => {
    const t = await makeSetUpCore();
    const refused = await importWith(t, 'IT-1', 'it');
    expect(refused.ok).toBe(false);
    expect(refused.ok || refused.error.code).toBe('VALIDATION');
    expect(refused.ok || refused.error.message).toMatch(/language/i);
    expect((await t.must('orders.search', { query: 'IT-1' })).orders).toHaveLength(0);
  });
});
