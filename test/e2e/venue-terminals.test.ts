/**
 * Venue mode as an admin sets it up (issue "Venue mode", item 7): two web shells — two processes, two
 * data folders, two keychains (each its own D-Bus session and GNOME keyring), one PostgreSQL database —
 * in two Chromium pages. Desk 1 creates the venue on its first run; desk 2 joins with the code desk 1
 * shows; what desk 1 does, desk 2's open order shows by itself; after a database restart both carry on
 * and desk 2 catches up; a ticket admitted at desk 1's gate is "already scanned at Desk 1" at desk 2,
 * whose venue count moves by itself; revoked, desk 2 shows that it was removed.
 */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolConfig } from '../../electron/core/store/engine/postgres-config';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const ORDER = {
  orders: [
    {
      number: 'LIVE-1',
      customer: { name: 'Lena Live', email: 'lena@example.com' },
      allowedModes: ['mobile', 'print_at_home'],
      checkoutMode: 'mobile',
      paid: true,
      tickets: [1, 2].map((n) => ({ event: { name: 'Spring Gala', venue: 'Volkshaus', startsAt: '2027-03-12T20:00:00+01:00' }, seat: `Row 1, seat ${n}`, price: 60 })),
    },
  ],
};

let server: PostgresServer;
beforeAll(async () => {
  server = startPostgres();
  const admin = new pg.Client(poolConfig(server.url('postgres')));
  await admin.connect();
  await admin.query('CREATE DATABASE boxoffice');
  await admin.end();
});
afterAll(() => server.stop());

const socket = () => `?host=${encodeURIComponent(server.socketDir)}&port=${server.port}`;

async function openOrder(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await page.getByLabel('Order number, customer name, email or barcode').fill('LIVE-1');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('heading', { name: 'Order LIVE-1' }).waitFor();
}

async function openTerminals(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Terminals' }).click();
  await page.getByRole('heading', { name: 'Terminals' }).waitFor();
}

