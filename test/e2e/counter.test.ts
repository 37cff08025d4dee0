/**
 * Issue 14 ("The counter"), items 5–7 in Chromium: the lock keeps the work, the gate for a steward,
 * dangerous actions that look dangerous.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchApp, SCREENSHOTS, setUpFirstAccount, STRONG_PASSWORD, type App } from './fixtures';
import { expect as pw } from './pw-expect';

const FLUTE = { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00' };
const TOSCA = { name: 'Tosca', venue: 'Opera House', startsAt: '2026-12-12T19:30:00+01:00' };

const order = (number: string, event: typeof FLUTE, seats: number) => ({
  number,
  customer: { name: 'Clara Customer', email: 'clara@example.com' },
  allowedModes: ['mobile', 'print_at_home'],
  checkoutMode: 'mobile',
  paid: true,
  tickets: Array.from({ length: seats }, (_, i) => ({ event, seat: `Stalls B${i + 1}`, price: 60 })),
});

async function importOrders(app: App, ...orders: ReturnType<typeof order>[]) {
  expect((await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
  expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify({ orders }) })).body.ok).toBe(true);
}

async function openOrder(page: Page, number: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await page.getByLabel('Order number, customer name, email or barcode').fill(number);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('heading', { name: `Order ${number}` }).waitFor();
}

async function barcodes(app: App, number: string): Promise<string[]> {
  const orderId = (await app.shell.api('orders.search', { query: number })).body.value.orders[0].id as number;
  return ((await app.shell.api('orders.get', { orderId })).body.value.tickets as { barcode: string }[]).map((t) => t.barcode);
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? null);

/** Waits until the element with the focus has this accessible label (or id). */
async function focusIsOn(page: Page, name: string | RegExp) {
  const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  await page.waitForFunction((p) => new RegExp(p).test(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? ''), pattern, { timeout: 10_000 });
}

/** Every control a keyboard could reach, by its label or text. */
const focusable = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]')]
      .filter((e) => !(e as HTMLButtonElement).disabled && e.getAttribute('tabindex') !== '-1' && e.offsetParent !== null)
      .map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.id),
  );

async function scan(page: Page, barcode: string) {
  await page.getByLabel('Barcode').fill(barcode);
  await page.getByLabel('Barcode').press('Enter');
}

/** Records the tones the gate plays (the oscillators' frequencies), instead of guessing from silence. */
async function listenForTones(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { tones: number[][]; grouping: boolean };
    w.tones = [];
    w.grouping = false;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      const oscillator = create.call(this);
      const start = oscillator.start.bind(oscillator);
      oscillator.start = (when?: number) => {
        // Tones scheduled in one go (one verdict, one synchronous call) are one group: the group closes at the
        // next microtask. (The audio clock is no guide: it may tick between two tones of the same verdict.)
        if (w.grouping) w.tones.at(-1)!.push(oscillator.frequency.value);
        else {
          w.tones.push([oscillator.frequency.value]);
          w.grouping = true;
          queueMicrotask(() => (w.grouping = false));
        }
        start(when);
      };
      return oscillator;
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { tones: number[][] }).tones.map((t) => [...t]));

describe('the lock keeps the work (issue 14, item 5)', () => {
  it('"Lock now" and Ctrl+Alt+L lock at once; unlocking returns to the same order and the same ticket', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await importOrders(app, order('SO-2001', FLUTE, 30));
    await openOrder(page, 'SO-2001');

    // Far down the list, on ticket 20's print@home button.
    await page.getByRole('list', { name: 'Tickets' }).evaluate((list) => (list.scrollTop = 17 * 76));
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 20$/ }).focus();

    const lockNow = page.getByRole('button', { name: 'Lock now' });
    expect(await lockNow.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+L');
    expect(await lockNow.getAttribute('title')).toContain('Ctrl+Alt+L');
    await app.screenshot('counter-lock-1-order');
    await lockNow.click();

    // The lock screen: nothing of the order readable or reachable.
    await page.getByRole('heading', { name: 'Locked — Anna' }).waitFor();
    await pw(page.getByText('You locked this terminal.')).toBeVisible();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain('SO-2001');
    expect(text).not.toContain('Clara');
    const reachable = await focusable(page);
    expect(reachable).toHaveLength(3);
    expect(reachable.slice(1)).toEqual(['Unlock', 'Sign out']);
    expect(await page.getByRole('button', { name: /ticket/ }).count()).toBe(0);
    // Core says so too: this session is locked, and the order is refused to it.
    expect(await page.evaluate(() => window.boxOffice!.auth.status())).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await page.evaluate(() => window.boxOffice!.orders.search({ query: 'SO-2001' }))).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    await app.screenshot('counter-lock-2-locked');

    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Order SO-2001' }).waitFor();
    await focusIsOn(page, /^(Print@home|Open PDF), ticket 20$/);
    expect(await page.getByLabel('Order number, customer name, email or barcode').inputValue()).toBe('SO-2001');
    await app.screenshot('counter-lock-3-unlocked');

    // The shortcut, from the ticket the operator is on: the same way back.
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 22$/ }).focus();
    await page.keyboard.press('Control+Alt+KeyL');
    await page.getByRole('heading', { name: 'Locked — Anna' }).waitFor();
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { name: 'Order SO-2001' }).waitFor();
    await focusIsOn(page, /^(Issue to|Show) mobile, ticket 22$/);

    // Signing out forgets the work: the next operator starts with an empty orders screen.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Login').fill('anna');
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Order SO-2001' }).count()).toBe(0);
  });

  it('a kiosk has no "Lock now"', async () => {
    const app = await launchApp({ BOX_OFFICE_KIOSK: '1' });
    await setUpFirstAccount(app.page);
    await pw(app.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(await app.page.getByRole('button', { name: 'Lock now' }).count()).toBe(0);
  });
});

