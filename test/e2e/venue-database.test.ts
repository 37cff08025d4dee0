/**
 * Two terminals — two web shell processes, two data folders — started with the same PostgreSQL URL, as
 * the README's venue set-up says, driven in two Chromium pages: they share the account, the orders and
 * the delivery locks; when the database stops, every screen shows the banner until it is back.
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
      number: 'VEN-1',
      customer: { name: 'Vera Venue', email: 'vera@example.com' },
      allowedModes: ['mobile', 'print_at_home'],
      checkoutMode: 'mobile',
      paid: true,
      tickets: [{ event: { name: 'Winter Jazz Night', venue: 'Volkshaus', startsAt: '2026-12-12T20:00:00+01:00' }, seat: 'Floor 7', price: 48 }],
    },
  ],
};

/** The banner above every screen (the screen's own error for the failed action is a separate alert). */
const banner = (page: Page) => page.getByRole('alert', { name: 'The venue database cannot be reached.' });

let server: PostgresServer;
beforeAll(async () => {
  server = startPostgres();
  const admin = new pg.Client(poolConfig(server.url('postgres')));
  await admin.connect();
  await admin.query('CREATE DATABASE venue');
  await admin.end();
});
afterAll(() => server.stop());

describe('two terminals on one venue database', () => {
  it('share accounts, orders and locks, and show a banner while the database is away', async () => {
    const url = server.url('venue');
    const desk1 = await launchApp({ BOX_OFFICE_DATABASE_URL: url, BOX_OFFICE_TERMINAL: 'Desk 1' });
    await setUpFirstAccount(desk1.page, 'Anna');
    expect((await desk1.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    expect((await desk1.shell.api('orders.import', { format: 'json', content: JSON.stringify(ORDER) })).body.ok).toBe(true);

    // The second terminal finds the venue set up: no setup screen, the same account signs in.
    const desk2 = await launchApp({ BOX_OFFICE_DATABASE_URL: url, BOX_OFFICE_TERMINAL: 'Desk 2' });
    await desk2.page.getByLabel('Login', { exact: true }).fill('anna');
    await desk2.page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await desk2.page.getByRole('button', { name: 'Sign in' }).click();
    const openOrder = async (page: Page) => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
      await page.getByLabel('Order number, customer name, email or barcode').fill('VEN-1');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: 'Order VEN-1' }).waitFor();
    };
    await openOrder(desk2.page);
    await desk2.page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await desk2.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    // Desk 1 sees the lock taken at desk 2, and print@home is refused there.
    await openOrder(desk1.page);
    await pw(desk1.page.getByText(/Issued to mobile on .* by Anna at Desk 2/)).toBeVisible();
    await pw(desk1.page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 1$/ })).toBeDisabled();
    expect((await desk1.shell.api('delivery.printAtHome', { ticketId: 1 })).body).toMatchObject({ ok: false, error: { code: 'DELIVERY_LOCKED' } });

    // The database goes away: the next action shows the banner, and it leaves by itself once the database is back.
    server.pause();
    try {
      await desk1.page.getByRole('button', { name: 'Search' }).click();
      await pw(banner(desk1.page)).toBeVisible();
      await desk1.screenshot('venue-database-unreachable');
    } finally {
      server.resume();
    }
    await pw(banner(desk1.page)).toBeHidden();
    await desk1.page.getByRole('button', { name: 'Search' }).click();
    await desk1.page.getByRole('heading', { name: 'Order VEN-1' }).waitFor();
  });
});