describe('a venue set up from the app', () => {
  it('is created at desk 1, joined by desk 2 with a code, live across desks and a restart, and revoked', async () => {
    // Desk 1, first run: create the venue with the database owner's credentials.
    const desk1 = await launchApp({}, { ownKeyring: true });
    await desk1.page.getByRole('radio', { name: 'Create a venue' }).check();
    await desk1.page.getByLabel('Venue database address').fill(`postgres://${server.user}@/boxoffice${socket()}`);
    await desk1.page.getByLabel("Database owner's password").fill(server.password);
    await desk1.page.getByLabel("This terminal's name").fill('Desk 1');
    await desk1.page.getByLabel('Kind of terminal').selectOption('desk');
    await desk1.screenshot('venue-create');
    await desk1.page.getByRole('button', { name: 'Create the venue' }).click();
    await setUpFirstAccount(desk1.page, 'Anna');

    // Admin → Terminals → Add a terminal: the code and the address, as text.
    await openTerminals(desk1.page);
    await desk1.page.getByLabel('Terminal name').fill('Desk 2');
    await desk1.page.getByRole('button', { name: 'Create join code' }).click();
    const shown = desk1.page.getByRole('region', { name: 'Join code for Desk 2' });
    const code = (await shown.getByLabel('Join code', { exact: true }).textContent())!.trim();
    const address = (await shown.getByLabel('Venue database address', { exact: true }).textContent())!.trim();
    expect(code).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    expect(address).not.toContain(server.password);
    await pw(shown.getByRole('img', { name: 'Join code as QR code' })).toBeVisible();
    await desk1.screenshot('venue-join-code');

    // Desk 2, first run, with a keychain of its own: join with that code (a wrong one first).
    const desk2 = await launchApp({}, { ownKeyring: true });
    await desk2.page.getByRole('radio', { name: 'Join a venue' }).check();
    await desk2.page.getByLabel('Venue database address').fill(address);
    await desk2.page.getByLabel('Join code').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
    await desk2.page.getByRole('button', { name: 'Join the venue' }).click();
    await pw(desk2.page.getByText(/not one of this venue's/)).toBeVisible();
    await desk2.page.getByLabel('Join code').fill(code.toLowerCase());
    await desk2.page.getByRole('button', { name: 'Join the venue' }).click();
    // The venue's account signs in here: the key came with the code, the login was made at join.
    await desk2.page.getByLabel('Login', { exact: true }).fill('anna');
    await desk2.page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await desk2.page.getByRole('button', { name: 'Sign in' }).click();
    await desk2.page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect((await desk2.shell.api('app.info')).body.value).toMatchObject({ terminal: 'Desk 2', store: { engine: 'postgres' } });

    // Desk 2 has the order open; desk 1 issues ticket 1 to mobile: desk 2 shows it locked, by itself.
    expect((await desk1.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    expect((await desk1.shell.api('orders.import', { format: 'json', content: JSON.stringify(ORDER) })).body.ok).toBe(true);
    await openOrder(desk2.page);
    const issuedAtDesk1 = desk2.page.getByText(/Issued to mobile on .* by Anna at Desk 1/);
    await pw(issuedAtDesk1).toHaveCount(0);
    const [ticket1, ticket2] = (await desk1.shell.api('orders.get', { orderId: 1 })).body.value.tickets as { id: number }[];
    expect((await desk1.shell.api('delivery.issueMobile', { ticketIds: [ticket1!.id] })).body.ok).toBe(true);
    await pw(issuedAtDesk1).toHaveCount(1);
    await pw(desk2.page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 1$/ })).toBeDisabled();
    await desk2.screenshot('venue-live-lock');

    // The database restarts: both terminals reconnect; desk 2 sees what desk 1 did after it.
    server.pause();
    server.resume();
    for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 250))) {
      const answer = (await desk1.shell.api('delivery.issueMobile', { ticketIds: [ticket2!.id] })).body;
      if (answer.ok) break;
      expect(answer.error.code).toBe('STORE_UNREACHABLE');
      expect(Date.now()).toBeLessThan(deadline);
    }
    await pw(issuedAtDesk1).toHaveCount(2);

    // Gates: desk 2 watches the gate's counts; desk 1 admits ticket 1 — desk 2's venue count moves by
    // itself, and the same barcode at desk 2 is "already scanned" at Desk 1.
    const [event] = (await desk1.shell.api('gate.events')).body.value as { id: number }[];
    const { barcode } = (await desk1.shell.api('orders.get', { orderId: 1 })).body.value.tickets[0] as { barcode: string };
    await desk2.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Gate' }).click();
    await desk2.page.getByLabel('Event').selectOption({ index: 1 });
    const counts = desk2.page.getByRole('region', { name: 'Scans so far' });
    await pw(counts).toContainText('Venue: 0 admitted');
    expect((await desk1.shell.api('gate.scan', { eventId: event!.id, barcode })).body.value).toMatchObject({ result: 'valid' });
    await pw(counts).toContainText('This gate: 0 admitted, 0 refused · Venue: 1 admitted, 0 refused');
    await desk2.page.getByLabel('Barcode').fill(barcode);
    await desk2.page.getByLabel('Barcode').press('Enter');
    await pw(desk2.page.getByRole('status', { name: 'Scan result' })).toContainText('Already scanned');
    await pw(desk2.page.getByRole('status', { name: 'Scan result' })).toContainText('at Desk 1');
    await pw(counts).toContainText('This gate: 0 admitted, 1 refused · Venue: 1 admitted, 1 refused');
    await desk2.screenshot('venue-gate-counts');

    // Desk 1 revokes desk 2: desk 2's next action shows that it was removed from the venue.
    await openTerminals(desk1.page);
    await desk1.page.getByRole('button', { name: 'Revoke Desk 2' }).click();
    await desk1.page.getByRole('dialog', { name: 'Revoke Desk 2?' }).getByRole('button', { name: 'Revoke terminal' }).click();
    await pw(desk1.page.getByText(/Desk 2 was revoked/)).toBeVisible();
    await desk2.page.getByLabel('Barcode').fill(barcode);
    await desk2.page.getByLabel('Barcode').press('Enter');
    await pw(desk2.page.getByRole('heading', { name: 'This terminal was removed from the venue' })).toBeVisible();
    await desk2.screenshot('venue-revoked');
  });
});
