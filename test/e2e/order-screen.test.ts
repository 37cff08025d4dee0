/**
 * Issue 14 ("The counter"), item 4 in Chromium: a dense order screen — at least 12 ticket rows at
 * 1366×768, a lock reason read whole at 1024 px, filters by state and seat, "Go to ticket", and the
 * keyboard shortcuts (docs/SHORTCUTS.md) that make the counter's journey short.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchApp, SCREENSHOTS, setUpFirstAccount, STRONG_PASSWORD, type App } from './fixtures';
import { expect as pw } from './pw-expect';

const FLUTE = { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00' };

/** 40 tickets: Stalls C1–C20, then Balcony D1–D20. */
const order = (number: string) => ({
  number,
  customer: { name: 'Clara Customer', email: 'clara@example.com' },
  allowedModes: ['mobile', 'print_at_home'],
  checkoutMode: 'mobile',
  paid: true,
  tickets: Array.from({ length: 40 }, (_, i) => ({ event: FLUTE, seat: i < 20 ? `Stalls C${i + 1}` : `Balcony D${i - 19}`, price: 60 })),
});

async function importOrder(app: App, number: string): Promise<{ id: number }[]> {
  expect((await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
  expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify({ orders: [order(number)] }) })).body.ok).toBe(true);
  const orderId = (await app.shell.api('orders.search', { query: number })).body.value.orders[0].id as number;
  return (await app.shell.api('orders.get', { orderId })).body.value.tickets as { id: number }[];
}

async function openOrder(page: Page, number: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await page.getByLabel('Order number, customer name, email or barcode').fill(number);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('heading', { name: `Order ${number}` }).waitFor();
}

/** Two frames: the list has measured its rows again (after a resize) and drawn them where they go. */
const settled = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

/** Waits until the element with the focus has this accessible label. */
async function focusIsOn(page: Page, name: string | RegExp) {
  const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  await page.waitForFunction((p) => new RegExp(p).test(document.activeElement?.getAttribute('aria-label') ?? ''), pattern, { timeout: 10_000 });
}

/** The ticket rows wholly in view: inside the list's visible area and inside the window. */
const rowsInView = (page: Page) =>
  page.getByRole('list', { name: 'Tickets' }).evaluate((list) => {
    const box = list.getBoundingClientRect();
    const top = Math.max(box.top + list.clientTop, 0);
    const bottom = Math.min(box.top + list.clientTop + list.clientHeight, window.innerHeight);
    return [...list.querySelectorAll('[role="listitem"]')]
      .filter((row) => {
        const r = row.getBoundingClientRect();
        return r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5;
      })
      .map((row) => row.textContent ?? '');
  });

/** The list's status under the filters ("n of N tickets shown."). */
const status = (page: Page) => page.getByRole('group', { name: 'Find tickets' }).getByRole('status');

