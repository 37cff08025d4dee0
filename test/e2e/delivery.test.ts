import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const ORDER = {
  orders: [
    {
      number: 'SO-1001',
      customer: { name: 'Clara Customer', email: 'clara@example.com' },
      allowedModes: ['mobile', 'print_at_home'],
      checkoutMode: 'mobile',
      paid: true,
      tickets: [
        { event: { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00' }, seat: 'Stalls A1', price: 95 },
        { event: { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00' }, seat: 'Stalls A2', price: 95 },
      ],
    },
  ],
};

/** Saves the PDF through the dialog's "Save PDF" link, as an operator would, and returns the file's bytes. */
async function pdfBytes(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Save PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ticket-SO-1001-\d\.pdf$/);
  return fs.promises.readFile((await download.path())!);
}

describe('ticket delivery in Chromium (the SecuTix example)', () => {
  it('mobile locks out print@home, print@home reopens the same PDF, and the gate calls a reissued barcode superseded', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');

    // The shop's order arrives by import (a script using the documented API).
    expect((await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify(ORDER) })).body).toMatchObject({ ok: true, value: { orders: 1, tickets: 2 } });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
    await page.getByLabel('Order number, customer name, email or barcode').fill('SO-1001');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Order SO-1001' }).waitFor();
    await pw(page.getByText(/chosen at checkout: Mobile/)).toBeVisible();

    // Ticket 1 to mobile: the QR code for the customer's phone.
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await pw(page.getByRole('img', { name: /Mobile ticket QR code for Stalls A1/ })).toBeVisible();
    await app.screenshot('mobile-ticket');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    // print@home is now refused for ticket 1, and the screen says why, when and by whom.
    await pw(page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 1$/ })).toBeDisabled();
    await pw(page.getByText(/Issued to mobile on .* by Anna at Box 1 — printing it would invalidate the mobile ticket/)).toBeVisible();

    // Ticket 2 as print@home: a PDF; opened again, the very same bytes.
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 2$/ }).click();
    await pw(page.getByTitle('Ticket PDF')).toBeVisible();
    const first = await pdfBytes(page);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    await app.screenshot('print-at-home');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 2$/ }).click();
    await pw(page.getByText(/this is the very same file/)).toBeVisible();
    const again = await pdfBytes(page);
    expect(crypto.createHash('sha256').update(again).digest('hex')).toBe(crypto.createHash('sha256').update(first).digest('hex'));
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    // Mobile is now refused for ticket 2.
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 2$/ })).toBeDisabled();
    await pw(page.getByText(/Printed as print@home on .* sending it to a phone would invalidate the printed ticket/)).toBeVisible();
    await app.screenshot('order-locked');

    // Reissue ticket 1; its old barcode is then refused at the gate as superseded.
    const before = (await app.shell.api('orders.search', { query: 'SO-1001' })).body.value.orders[0].id as number;
    const oldBarcode = (await app.shell.api('orders.get', { orderId: before })).body.value.tickets[0].barcode as string;
    await page.getByRole('button', { name: 'Reissue, ticket 1' }).click();
    await page.getByLabel('Reason for reissue').fill('Customer lost the phone');
    await page.getByRole('dialog').getByRole('button', { name: 'Reissue ticket', exact: true }).click();
    await pw(page.getByText(/reissued as duplicate #1/)).toBeVisible();
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ })).toBeEnabled();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Gate' }).click();
    await page.getByLabel('Event').selectOption({ index: 1 });
    await page.getByLabel('Barcode').fill(oldBarcode);
    await page.getByLabel('Barcode').press('Enter');
    await pw(page.getByRole('status', { name: 'Scan result' })).toContainText('Revoked ticket');
    await pw(page.getByRole('status', { name: 'Scan result' })).toContainText('Superseded by reissue: duplicate #1');
    // The field keeps the focus for the next scan.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gate-barcode');
    await app.screenshot('gate-revoked');
  });

  it('prints every ticket not issued yet in one go, and texts a mobile ticket\'s link', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const group = { ...ORDER.orders[0]!, number: 'GR-7', customer: { name: 'Group Lead', email: 'lead@example.com', phone: '+41 79 123 45 67' } };
    group.tickets = [...group.tickets, { ...group.tickets[0]!, seat: 'Stalls A3' }];
    const single = { ...ORDER.orders[0]!, number: 'MB-1', customer: { name: 'Mo Bile', email: 'mo@example.com', phone: '+41 79 123 45 67' } };
    await app.shell.api('orders.import', { format: 'json', content: JSON.stringify({ orders: [group, single] }) });
    await app.shell.api('settings.setMobileTicketUrl', { url: 'https://tickets.example.com/m/{barcode}' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
    await page.getByLabel('Order number, customer name, email or barcode').fill('GR-7');
    await page.getByRole('button', { name: 'Search' }).click();
    // A job: it ends with the joined file to download (test/e2e/jobs.test.ts follows a long one).
    await page.getByRole('button', { name: 'Print@home all not issued (3)' }).click();
    await pw(page.getByRole('progressbar', { name: /Print@home for all: 3 of 3/ })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download tickets-GR-7.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('tickets-GR-7.pdf');
    const joined = await PDFDocument.load(await fs.promises.readFile((await download.path())!));
    expect(joined.getPageCount()).toBe(3);
    await pw(page.getByText('3 print@home')).toBeVisible();

    await page.getByLabel('Order number, customer name, email or barcode').fill('MB-1');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Order MB-1' }).waitFor();
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await page.getByRole('button', { name: 'Text the link' }).click();
    await pw(page.getByText(/The link was texted to \+41 •••• ••45 67/)).toBeVisible();
    const outbox = await fs.promises.readFile(path.join(app.dataDir, 'sms-outbox.jsonl'), 'utf8');
    expect(outbox).toMatch(/https:\/\/tickets\.example\.com\/m\/[A-HJKMNP-Z2-9]{32}/);
  });
});
