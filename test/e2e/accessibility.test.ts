/**
 * Issue 14, item 2 ("Accessible"), in Chromium: axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on every screen and every
 * open dialog with no serious or critical violation; and what axe cannot see — reflow at 200 % and 400 % zoom,
 * targets of at least 24 px, focus back on the control that opened a dialog, forced colours, the dark theme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../electron/core/mfa/totp';
import { focusReturnsTo, Findings, inViewport, overflowing, scrollsInside, shot, sidewaysScroll, smallTargets } from './a11y';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD, type App } from './fixtures';
import { expect as pw } from './pw-expect';

const OLGA_PASSWORD = 'Counter&Tickets-77';
const ONE_TIME_PASSWORD = 'Handed&Over-2026';

const FLUTE = { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00' };
const TOSCA = { name: 'Tosca', venue: 'Opera House', startsAt: '2026-12-12T19:30:00+01:00' };

const order = (number: string, event: typeof FLUTE, seats: number, extra: { name?: string; paid?: boolean } = {}) => ({
  number,
  customer: { name: extra.name ?? 'Clara Customer', email: 'clara@example.com' },
  allowedModes: ['mobile', 'print_at_home'],
  checkoutMode: 'mobile',
  paid: extra.paid ?? true,
  tickets: Array.from({ length: seats }, (_, i) => ({ event, seat: `Stalls B${i + 1}`, price: 60 })),
});

async function importOrders(app: App, ...orders: ReturnType<typeof order>[]) {
  expect((await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
  expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify({ orders }) })).body.ok).toBe(true);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const adminTab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name }).click();

async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function search(page: Page, query: string) {
  await nav(page, 'Orders');
  await page.getByLabel('Order number, customer name, email or barcode').fill(query);
  await page.getByRole('button', { name: 'Search' }).click();
}

async function openOrder(page: Page, number: string) {
  await search(page, number);
  await page.getByRole('heading', { name: `Order ${number}` }).waitFor();
}

async function barcodes(app: App, number: string): Promise<string[]> {
  const orderId = (await app.shell.api('orders.search', { query: number })).body.value.orders[0].id as number;
  return ((await app.shell.api('orders.get', { orderId })).body.value.tickets as { barcode: string }[]).map((t) => t.barcode);
}

async function scan(page: Page, barcode: string) {
  await page.getByLabel('Barcode').fill(barcode);
  await page.getByLabel('Barcode').press('Enter');
}

const closeDialog = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();

function noViolations(findings: Findings, name: string) {
  const text = findings.save(`a11y-axe-${name}`);
  expect(findings.all, text).toEqual([]);
}

describe('axe-core on every screen and dialog (issue 14, item 2)', () => {
  it('first run, sign-in, a new password, enrollment, recovery codes, second factor, My security, lock, blocked', async () => {
    const app = await launchApp({ BOX_OFFICE_DEV_OUTBOX: '1' });
    const { page } = app;
    const axe = new Findings(page);

    await page.getByRole('heading', { name: 'Set up Box Office' }).waitFor();
    await axe.check('first-run setup');
    await setUpFirstAccount(page, 'Anna Admin');
    await axe.check('orders (empty)');

    // Two-step verification on; an operator with a one-time password.
    await nav(page, 'Admin');
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    await pw(page.getByText(/Two-step verification is on/)).toBeVisible();
    await page.getByLabel("New operator's login").fill('olga');
    await page.getByLabel("New operator's full name").fill('Olga Operator');
    await page.getByLabel("New operator's role").selectOption({ label: 'Box-office operator' });
    await page.getByLabel('One-time password').fill(ONE_TIME_PASSWORD);
    await page.getByRole('button', { name: 'Create operator' }).click();
    await pw(page.getByRole('cell', { name: 'olga', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await axe.check('sign-in');
    await page.getByLabel('Login').fill('olga');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await pw(page.getByRole('alert')).toBeVisible();
    await axe.check('sign-in (refused)');

    await signIn(page, 'olga', ONE_TIME_PASSWORD);
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await axe.check('new password');
    await page.getByLabel('New password', { exact: true }).fill(OLGA_PASSWORD);
    await page.getByLabel('Confirm new password').fill(OLGA_PASSWORD);
    await page.getByRole('button', { name: 'Save password and continue' }).click();

    await page.getByRole('heading', { name: 'Set up two-step verification' }).waitFor();
    await axe.check('enrollment (choice)');
    await page.getByRole('button', { name: /Text message \(SMS\)/ }).click();
    await page.getByLabel('Mobile number').waitFor();
    await axe.check('enrollment (SMS)');
    await page.getByRole('button', { name: /Authenticator app/ }).click();
    await page.getByRole('button', { name: 'Show the QR code' }).click();
    await pw(page.getByRole('img', { name: /QR code for your authenticator app/ })).toBeVisible();
    await axe.check('enrollment (authenticator)');
    const key = (await page.getByLabel('Key for manual entry').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(totpCode(key, Date.now()));
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    await axe.check('recovery codes');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, 'olga', OLGA_PASSWORD);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await axe.check('second factor');
    await page.getByLabel('6-digit code').fill(totpCode(key, Date.now() + 30_000));
    await page.getByLabel(/Remember this device/).check();
    await page.getByRole('button', { name: 'Verify' }).click();
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    await nav(page, 'My security');
    await pw(page.getByRole('button', { name: /^Forget / })).toBeVisible();
    await axe.check('my security');
    await page.getByRole('button', { name: 'Set up a new phone or app' }).click();
    await axe.check('my security (new phone or app)');
    await shot(page, 'my-security');

    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: /^Locked/ }).waitFor();
    await axe.check('lock screen');
    await shot(page, 'lock');

    // Without its access key the page is blocked.
    const bare = await app.newPage({ withToken: false });
    await bare.getByRole('heading', { name: 'This page needs its access key' }).waitFor();
    await axe.check('blocked (no access key)', { page: bare });
    await shot(bare, 'blocked');

    noViolations(axe, 'sign-in');
  });

  it('orders: results, an order, each ticket dialog, a bulk job, the keyboard shortcuts panel', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Admin');
    await importOrders(app, order('SO-1001', FLUTE, 8), order('SO-1002', TOSCA, 3, { paid: false }), order('SO-1003', FLUTE, 300, { name: 'Clara Müller' }));
    const axe = new Findings(page);

    await search(page, 'clara');
    await pw(page.getByRole('list', { name: 'Matching orders' })).toBeVisible();
    await axe.check('orders: search results');
    await shot(page, 'orders-results');

    await page.getByRole('button', { name: /SO-1001/ }).click();
    await page.getByRole('heading', { name: 'Order SO-1001' }).waitFor();
    await axe.check('orders: an order');

    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('orders: mobile ticket dialog');
    await closeDialog(page);
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 2$/ }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(500);
    await axe.check('orders: print@home dialog');
    await closeDialog(page);
    await page.getByRole('button', { name: 'Reissue, ticket 3' }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('orders: reissue dialog');
    await closeDialog(page);
    await page.getByRole('button', { name: /^Reissue all not issued/ }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('orders: reissue all (confirm)');
    await closeDialog(page);

    // The issued states in the list: mobile, print@home.
    await axe.check('orders: an order with issued tickets');
    await shot(page, 'orders-order');

    await page.locator('.shortcuts > summary').click();
    await axe.check('orders: keyboard shortcuts panel');
    await page.locator('.shortcuts > summary').click();

    await openOrder(page, 'SO-1003');
    await page.getByRole('button', { name: /^Print@home all not issued/ }).click();
    await pw(page.getByRole('progressbar')).toBeVisible();
    await axe.check('orders: a bulk job');
    await pw(page.getByRole('button', { name: /^Download tickets-/ })).toBeVisible();
    await axe.check('orders: a bulk job (done)');
    await shot(page, 'orders-job');

    // An unpaid order: its notes and disabled buttons.
    await openOrder(page, 'SO-1002');
    await axe.check('orders: an unpaid order');

    noViolations(axe, 'orders');
  });

  it('gate: idle, admit, refusals', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Admin');
    await importOrders(app, order('SO-3001', FLUTE, 2), order('SO-3002', TOSCA, 1));
    const [first] = await barcodes(app, 'SO-3001');
    const axe = new Findings(page);

    await nav(page, 'Gate');
    await axe.check('gate: choose the event');
    const flute = await page.locator('#gate-event option', { hasText: 'Flute' }).getAttribute('value');
    await page.getByLabel('Event').selectOption(flute!);
    await pw(page.getByLabel('Barcode')).toBeEnabled();
    await axe.check('gate: ready');
    const verdict = page.getByRole('status', { name: 'Scan result' });
    await scan(page, first!);
    await pw(verdict).toContainText('Admit');
    await axe.check('gate: admit');
    await shot(page, 'gate-admit');
    await page.waitForTimeout(3_200);
    await scan(page, first!);
    await pw(verdict).toContainText('Already scanned');
    await axe.check('gate: already scanned');
    await scan(page, 'NOT-A-TICKET');
    await pw(verdict).toContainText('Do not admit');
    await axe.check('gate: unknown');
    await shot(page, 'gate-refused');

    noViolations(axe, 'gate');
  });

  it('admin: every tab and dialog; the kiosk quit dialog', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Admin');
    const axe = new Findings(page);

    await nav(page, 'Admin');
    await axe.check('admin: operators');
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    await pw(page.getByText(/Two-step verification is on/)).toBeVisible();
    await page.getByLabel("New operator's login").fill('olga');
    await page.getByLabel("New operator's full name").fill('Olga Operator');
    await page.getByRole('button', { name: 'Generate a one-time password' }).click();
    await axe.check('admin: create operator (password generated)');
    await page.getByRole('button', { name: 'Create operator' }).click();
    await pw(page.getByRole('cell', { name: 'olga', exact: true })).toBeVisible();
    await axe.check('admin: operators (two-step on, two operators)');
    await shot(page, 'admin-operators');

    await page.getByRole('button', { name: 'Reset password of olga' }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('admin: reset password dialog');
    await closeDialog(page);
    await page.getByRole('button', { name: 'Remembered devices of olga' }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('admin: remembered devices dialog');
    await closeDialog(page);
    await page.getByRole('button', { name: 'Switch two-step verification off' }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('admin: two-step off (confirm)');
    await page.getByRole('dialog').getByRole('button', { name: 'Keep it on' }).click();

    for (const tab of ['Terminals', 'Institution', 'Data and backup', 'Audit log']) {
      await adminTab(page, tab);
      await page.waitForTimeout(300);
      await axe.check(`admin: ${tab}`);
      await shot(page, `admin-${tab.toLowerCase().replace(/\W+/g, '-')}`);
    }
    await adminTab(page, 'Data and backup');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await pw(page.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: /^Choose box-office-backup-/ }).click();
    await axe.check('admin: backup chosen for restore');
    await adminTab(page, 'Audit log');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await pw(page.getByText(/The log is intact/)).toBeVisible();
    await axe.check('admin: audit log verified');

    const kiosk = await launchApp({ BOX_OFFICE_KIOSK: '1' });
    await setUpFirstAccount(kiosk.page);
    await kiosk.page.getByRole('button', { name: 'Sign out' }).click();
    await kiosk.page.getByRole('button', { name: 'Close kiosk…' }).click();
    await kiosk.page.getByRole('dialog', { name: 'Close the kiosk' }).waitFor();
    await axe.check('kiosk: quit dialog', { page: kiosk.page });
    await shot(kiosk.page, 'kiosk-quit');

    noViolations(axe, 'admin');
  });
});

/** A signed-in admin with an open order of 12 tickets (2 issued), a second order and two events for the gate. */
async function counterWithAnOrder() {
  const app = await launchApp();
  const { page } = app;
  await setUpFirstAccount(page, 'Anna Admin');
  await importOrders(app, order('SO-5001', FLUTE, 12), order('SO-5002', TOSCA, 2, { paid: false }));
  return app;
}

