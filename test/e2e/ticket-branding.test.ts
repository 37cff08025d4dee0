import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePng } from '../helpers/png';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const EVENT = { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00' };
const ORDER = {
  orders: [
    {
      number: 'BR-1',
      customer: { name: 'Clara Customer', email: 'clara@example.com' },
      allowedModes: ['mobile', 'print_at_home'],
      checkoutMode: 'print_at_home',
      paid: true,
      tickets: [
        { event: EVENT, seat: 'Stalls A1', price: 95 },
        { event: EVENT, seat: 'Stalls A2', price: 95 },
      ],
    },
  ],
};

/** A 240 × 80 logo: a gold disc and three dark "lines of text" on white. */
const LOGO = makePng(240, 80, (x, y) => {
  if ((x - 40) ** 2 + (y - 40) ** 2 <= 28 ** 2) return [242, 169, 0, 255];
  if (x >= 84 && x < 220 && [18, 36, 54].some((top) => y >= top && y < top + 10) && (y < 54 || x < 180)) return [20, 33, 61, 255];
  return [255, 255, 255, 255];
});

describe('the print@home ticket in Chromium: logo, doors and terms from Admin → Institution', () => {
  it('uploads a logo (refusing a text file and a big one), saves the texts, prints them on new tickets, and removes the logo', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    expect((await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify(ORDER) })).body).toMatchObject({ ok: true, value: { orders: 1, tickets: 2 } });
    const orderId = (await app.shell.api('orders.search', { query: 'BR-1' })).body.value.orders[0].id as number;
    const tickets = (await app.shell.api('orders.get', { orderId })).body.value.tickets as { id: number }[];
    const printAtHome = async (ticketId: number) => {
      const { body } = await app.shell.api('delivery.printAtHome', { ticketId });
      expect(body.ok).toBe(true);
      return Buffer.from(body.value.pdfBase64 as string, 'base64');
    };
    // A ticket printed before the branding: no image in it.
    const plain = await printAtHome(tickets[0]!.id);
    expect(plain.includes('/Subtype /Image')).toBe(false);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-logo-'));
    const logoFile = path.join(dir, 'opera-logo.png');
    const textFile = path.join(dir, 'notes.png');
    const bigFile = path.join(dir, 'huge.png');
    fs.writeFileSync(logoFile, LOGO);
    fs.writeFileSync(textFile, 'These are my notes, not a picture.\n');
    fs.writeFileSync(bigFile, Buffer.concat([LOGO.subarray(0, 8), Buffer.alloc(210 * 1024, 7)]));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Institution' }).click();
    const section = page.getByRole('region', { name: 'Print@home ticket' });
    await pw(section.getByText("No logo: the ticket shows the institution's name alone.")).toBeVisible();
    await pw(section.getByRole('button', { name: 'Remove the logo' })).toHaveCount(0);

    // A valid PNG: saved as soon as it is chosen, previewed with its size.
    await section.getByLabel('Ticket logo').setInputFiles(logoFile);
    await pw(section.getByText('The logo is saved. Tickets printed from now on carry it.')).toBeVisible();
    await pw(section.getByRole('img', { name: 'Ticket logo' })).toBeVisible();
    await pw(section.getByText(/Current logo: 240 × 80 px, /)).toBeVisible();
    const shown = await section.getByRole('img', { name: 'Ticket logo' }).evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
    expect(shown).toEqual({ w: 240, h: 80 });

    // A text file renamed .png: core's answer next to the input; the saved logo stays.
    await section.getByLabel('Ticket logo').setInputFiles(textFile);
    await pw(section.getByRole('alert')).toContainText('The logo must be a PNG or JPEG image.');
    expect(await section.getByLabel('Ticket logo').getAttribute('aria-invalid')).toBe('true');
    await pw(section.getByRole('img', { name: 'Ticket logo' })).toBeVisible();
    // Over 200 KB: refused on this screen, before anything is sent.
    await section.getByLabel('Ticket logo').setInputFiles(bigFile);
    await pw(section.getByRole('alert')).toContainText('huge.png is 211 KB; the logo can be at most 200 KB');

    // The doors line and the terms, with their own save button; the count follows the typing.
    await section.getByLabel('Doors and entrance').fill('Doors 19:00 · Entrance B, Seefeldstrasse');
    const terms = 'Tickets are not refunded or exchanged. Resale above the printed price is not allowed. Latecomers are admitted at a suitable break.';
    await section.getByLabel('Terms').fill(terms);
    await pw(section.getByText(`${terms.length} of 600 characters`)).toBeVisible();
    await section.getByRole('button', { name: 'Save ticket texts' }).click();
    await pw(section.getByText('Ticket texts saved. Tickets printed from now on carry them.')).toBeVisible();
    await pw(section.getByRole('form', { name: 'Ticket texts' }).getByRole('alert')).toHaveCount(0);
    expect((await app.shell.api('settings.get')).body.value).toMatchObject({ ticketDoors: 'Doors 19:00 · Entrance B, Seefeldstrasse', ticketTerms: terms, logo: { width: 240, height: 80, bytes: LOGO.length } });

    await section.screenshot({ path: path.join('test-results/screenshots', 'admin-ticket-branding.png') });
    await app.screenshot('admin-institution-ticket');

    // A ticket printed now carries the logo: an image XObject, a bigger file.
    const branded = await printAtHome(tickets[1]!.id);
    expect(branded.subarray(0, 5).toString()).toBe('%PDF-');
    expect(branded.includes('/Subtype /Image')).toBe(true);
    expect(branded.length).toBeGreaterThan(plain.length);
    // The first ticket reopens as it was printed.
    expect((await printAtHome(tickets[0]!.id)).equals(plain)).toBe(true);

    // The texts survive a reload; the logo is removed.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Institution' }).click();
    await pw(section.getByRole('img', { name: 'Ticket logo' })).toBeVisible();
    expect(await section.getByLabel('Doors and entrance').inputValue()).toBe('Doors 19:00 · Entrance B, Seefeldstrasse');
    expect(await section.getByLabel('Terms').inputValue()).toBe(terms);
    await section.getByRole('button', { name: 'Remove the logo' }).click();
    await pw(section.getByText("The logo is removed. Tickets printed from now on show the institution's name alone.")).toBeVisible();
    await pw(section.getByRole('img', { name: 'Ticket logo' })).toHaveCount(0);
    await pw(section.getByRole('button', { name: 'Remove the logo' })).toHaveCount(0);
    expect((await app.shell.api('settings.get')).body.value.logo).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