describe('the gate for a steward (issue 14, item 6)', () => {
  it('admit is green with a check and its own sound, already scanned is a red refusal, a double read repeats the verdict', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await importOrders(app, order('SO-3001', FLUTE, 3));
    const [first, second, third] = await barcodes(app, 'SO-3001');

    // One event: chosen by itself; the barcode field is enabled and has the focus at once.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Gate' }).click();
    await focusIsOn(page, 'gate-barcode');
    await pw(page.getByLabel('Barcode')).toBeEnabled();
    expect(await page.getByLabel('Event').inputValue()).not.toBe('');
    await pw(page.getByLabel('Sound')).toBeVisible();
    expect(await page.getByLabel('Sound').isChecked()).toBe(true);
    await listenForTones(page);

    const verdict = page.getByRole('status', { name: 'Scan result' });
    expect(await verdict.getAttribute('aria-live')).toBe('assertive');
    await scan(page, first!);
    await pw(verdict).toContainText('Valid');
    // The scanner reads the same code again within a moment: the same verdict, not "already scanned".
    await scan(page, first!);
    await pw(verdict).toContainText('Read twice — same verdict as a moment ago');
    await pw(verdict).toContainText('Valid');
    await pw(verdict).toContainText('Admit');
    expect(await verdict.getAttribute('class')).toContain('scan--valid');
    expect(await verdict.getAttribute('data-verdict')).toBe('admit');
    expect(await verdict.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(23, 128, 61)');
    expect(await verdict.locator('svg[aria-hidden="true"]').count()).toBe(1);
    expect(await focusedName(page)).toBe('gate-barcode');
    await app.screenshot('counter-gate-valid-read-twice');

    // Later, the same ticket again: refused, red, with a cross.
    await page.waitForTimeout(3_200);
    await scan(page, first!);
    await pw(verdict).toContainText('Already scanned');
    await pw(verdict).toContainText('Do not admit');
    await pw(verdict).notToContainText('Read twice');
    expect(await verdict.getAttribute('class')).toContain('scan--bad');
    expect(await verdict.getAttribute('data-verdict')).toBe('refuse');
    expect(await verdict.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(180, 35, 24)');
    await app.screenshot('counter-gate-already-scanned');

    // Each verdict has its own sound: two rising beeps to admit, one low buzz to refuse (a double read sounds its verdict again).
    expect(await tones(page)).toEqual([[880, 1320], [880, 1320], [196]]);
    expect(await focusedName(page)).toBe('gate-barcode');

    // Sound off, remembered.
    await page.getByLabel('Sound').uncheck();
    expect(await page.evaluate(() => localStorage.getItem('box-office.gate.sound'))).toBe('off');
    await page.getByLabel('Barcode').focus();
    await scan(page, second!);
    await pw(verdict).toContainText('Stalls B2');
    expect((await tones(page)).length).toBe(3);

    // At 200 % zoom on a 1280×800 screen (640×400 CSS pixels): the verdict is in view after a scan.
    await page.setViewportSize({ width: 640, height: 400 });
    await scan(page, third!);
    await pw(verdict).toContainText('Stalls B3');
    const box = (await verdict.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(400);
    const field = (await page.getByLabel('Barcode').boundingBox())!;
    expect(field.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
    expect(field.y + field.height).toBeLessThanOrEqual(401);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'counter-gate-zoom-200.png') });
    await scan(page, first!);
    await pw(verdict).toContainText('Already scanned');
    const refused = (await verdict.boundingBox())!;
    expect(refused.y).toBeGreaterThanOrEqual(0);
    expect(refused.y + refused.height).toBeLessThanOrEqual(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'counter-gate-zoom-200-refused.png') });
  });

  it('with several events the barcode waits for the choice; the gate remembers its event', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await importOrders(app, order('SO-4001', FLUTE, 1), order('SO-4002', TOSCA, 1));
    const [tosca] = await barcodes(app, 'SO-4002');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Gate' }).click();
    await pw(page.getByText('Choose the event first.').first()).toBeVisible();
    await pw(page.getByLabel('Barcode')).toBeDisabled();
    const hint = await page.getByLabel('Barcode').getAttribute('aria-describedby');
    expect(await page.locator(`#${hint}`).textContent()).toBe('Choose the event first.');
    await app.screenshot('counter-gate-choose-event');

    const toscaOption = await page.locator('#gate-event option', { hasText: 'Tosca' }).getAttribute('value');
    await page.getByLabel('Event').selectOption(toscaOption!);
    await pw(page.getByLabel('Barcode')).toBeEnabled();
    await focusIsOn(page, 'gate-barcode');
    await scan(page, tosca!);
    await pw(page.getByRole('status', { name: 'Scan result' })).toContainText('Valid');

    // Another section and back, then a new start of the page: Tosca is still this gate's event, the field ready.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Gate' }).click();
    await focusIsOn(page, 'gate-barcode');
    expect(await page.getByLabel('Event').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toMatch(/^Tosca/);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Gate' }).click();
    await focusIsOn(page, 'gate-barcode');
    expect(await page.getByLabel('Event').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toMatch(/^Tosca/);
  });
});

