/**
 * Search as a counter needs it (issue "The counter", item 3): any word of a name, whatever its accents;
 * each result says what the order is (event and date, tickets, paid or not); more results are said and offered.
 */
import { describe, expect, it } from 'vitest';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const EVENT = { name: 'Spring Gala', venue: 'Volkshaus', startsAt: '2027-03-12T20:00:00+01:00', timeZone: 'Europe/Zurich' };
const order = (number: string, name: string, paid = true, tickets = 1) => ({
  number,
  customer: { name, email: `${number.toLowerCase()}@example.com` },
  allowedModes: ['mobile', 'print_at_home'],
  checkoutMode: 'mobile',
  paid,
  tickets: Array.from({ length: tickets }, (_, i) => ({ event: EVENT, seat: `Row 2, seat ${i + 1}`, price: 40 })),
});

describe('order search at the counter', () => {
  it('finds "Müller" by "muller", shows event, tickets and paid badges, and offers more when there are', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const orders = [order('MU-1', 'Anna Müller', true, 3), order('MU-2', 'Jörg Müller-Lüdenscheidt', false), ...Array.from({ length: 30 }, (_, i) => order(`GR-${i + 10}`, `Group Guest ${i}`))];
    expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify({ orders }) })).body.ok).toBe(true);

    await page.getByLabel('Order number, customer name, email or barcode').fill('muller');
    await page.getByRole('button', { name: 'Search' }).click();
    const list = page.getByRole('list', { name: 'Matching orders' });
    await pw(list.getByRole('listitem')).toHaveCount(2);
    const anna = list.getByRole('button', { name: /MU-1 Anna Müller/ });
    await pw(anna).toContainText('Paid');
    await pw(anna).toContainText('Spring Gala');
    await pw(anna).toContainText('3 tickets');
    await pw(list.getByRole('button', { name: /MU-2/ })).toContainText('Not paid');
    await app.screenshot('search-results');

    // 30 guests: the first 25 shown, the list says more match and shows them on request.
    await page.getByLabel('Order number, customer name, email or barcode').fill('guest');
    await page.getByRole('button', { name: 'Search' }).click();
    await pw(list.getByRole('listitem')).toHaveCount(25);
    await pw(page.getByText('More orders match than are shown.')).toBeVisible();
    await page.getByRole('button', { name: 'Show more orders' }).click();
    await pw(list.getByRole('listitem')).toHaveCount(30);
    await pw(page.getByRole('button', { name: 'Show more orders' })).toHaveCount(0);
  });
});