describe('a dense order screen (issue 14, item 4)', () => {
  it('shows at least 12 tickets at 1366×768, a lock reason whole at 1024 px, filters by state and seat, and goes to a ticket', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    const tickets = await importOrder(app, 'SO-3001');
    // Ticket 1 to mobile, ticket 2 as print@home: each locks the other mode, with the reason on its row.
    expect((await app.shell.api('delivery.issueMobile', { ticketIds: [tickets[0]!.id] })).body.ok).toBe(true);
    expect((await app.shell.api('delivery.printAtHome', { ticketId: tickets[1]!.id })).body.ok).toBe(true);

    await page.setViewportSize({ width: 1366, height: 768 });
    await openOrder(page, 'SO-3001');
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 12$/, exact: true })).toBeVisible();
    await settled(page);
    const inView = await rowsInView(page);
    await shot(page, 'order-screen-1366x768');
    expect(inView.length, `rows in view at 1366×768: ${inView.length}`).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1), 'the page does not scroll: the list fills the window').toBe(true);

    // 1024 px: ticket 1's lock reason (who, when, which terminal, why) whole, wrapped, overlapping nothing.
    await page.setViewportSize({ width: 1024, height: 768 });
    await settled(page);
    const reason = page.getByText(/^Issued to mobile on .* by Anna at Box 1 — printing it would invalidate the mobile ticket\. Reissue the ticket if the customer needs the other form\.$/);
    await pw(reason).toBeVisible();
    const geometry = await reason.evaluate((note) => {
      const row = note.closest('[role="listitem"]')!;
      const next = row.nextElementSibling;
      const r = note.getBoundingClientRect();
      const list = row.closest('[role="list"]')!.getBoundingClientRect();
      const style = getComputedStyle(note);
      return {
        fits: note.scrollWidth <= note.clientWidth && note.scrollHeight <= note.clientHeight + 1,
        cut: style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap',
        inside: r.left >= list.left && r.right <= list.right && r.bottom <= row.getBoundingClientRect().bottom + 0.5,
        clearOfNext: next ? next.getBoundingClientRect().top >= r.bottom - 0.5 : true,
        inWindow: r.right <= window.innerWidth && document.documentElement.scrollWidth <= window.innerWidth,
      };
    });
    expect(geometry).toEqual({ fits: true, cut: false, inside: true, clearOfNext: true, inWindow: true });
    await pw(page.getByText(/^Printed as print@home on .* by Anna at Box 1 — sending it to a phone would invalidate the printed ticket\./)).toBeVisible();
    await shot(page, 'order-screen-1024x768');
    await page.setViewportSize({ width: 1366, height: 768 });

    // Filter by state: not issued — tickets 1 and 2 leave the list.
    const show = page.getByLabel('Show', { exact: true });
    await show.selectOption({ label: 'Not issued' });
    await pw(status(page)).toContainText('38 of 40 tickets shown.');
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/, exact: true })).toHaveCount(0);
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 3$/, exact: true })).toBeVisible();
    // …and by seat: any part of it, in any case.
    await page.getByLabel('Seat', { exact: true }).fill('balcony');
    await pw(status(page)).toContainText('20 of 40 tickets shown.');
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 3$/, exact: true })).toHaveCount(0);
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 21$/, exact: true })).toBeVisible();
    await page.getByLabel('Seat', { exact: true }).fill('BALCONY d1');
    await pw(status(page)).toContainText('11 of 40 tickets shown.'); // D1, D10–D19
    await shot(page, 'order-screen-filtered');

    // A ticket acted on while filtering stays in view; its dialog closed, the focus is back on its button.
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 21$/, exact: true }).click();
    await pw(page.getByTitle('Ticket PDF')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await focusIsOn(page, /^(Print@home|Open PDF), ticket 21$/);
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 21$/, exact: true })).toBeDisabled();

    // Filter by state: mobile — ticket 1 alone.
    await page.getByLabel('Seat', { exact: true }).fill('');
    await show.selectOption({ label: 'Mobile' });
    await pw(status(page)).toContainText('1 of 40 tickets shown.');
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/, exact: true })).toBeVisible();

    // Go to ticket 30: hidden by the filter, which is cleared; the list scrolls to it and it has the focus.
    const goTo = page.getByLabel('Go to ticket');
    await goTo.fill('30');
    await goTo.press('Enter');
    await pw(status(page)).toContainText('Ticket 30 was hidden by the filter');
    await focusIsOn(page, /^(Issue to|Show) mobile, ticket 30$/);
    expect((await rowsInView(page)).some((text) => text.includes('#30'))).toBe(true);
    expect(await show.inputValue()).toBe('all');
    // A number the order does not have is answered.
    await goTo.fill('99');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await pw(status(page)).toContainText('This order has tickets 1 to 40.');
    expect(await goTo.getAttribute('aria-invalid')).toBe('true');

    // The shortcuts are documented on the screen.
    await page.locator('summary', { hasText: 'Keyboard shortcuts' }).click();
    for (const text of ['Alt+S', 'Alt+N', 'Alt+Shift+N', 'Alt+M', 'Alt+P', 'Ctrl+Alt+L']) await pw(page.locator('.shortcuts__table th').filter({ hasText: text })).toBeVisible();
    await shot(page, 'order-screen-shortcuts');
    await page.keyboard.press('Escape');
    await pw(page.locator('.shortcuts__table')).toBeHidden();
  });

  it('sign in → search → print@home for a ticket → close → mobile for the next, in at most 12 non-character keys', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await importOrder(app, 'SO-3002');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Login').waitFor();

    // Only the keyboard from here on. Typed characters are free; every other key press counts.
    let keys = 0;
    const press = async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    };
    const type = (text: string) => page.keyboard.type(text);

    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'username');
    await type('anna');
    await press('Tab');
    await type(STRONG_PASSWORD);
    await press('Enter');
    await page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'query');

    await type('SO-3002');
    await press('Enter');
    await page.getByRole('heading', { name: 'Order SO-3002' }).waitFor();
    await pw(page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 1$/, exact: true })).toBeEnabled();

    await press('Alt+KeyN');
    await focusIsOn(page, /^(Issue to|Show) mobile, ticket 1$/);
    await press('Alt+KeyP');
    await pw(page.getByRole('dialog', { name: 'print@home ticket' })).toBeVisible();
    await pw(page.getByTitle('Ticket PDF')).toBeVisible();
    await press('Escape');
    await pw(page.getByRole('dialog')).toHaveCount(0);
    await focusIsOn(page, /^(Print@home|Open PDF), ticket 1$/);

    await press('Alt+KeyN');
    await focusIsOn(page, /^(Print@home|Open PDF), ticket 2$/);
    await press('Alt+KeyM');
    await pw(page.getByRole('img', { name: 'Mobile ticket QR code for Stalls C2' })).toBeVisible();
    await shot(page, 'order-screen-journey-mobile');
    await press('Escape');
    await focusIsOn(page, /^(Issue to|Show) mobile, ticket 2$/);
    expect(keys, `non-character keys: ${keys}`).toBeLessThanOrEqual(12);

    // Done as asked: ticket 1 print@home, ticket 2 mobile.
    await pw(page.getByText('1 mobile', { exact: true })).toBeVisible();
    await pw(page.getByText('1 print@home', { exact: true })).toBeVisible();
    await pw(page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/, exact: true })).toBeDisabled();
    await pw(page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 2$/, exact: true })).toBeDisabled();

    // Back a ticket, and Alt+M there answers why not, without a dialog; Alt+S is the search again.
    await page.keyboard.press('Alt+Shift+KeyN');
    await focusIsOn(page, /^(Print@home|Open PDF), ticket 1$/);
    await page.keyboard.press('Alt+KeyM');
    await pw(page.getByRole('alert')).toContainText('Ticket 1: Printed as print@home on');
    await pw(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('Alt+KeyS');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'query');
    expect(await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return input.selectionStart === 0 && input.selectionEnd === input.value.length && input.value === 'SO-3002';
    })).toBe(true);
  });
});
