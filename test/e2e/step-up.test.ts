/**
 * Sensitive actions in Chromium (issue 15): the reissue and emergency-code dialogs ask the acting operator's code
 * again once her last proof is old (the web shell's development clock moved 6 minutes), and a supervisor's login, password and
 * code when the institution requires an approval.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { totpCode } from '../../electron/core/mfa/totp';
import { Findings } from './a11y';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD, type App } from './fixtures';
import { expect as pw } from './pw-expect';

const OPERATOR_PASSWORD = 'Counter&Tickets-77';
const ONE_TIME_PASSWORD = 'Handed&Over-2026';
const EVENT = { name: 'The Magic Flute', venue: 'Opera House', startsAt: '2026-12-05T19:30:00+01:00' };
const ORDER = {
  orders: [
    {
      number: 'SO-1001',
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

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A web shell whose core clock this test can move (development only: beside the outbox switch). */
async function launchWithClock(): Promise<{ app: App; moveClock: (ms: number) => void; offset: () => number }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-e2e-clock-'));
  folders.push(folder);
  const file = path.join(folder, 'offset');
  let offset = 0;
  fs.writeFileSync(file, '0');
  const app = await launchApp({ BOX_OFFICE_DEV_OUTBOX: '1', BOX_OFFICE_DEV_CLOCK_FILE: file });
  return {
    app,
    moveClock: (ms) => {
      offset += ms;
      fs.writeFileSync(file, String(offset));
    },
    offset: () => offset,
  };
}

/** Through the documented API (the shell's own cookie): a ticket printed, so its reissue is sensitive. */
async function printedOrder(app: App) {
  expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify(ORDER) })).body).toMatchObject({ ok: true });
  const orderId = (await app.shell.api('orders.search', { query: 'SO-1001' })).body.value.orders[0].id as number;
  const ticketId = (await app.shell.api('orders.get', { orderId })).body.value.tickets[0].id as number;
  expect((await app.shell.api('delivery.printAtHome', { ticketId })).body.ok).toBe(true);
}

/** Enrolls an authenticator for whoever the API session is; returns its key. */
async function enrollTotp(app: App, now: () => number): Promise<string> {
  const started = (await app.shell.api('mfa.startTotp', {})).body;
  expect(started.ok).toBe(true);
  const key = (started.value.manualKey as string).replace(/\s/g, '');
  expect((await app.shell.api('mfa.confirmTotp', { code: totpCode(key, now()) })).body.ok).toBe(true);
  return key;
}