describe('dangerous actions look dangerous (issue 14, item 7)', () => {
  it('bulk reissue and switching two-step off are red and ask first, naming the consequence', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await importOrders(app, order('SO-5001', FLUTE, 4));
    const before = await barcodes(app, 'SO-5001');
    await openOrder(page, 'SO-5001');

    const bulk = page.getByRole('button', { name: 'Reissue all not issued (4)' });
    expect(await bulk.getAttribute('class')).toContain('button--danger-outline');
    expect(await bulk.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(180, 35, 24)');
    await bulk.click();
    const dialog = page.getByRole('dialog', { name: 'Reissue 4 tickets not issued yet' });
    await pw(dialog).toContainText('Every ticket of this order not issued yet gets a new barcode: 4 tickets.');
    await pw(dialog).toContainText('This cannot be undone.');
    await app.screenshot('counter-danger-bulk-reissue');
    // Closing changes nothing.
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await barcodes(app, 'SO-5001')).toEqual(before);
    await bulk.click();
    await dialog.getByLabel('Reason for reissue').fill('Shop sent the wrong file');
    await dialog.getByRole('button', { name: 'Reissue 4 tickets' }).click();
    await pw(page.getByText('done · 4 issued')).toBeVisible();
    const after = await barcodes(app, 'SO-5001');
    expect(after.every((b, i) => b !== before[i])).toBe(true);

    // Two-step verification: on in one click, off only after the question.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    const off = page.getByRole('button', { name: 'Switch two-step verification off' });
    expect(await off.getAttribute('class')).toContain('button--danger-outline');
    await off.click();
    const ask = page.getByRole('dialog', { name: 'Switch two-step verification off?' });
    await pw(ask).toContainText('Operators will sign in with a password only.');
    await app.screenshot('counter-danger-two-step-off');
    await ask.getByRole('button', { name: 'Keep it on' }).click();
    await pw(ask).toBeHidden();
    expect((await app.shell.api('mfa.policy', {})).body.value).toMatchObject({ enabled: true });
    await off.click();
    await ask.getByRole('button', { name: 'Switch it off' }).click();
    await pw(page.getByText('Two-step verification is now off.')).toBeVisible();
    expect((await app.shell.api('mfa.policy', {})).body.value).toMatchObject({ enabled: false });

    // Restore: the consequence in words beside the red button, and again in the question before it.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Data and backup' }).click();
    await pw(page.getByText('Everything changed since the backup was made is lost, and everybody is signed out.')).toBeVisible();
    expect(await page.getByRole('button', { name: 'Restore this backup' }).getAttribute('class')).toContain('button--danger');
    await page.getByLabel('Backup file to restore').fill('/nowhere/backup.sqlite');
    await page.getByLabel('Your password').fill(STRONG_PASSWORD);
    const question = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    expect(await question).toContain('Everything changed since this backup was made is lost');
    expect(await question).toContain('everybody is signed out');
  });
});