/** The screens the reflow, target-size and theme checks visit, each opened from wherever the page is. */
const MAIN_SCREENS: { name: string; open: (app: App) => Promise<void> }[] = [
  {
    name: 'orders',
    open: async ({ page }) => {
      await openOrder(page, 'SO-5001');
      await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).waitFor();
    },
  },
  {
    name: 'gate',
    open: async ({ page }) => {
      await nav(page, 'Gate');
      await page.getByLabel('Barcode').waitFor();
    },
  },
  {
    name: 'admin',
    open: async ({ page }) => {
      await nav(page, 'Admin');
      await page.getByRole('table', { name: /Operators/ }).waitFor();
    },
  },
  {
    name: 'audit',
    open: async ({ page }) => {
      await nav(page, 'Admin');
      await adminTab(page, 'Audit log');
      await page.getByRole('table', { name: 'Audit entries' }).waitFor();
    },
  },
  {
    name: 'security',
    open: async ({ page }) => {
      await nav(page, 'My security');
      await page.getByRole('heading', { name: 'My security' }).waitFor();
    },
  },
];

describe('beyond axe (issue 14, item 2)', () => {
  it('reflows at 400 % (320 CSS px) and 200 % (640 CSS px): no sideways scrolling, "Sign out" in view, the verdict at the top', async () => {
    const app = await counterWithAnOrder();
    const { page } = app;
    const [first] = await barcodes(app, 'SO-5001');
    const problems: string[] = [];
    const look = async (where: string) => {
      const extra = await sidewaysScroll(page);
      if (extra > 0) problems.push(`${where}: scrolls ${extra}px sideways (${(await overflowing(page)).join(', ')})`);
    };

    for (const [width, height] of [[320, 256], [640, 400]] as const) {
      await page.setViewportSize({ width, height });
      for (const screen of MAIN_SCREENS) {
        await screen.open(app);
        await page.waitForTimeout(200);
        const where = `${screen.name} at ${width}px`;
        await look(where);
        // The top bar wraps rather than scrolls: every part of it is inside the window, "Sign out" included.
        const inside = await scrollsInside(page, '.topbar, .topbar *');
        if (inside.length) problems.push(`${where}: the top bar scrolls inside (${inside.join(', ')})`);
        const signOut = page.getByRole('button', { name: 'Sign out' });
        const box = (await signOut.boundingBox())!;
        if (box.x < 0 || box.x + box.width > width + 0.5) problems.push(`${where}: "Sign out" is cut off (x ${box.x}–${box.x + box.width})`);
        await shot(page, `${screen.name}-${width}`);
      }
      // An open dialog reflows too.
      await openOrder(page, 'SO-5001');
      await page.getByRole('button', { name: 'Reissue, ticket 4' }).click();
      await page.getByRole('dialog').waitFor();
      await look(`reissue dialog at ${width}px`);
      const dialogBox = (await page.getByRole('dialog').boundingBox())!;
      if (dialogBox.x < 0 || dialogBox.x + dialogBox.width > width + 0.5) problems.push(`reissue dialog at ${width}px: wider than the window`);
      await shot(page, `reissue-dialog-${width}`, false);
      await page.keyboard.press('Escape');

      // The gate: the verdict at the top, in view after a scan, at either zoom.
      await nav(page, 'Gate');
      const flute = await page.locator('#gate-event option', { hasText: 'Flute' }).getAttribute('value');
      if (flute) await page.getByLabel('Event').selectOption(flute);
      await pw(page.getByLabel('Barcode')).toBeEnabled();
      await scan(page, first!);
      const verdict = page.getByRole('status', { name: 'Scan result' });
      await pw(verdict).toContainText(width === 320 ? 'Admit' : 'Already scanned');
      await page.waitForTimeout(200);
      if (!(await inViewport(verdict, page))) problems.push(`gate at ${width}px: the verdict is not wholly in view (${JSON.stringify(await verdict.boundingBox())})`);
      const field = (await page.getByLabel('Barcode').boundingBox())!;
      const v = (await verdict.boundingBox())!;
      if (field.y < v.y) problems.push(`gate at ${width}px: the verdict is not above the barcode field`);
      await look(`gate after a scan at ${width}px`);
      await shot(page, `gate-verdict-${width}`, false);
      await page.waitForTimeout(3_200);
    }

    // Signed out: the sign-in card at both widths.
    await page.getByRole('button', { name: 'Sign out' }).click();
    for (const [width, height] of [[320, 256], [640, 400]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await look(`sign-in at ${width}px`);
      await shot(page, `sign-in-${width}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every button, link and field on the main screens is at least 24×24 CSS px (WCAG 2.5.8)', async () => {
    const app = await counterWithAnOrder();
    const { page } = app;
    const problems: string[] = [];
    for (const screen of MAIN_SCREENS) {
      await screen.open(app);
      await page.waitForTimeout(200);
      const { checked, small } = await smallTargets(page);
      expect(checked, screen.name).toBeGreaterThan(5);
      problems.push(...small.map((x) => `${screen.name}: ${x}`));
    }
    await openOrder(page, 'SO-5001');
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await page.getByRole('dialog').waitFor();
    problems.push(...(await smallTargets(page)).small.map((x) => `mobile dialog: ${x}`));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    problems.push(...(await smallTargets(page)).small.map((x) => `sign-in: ${x}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('focus returns to the control that opened a dialog: a ticket dialog, a confirmation, an admin dialog', async () => {
    const app = await counterWithAnOrder();
    const { page } = app;
    await openOrder(page, 'SO-5001');

    // A ticket dialog, closed with its button and with Escape.
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 2$/ }).click();
    await page.getByRole('dialog').waitFor();
    await closeDialog(page);
    await focusReturnsTo(page, /^(Issue to|Show) mobile, ticket 2$/);
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 3$/ }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await focusReturnsTo(page, /^(Print@home|Open PDF), ticket 3$/);

    // A confirmation (reissue all, a dangerous action), cancelled.
    const reissueAll = page.getByRole('button', { name: /^Reissue all not issued/ });
    await reissueAll.click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await focusReturnsTo(page, (await reissueAll.textContent())!.trim());

    // Admin: the two-step confirmation and the reset-password dialog.
    await nav(page, 'Admin');
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    const off = page.getByRole('button', { name: 'Switch two-step verification off' });
    await off.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Keep it on' }).click();
    await focusReturnsTo(page, 'Switch two-step verification off');
    await page.getByRole('button', { name: 'Reset password of anna' }).click();
    await page.getByRole('dialog').waitFor();
    await closeDialog(page);
    await focusReturnsTo(page, 'Reset password of anna');
  });

  it('forced colours (Windows high contrast): badges, verdicts, focus outlines and danger buttons stay distinguishable', async () => {
    const app = await counterWithAnOrder();
    const { page } = app;
    const [first] = await barcodes(app, 'SO-5001');
    await page.emulateMedia({ forcedColors: 'active' });
    const style = (selector: string) =>
      page.locator(selector).first().evaluate((e) => {
        const s = getComputedStyle(e);
        return { border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`, outline: `${s.outlineWidth} ${s.outlineStyle}`, background: s.backgroundColor, color: s.color, decoration: s.textDecorationLine };
      });

    await openOrder(page, 'SO-5001');
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await closeDialog(page);
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 2$/ }).click();
    await closeDialog(page);
    // Badges keep a shape (a border) when their background is gone.
    for (const badge of ['.badge--none', '.badge--mobile', '.badge--print_at_home']) expect((await style(badge)).border, badge).toMatch(/^[1-9][\d.]*px solid/);
    // The danger button is unlike an ordinary one.
    const ordinary = await style('.orders__bulk-button:not(.button--danger-outline)');
    const danger = await style('.button--danger-outline');
    expect(danger.border).not.toBe(ordinary.border);
    // The focus outline is drawn (a system colour, at least 2 px).
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 3$/ }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const focus = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { width: parseFloat(s.outlineWidth), style: s.outlineStyle };
    });
    expect(focus.style).not.toBe('none');
    expect(focus.width).toBeGreaterThanOrEqual(2);
    await shot(page, 'forced-orders');
    await page.getByRole('button', { name: /^Reissue all not issued/ }).click();
    await page.getByRole('dialog').waitFor();
    expect((await style('.modal .button--danger')).border).not.toBe((await style('.modal .modal__head .button')).border);
    await shot(page, 'forced-reissue-all', false);
    await page.keyboard.press('Escape');

    // Admit and refuse are told apart without colour: their frames differ, and each has its own icon.
    await nav(page, 'Gate');
    const flute = await page.locator('#gate-event option', { hasText: 'Flute' }).getAttribute('value');
    if (flute) await page.getByLabel('Event').selectOption(flute);
    await pw(page.getByLabel('Barcode')).toBeEnabled();
    const verdict = page.getByRole('status', { name: 'Scan result' });
    await scan(page, first!);
    await pw(verdict).toContainText('Admit');
    const admit = await style('.scan');
    await shot(page, 'forced-gate-admit');
    await page.waitForTimeout(3_200);
    await scan(page, first!);
    await pw(verdict).toContainText('Already scanned');
    const refuse = await style('.scan');
    await shot(page, 'forced-gate-refused');
    expect(refuse.border).not.toBe(admit.border);
    expect(admit.border).toMatch(/^[1-9][\d.]*px/);

    await nav(page, 'Admin');
    await page.getByRole('table', { name: /Operators/ }).waitFor();
    await shot(page, 'forced-admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'forced-sign-in');
  });

  it('the dark theme: colour contrast passes on the main screens and dialogs', async () => {
    const app = await counterWithAnOrder();
    const { page } = app;
    const [first] = await barcodes(app, 'SO-5001');
    await page.emulateMedia({ colorScheme: 'dark' });
    const axe = new Findings(page);
    const contrast = { rules: ['color-contrast'] };

    await openOrder(page, 'SO-5001');
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('dark: mobile dialog', contrast);
    await closeDialog(page);
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 2$/ }).click();
    await closeDialog(page);
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 3$/ }).focus();
    await axe.check('dark: an order', contrast);
    await shot(page, 'dark-orders');
    await page.getByRole('button', { name: /^Reissue all not issued/ }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('dark: reissue all', contrast);
    await shot(page, 'dark-reissue-all', false);
    await page.keyboard.press('Escape');
    await search(page, 'clara');
    await pw(page.getByRole('list', { name: 'Matching orders' })).toBeVisible();
    await axe.check('dark: search results', contrast);
    await shot(page, 'dark-results');

    await nav(page, 'Gate');
    await axe.check('dark: gate', contrast);
    const flute = await page.locator('#gate-event option', { hasText: 'Flute' }).getAttribute('value');
    if (flute) await page.getByLabel('Event').selectOption(flute);
    await pw(page.getByLabel('Barcode')).toBeEnabled();
    await scan(page, first!);
    await pw(page.getByRole('status', { name: 'Scan result' })).toContainText('Admit');
    await axe.check('dark: gate admit', contrast);
    await shot(page, 'dark-gate');

    for (const screen of MAIN_SCREENS.filter((s) => ['admin', 'audit', 'security'].includes(s.name))) {
      await screen.open(app);
      await page.waitForTimeout(200);
      await axe.check(`dark: ${screen.name}`, contrast);
      await shot(page, `dark-${screen.name}`);
    }
    await page.getByRole('button', { name: 'Reset password of anna' }).count();
    await nav(page, 'Admin');
    await page.getByRole('button', { name: 'Reset password of anna' }).click();
    await page.getByRole('dialog').waitFor();
    await axe.check('dark: reset password dialog', contrast);
    await closeDialog(page);
    await adminTab(page, 'Institution');
    await page.waitForTimeout(300);
    await axe.check('dark: institution', contrast);
    await shot(page, 'dark-institution');

    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: /^Locked/ }).waitFor();
    await axe.check('dark: lock screen', contrast);
    await shot(page, 'dark-lock');
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await axe.check('dark: sign-in', contrast);
    await shot(page, 'dark-sign-in');

    noViolations(axe, 'dark');
  });

  it('light theme screenshots of the main screens (for the eye)', async () => {
    const app = await counterWithAnOrder();
    const { page } = app;
    for (const screen of MAIN_SCREENS) {
      await screen.open(app);
      await page.waitForTimeout(200);
      await shot(page, `light-${screen.name}`);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'light-sign-in');
  });
});

/**
 * WCAG 2.5.3 (label in name): a control's accessible name contains the words it shows, so that a voice-control user
 * can say what they see. axe's rule for it is experimental (not in the tags above): it runs here by name.
 */
describe('label in name (WCAG 2.5.3)', () => {
  it('on the order screen, its dialogs and the operators list, every accessible name contains the visible label', async () => {
    const app = await counterWithAnOrder();
    const { page } = app;
    const axe = new Findings(page);
    const rule = { rules: ['label-content-name-mismatch'] };
    await openOrder(page, 'SO-5001');
    await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).click();
    await closeDialog(page);
    await page.getByRole('button', { name: /^(Print@home|Open PDF), ticket 2$/ }).click();
    await closeDialog(page);
    await axe.check('label in name: an order (issued and not issued tickets)', rule);
    await nav(page, 'Admin');
    await page.getByRole('table', { name: /Operators/ }).waitFor();
    await axe.check('label in name: operators', rule);
    for (const tab of ['Terminals', 'Institution', 'Data and backup', 'Audit log']) {
      await adminTab(page, tab);
      await page.waitForTimeout(300);
      await axe.check(`label in name: admin ${tab}`, rule);
    }
    await nav(page, 'My security');
    await axe.check('label in name: my security', rule);

    // Names that need a new text in the catalogues: each entry says which. An entry that no longer matches anything
    // fails, so the list shrinks as the texts are fixed (empty now: every name starts with the visible text).
    const pending: { target: RegExp; fix: string }[] = [
    ];
    const used = new Set<number>();
    for (const finding of axe.all.splice(0)) {
      const left = finding.targets.filter((target) => {
        const i = pending.findIndex((p) => p.target.test(target));
        if (i >= 0) used.add(i);
        return i < 0;
      });
      if (left.length) axe.add({ ...finding, targets: left });
    }
    const stale = pending.filter((_, i) => !used.has(i)).map((p) => p.fix);
    expect(stale, 'these names are fixed now: remove them from the pending list').toEqual([]);
    noViolations(axe, 'label-in-name');
  });
});