async function openOrder(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await page.getByLabel('Order number, customer name, email or barcode').fill('SO-1001');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('heading', { name: 'Order SO-1001' }).waitFor();
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

describe('sensitive actions in Chromium', () => {
  it('a reissue of a printed ticket asks the code again after 5 minutes', async () => {
    const { app, moveClock, offset } = await launchWithClock();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    expect((await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    const key = await enrollTotp(app, () => Date.now() + offset());
    await printedOrder(app);

    await openOrder(page);
    // Within 5 minutes of her last proof: the reason is all the dialog asks.
    await page.getByRole('button', { name: 'Reissue, ticket 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reissue Stalls A1' });
    await pw(dialog.getByLabel('Reason for reissue')).toBeVisible();
    await pw(dialog.getByRole('group', { name: 'Confirm it is you' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Six minutes later (the web shell's development clock), the same dialog asks her code again.
    moveClock(6 * 60_000);
    await page.getByRole('button', { name: 'Reissue, ticket 1' }).click();
    const group = dialog.getByRole('group', { name: 'Confirm it is you' });
    await pw(group).toBeVisible();
    await pw(group.getByText(/more than 5 minutes old/)).toBeVisible();
    await dialog.getByLabel('Reason for reissue').fill('Customer lost the printout');
    await dialog.getByRole('button', { name: 'Reissue ticket', exact: true }).click();
    await pw(group.getByText('Enter your code.')).toBeVisible();
    // A wrong code: refused beside the field, saying what to do.
    await group.getByLabel('Your code').fill('000000');
    await dialog.getByRole('button', { name: 'Reissue ticket', exact: true }).click();
    await pw(group.getByText(/That code is not right\. Enter the code your authenticator app shows now/)).toBeVisible();
    await app.screenshot('step-up-reissue-dialog');
    const findings = new Findings(page);
    await findings.check('reissue dialog: step-up with a wrong code');
    expect(findings.all, findings.report()).toEqual([]);
    await group.getByLabel('Your code').fill(totpCode(key, Date.now() + offset()));
    await dialog.getByRole('button', { name: 'Reissue ticket', exact: true }).click();
    await pw(page.getByText(/Ticket 1 was reissued as duplicate #1/)).toBeVisible();
    await pw(dialog).toHaveCount(0);

    const audit = (await app.shell.api('audit.list', { kind: 'auth.step-up' })).body.value.entries as { kind: string; actorLogin: string; detail: Record<string, unknown> }[];
    expect(audit.find((e) => e.kind === 'auth.step-up')).toMatchObject({ actorLogin: 'anna', detail: { action: 'reissue', method: 'totp' } });
  });

  it("with approval required, an operator's reissue needs a supervisor's login and code, her own is refused, and the audit names both", async () => {
    const { app, moveClock, offset } = await launchWithClock();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    const api = app.shell.api;
    expect((await api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    // Anna asks for a supervisor's approval of a delivered ticket's reissue (Admin → Institution).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Institution' }).click();
    const settings = page.getByRole('region', { name: 'Sensitive actions' });
    expect(await settings.getByLabel('Ask again after (minutes)').inputValue()).toBe('5');
    await settings.getByLabel('Reissuing a delivered ticket').check();
    await settings.getByRole('button', { name: 'Save sensitive-action settings' }).click();
    await pw(settings.getByText('Sensitive-action settings saved.')).toBeVisible();
    await app.screenshot('institution-sensitive-actions');
    expect((await api('settings.get', {})).body.value.approvals).toEqual({ reissue: true, bulkReissue: false, restore: false, twoStepOff: false });
    for (const [login, displayName] of [
      ['olga', 'Olga Senior'],
      ['sofia', 'Sofia Supervisor'],
    ] as const) {
      expect((await api('operators.create', { login, displayName, roles: ['supervisor'], password: ONE_TIME_PASSWORD })).body.ok).toBe(true);
    }
    await printedOrder(app);
    // Each chooses her own password; Sofia sets up an authenticator.
    let sofiaKey = '';
    for (const login of ['olga', 'sofia']) {
      expect((await api('auth.signIn', { login, password: ONE_TIME_PASSWORD })).body.ok).toBe(true);
      expect((await api('auth.setNewPassword', { password: OPERATOR_PASSWORD })).body.ok).toBe(true);
      if (login === 'sofia') sofiaKey = await enrollTotp(app, () => Date.now());
      await api('auth.signOut', {});
    }

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'olga', OPERATOR_PASSWORD);
    await openOrder(page);
    await page.getByRole('button', { name: 'Reissue, ticket 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reissue Stalls A1' });
    const approval = dialog.getByRole('group', { name: 'Supervisor approval' });
    await pw(approval).toBeVisible();
    await app.screenshot('approval-reissue-dialog');
    await dialog.getByLabel('Reason for reissue').fill('Customer lost the printout');

    // Her own login and password: nobody approves her own action.
    await approval.getByLabel('Supervisor login').fill('olga');
    await approval.getByLabel('Supervisor password').fill(OPERATOR_PASSWORD);
    await dialog.getByRole('button', { name: 'Reissue ticket', exact: true }).click();
    await pw(approval.getByRole('alert')).toContainText(/Nobody approves her own action: another person with the supervisor right enters her login here/);
    await app.screenshot('approval-own-refused');
    const findings = new Findings(page);
    await findings.check('reissue dialog: own approval refused');
    expect(findings.all, findings.report()).toEqual([]);

    // Sofia, at the same terminal: her login, password and the code her app shows (a step after the one she enrolled with).
    await approval.getByLabel('Supervisor login').fill('sofia');
    await approval.getByLabel('Supervisor password').fill(OPERATOR_PASSWORD);
    await approval.getByLabel('Supervisor code').fill(totpCode(sofiaKey, Date.now() + 30_000));
    await dialog.getByRole('button', { name: 'Reissue ticket', exact: true }).click();
    await pw(page.getByText(/Ticket 1 was reissued as duplicate #1/)).toBeVisible();

    // The audit log names both: Olga reissued, Sofia approved.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'anna', STRONG_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Audit log' }).click();
    await pw(page.getByText(/Approved by sofia\./).first()).toBeVisible();
    await pw(page.getByText(/sofia approved reissuing a delivered ticket at this terminal with the authenticator app\./)).toBeVisible();
    await app.screenshot('approval-audit-log');
    expect((await api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    const entries = (await api('audit.list', { kind: 'delivery.reissued' })).body.value.entries as { actorLogin: string; detail: Record<string, unknown> }[];
    expect(entries[0]).toMatchObject({ actorLogin: 'olga', detail: { approvedBy: 'sofia' } });

    // Switching the requirement off again is itself approved by a supervisor: four eyes guard their own removal.
    // A minute on (the core's clock), so Sofia's app shows a code after the one she used.
    moveClock(60_000);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Institution' }).click();
    await settings.getByLabel('Reissuing a delivered ticket').uncheck();
    await settings.getByRole('button', { name: 'Save sensitive-action settings' }).click();
    const off = page.getByRole('dialog', { name: 'Switch a supervisor approval off?' });
    await pw(off.getByText(/These will no longer need a supervisor’s approval: Reissuing a delivered ticket\./)).toBeVisible();
    const offApproval = off.getByRole('group', { name: 'Supervisor approval' });
    await offApproval.getByLabel('Supervisor login').fill('sofia');
    await offApproval.getByLabel('Supervisor password').fill(OPERATOR_PASSWORD);
    await offApproval.getByLabel('Supervisor code').fill(totpCode(sofiaKey, Date.now() + offset()));
    await app.screenshot('approval-switched-off');
    const offFindings = new Findings(page);
    await offFindings.check('approval off: the dialog');
    expect(offFindings.all, offFindings.report()).toEqual([]);
    await off.getByRole('button', { name: 'Save without the approval' }).click();
    await pw(settings.getByText('Sensitive-action settings saved.')).toBeVisible();
    expect((await api('settings.get', {})).body.value.approvals).toEqual({ reissue: false, bulkReissue: false, restore: false, twoStepOff: false });
  });

  it('resetting factors, releasing two-step and switching it off ask in one dialog: her code again, then a supervisor', async () => {
    const { app, moveClock, offset } = await launchWithClock();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    const api = app.shell.api;
    expect((await api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
    const key = await enrollTotp(app, () => Date.now() + offset());
    expect((await api('mfa.setFeature', { enabled: true })).body.ok).toBe(true);
    expect((await api('settings.update', { approvals: { reissue: false, bulkReissue: false, restore: false, twoStepOff: true } })).body.ok).toBe(true);
    expect((await api('operators.create', { login: 'olga', displayName: 'Olga Operator', roles: ['operator'], password: ONE_TIME_PASSWORD })).body.ok).toBe(true);
    expect((await api('operators.create', { login: 'sofia', displayName: 'Sofia Supervisor', roles: ['supervisor'], password: ONE_TIME_PASSWORD })).body.ok).toBe(true);
    expect((await api('auth.signIn', { login: 'sofia', password: ONE_TIME_PASSWORD })).body.ok).toBe(true);
    expect((await api('auth.setNewPassword', { password: OPERATOR_PASSWORD })).body.ok).toBe(true);
    // Olga must use two-step (the feature is on): she sets up an authenticator at her first sign-in.
    expect((await api('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD })).body.ok).toBe(true);
    expect((await api('auth.setNewPassword', { password: OPERATOR_PASSWORD })).body.value.state).toBe('enrollment');
    await enrollTotp(app, () => Date.now() + offset());

    // Six minutes on: an emergency code for Olga stands in for her factor once, so it asks Anna's code again
    // (and never a supervisor, whatever the institution puts under four eyes).
    moveClock(6 * 60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Emergency code for olga' }).click();
    const emergency = page.getByRole('dialog', { name: 'Emergency code for Olga Operator' });
    await pw(emergency.getByRole('group', { name: 'Confirm it is you' })).toBeVisible();
    await pw(emergency.getByRole('group', { name: 'Supervisor approval' })).toHaveCount(0);
    await emergency.getByRole('button', { name: 'Issue a code' }).click();
    await pw(emergency.getByText('Enter your code.')).toBeVisible();
    await pw(emergency.locator('code.manual-key')).toHaveCount(0);
    await app.screenshot('step-up-emergency-code');
    const findings = new Findings(page);
    await findings.check('emergency code: step-up');
    await emergency.getByLabel('Your code').fill(totpCode(key, Date.now() + offset()));
    await emergency.getByRole('button', { name: 'Issue a code' }).click();
    await pw(emergency.locator('code.manual-key')).toBeVisible();
    await emergency.getByRole('button', { name: 'Close', exact: true }).click();

    // Six minutes more: resetting Olga's factors asks Anna's code again (no approval is ever asked for it).
    moveClock(6 * 60_000);
    await page.getByRole('button', { name: 'Reset two-step verification for olga' }).click();
    const reset = page.getByRole('dialog', { name: 'Reset two-step verification of Olga Operator?' });
    await pw(reset.getByRole('group', { name: 'Confirm it is you' })).toBeVisible();
    await pw(reset.getByRole('group', { name: 'Supervisor approval' })).toHaveCount(0);
    await app.screenshot('step-up-reset-factors');
    await findings.check('reset factors: step-up');
    await reset.getByLabel('Your code').fill(totpCode(key, Date.now() + offset()));
    await reset.getByRole('button', { name: 'Reset two-step verification', exact: true }).click();
    await pw(page.getByText('Olga Operator will set up two-step verification again at the next sign-in.')).toBeVisible();

    // Releasing her requirement is switching two-step off for her: Anna's proof is fresh now, a supervisor approves.
    await page.getByRole('button', { name: 'Release two-step verification for olga' }).click();
    const release = page.getByRole('dialog', { name: 'Release two-step verification for Olga Operator?' });
    const approval = release.getByRole('group', { name: 'Supervisor approval' });
    await pw(approval).toBeVisible();
    await pw(release.getByRole('group', { name: 'Confirm it is you' })).toHaveCount(0);
    await release.getByRole('button', { name: 'Release two-step verification', exact: true }).click();
    await pw(approval.getByText('Enter the supervisor login.')).toBeVisible();
    await app.screenshot('approval-release-two-step');
    // Sofia has no second factor: her login and password are her approval.
    await approval.getByLabel('Supervisor login').fill('sofia');
    await approval.getByLabel('Supervisor password').fill(OPERATOR_PASSWORD);
    await release.getByRole('button', { name: 'Release two-step verification', exact: true }).click();
    await pw(page.getByText('Olga Operator: two-step verification released.')).toBeVisible();

    // The institution's switch: the same dialog asks the supervisor again (an approval is never kept for later).
    await page.getByRole('button', { name: 'Switch two-step verification off' }).click();
    const off = page.getByRole('dialog', { name: 'Switch two-step verification off?' });
    await pw(off.getByRole('group', { name: 'Supervisor approval' })).toBeVisible();
    await off.getByLabel('Supervisor login').fill('sofia');
    await off.getByLabel('Supervisor password').fill('Wrong&Password-1');
    await off.getByRole('button', { name: 'Switch it off' }).click();
    await pw(off.getByRole('alert')).toContainText(/supervisor login or password is not right/);
    await app.screenshot('approval-two-step-off');
    await findings.check('two-step off: wrong supervisor password');
    expect(findings.all, findings.report()).toEqual([]);
    await off.getByLabel('Supervisor password').fill(OPERATOR_PASSWORD);
    await off.getByRole('button', { name: 'Switch it off' }).click();
    await pw(page.getByText('Two-step verification is now off.')).toBeVisible();
  });
});
