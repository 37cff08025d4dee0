import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const ONE_TIME_PASSWORD = 'Handed&Over-2026';
const OLGA_PASSWORD = 'Counter&Tickets-77';

async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const openAdmin = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
const adminTab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name }).click();
const operatorRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

describe('administration in Chromium', () => {
  it('operator lifecycle: one-time password → own password → disabled mid-session → enabled → signs in again', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page);
    await openAdmin(page);
    await page.getByLabel("New operator's login").fill('olga');
    await page.getByLabel("New operator's full name").fill('Olga Operator');
    await page.getByLabel("New operator's role").selectOption({ label: 'Box-office operator' });
    await page.getByLabel('One-time password').fill(ONE_TIME_PASSWORD);
    await page.getByRole('button', { name: 'Create operator' }).click();
    await pw(page.getByText(/can now sign in as olga with the one-time password/)).toBeVisible();
    await pw(operatorRow(page, 'Olga Operator')).toContainText('one-time password until');
    await app.screenshot('admin-operators-one-time');

    // Olga, at another terminal: the one-time password leads straight to choosing her own.
    const olga = await app.newPage();
    await signIn(olga, 'olga', ONE_TIME_PASSWORD);
    await olga.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await pw(olga.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await olga.getByLabel('New password', { exact: true }).fill(ONE_TIME_PASSWORD);
    await olga.getByLabel('Confirm new password').fill(ONE_TIME_PASSWORD);
    await olga.getByRole('button', { name: 'Save password and continue' }).click();
    await pw(olga.getByRole('alert')).toContainText('not the one-time password');
    await olga.getByLabel('New password', { exact: true }).fill(OLGA_PASSWORD);
    await olga.getByLabel('Confirm new password').fill('something else');
    await olga.getByRole('button', { name: 'Save password and continue' }).click();
    await pw(olga.getByRole('alert')).toContainText('not the same');
    await olga.getByLabel('Confirm new password').fill(OLGA_PASSWORD);
    await olga.screenshot({ path: 'test-results/screenshots/new-password.png' });
    await olga.getByRole('button', { name: 'Save password and continue' }).click();
    await pw(olga.getByRole('navigation', { name: 'Main' })).toBeVisible();

    // The admin disables her: her open session ends at once.
    await page.reload();
    await openAdmin(page);
    await pw(operatorRow(page, 'Olga Operator')).notToContainText('one-time password');
    await page.getByRole('button', { name: 'Disable olga' }).click();
    await pw(operatorRow(page, 'Olga Operator')).toContainText('disabled');
    await olga.getByLabel('Order number, customer name, email or barcode').fill('SO-1');
    await olga.getByLabel('Order number, customer name, email or barcode').press('Enter');
    await olga.getByRole('heading', { name: 'Sign in' }).waitFor();
    await pw(olga.getByText('You were signed out. Sign in again.')).toBeVisible();
    await signIn(olga, 'olga', OLGA_PASSWORD);
    await pw(olga.getByRole('alert')).toContainText('login or password is not right');

    // Enabled again: her own password works.
    await page.getByRole('button', { name: 'Enable olga' }).click();
    await pw(operatorRow(page, 'Olga Operator')).notToContainText('disabled');
    await signIn(olga, 'olga', OLGA_PASSWORD);
    await pw(olga.getByRole('navigation', { name: 'Main' })).toBeVisible();

    // Later she changes it herself, under My security.
    await olga.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My security' }).click();
    await olga.getByLabel('Current password').fill('not my password');
    await olga.getByLabel('New password', { exact: true }).fill('Later&Changed-2027');
    await olga.getByLabel('Confirm new password').fill('Later&Changed-2027');
    await olga.getByRole('button', { name: 'Change password' }).click();
    await pw(olga.getByRole('alert')).toContainText('current password is not right');
    await olga.getByLabel('Current password').fill(OLGA_PASSWORD);
    await olga.getByRole('button', { name: 'Change password' }).click();
    await pw(olga.getByText(/Your password is changed/)).toBeVisible();
    await olga.screenshot({ path: 'test-results/screenshots/my-security-password.png', fullPage: true });
    await olga.getByRole('button', { name: 'Sign out' }).click();
    await signIn(olga, 'olga', 'Later&Changed-2027');
    await pw(olga.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  it('the last admin cannot be disabled or demoted; a locked-out operator gets a reset and the lock lifted', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page);
    await openAdmin(page);
    await page.getByRole('button', { name: 'Disable anna' }).click();
    await pw(page.getByRole('alert')).toContainText('cannot disable your own account');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByLabel('Role of anna').selectOption({ label: 'Administrator' });
    await pw(page.getByRole('alert')).toContainText('last service account');
    expect(await page.getByLabel('Role of anna').inputValue()).toBe('service,admin');

    await page.getByLabel("New operator's login").fill('olga');
    await page.getByLabel("New operator's full name").fill('Olga Operator');
    await page.getByLabel('One-time password').fill(ONE_TIME_PASSWORD);
    await page.getByRole('button', { name: 'Create operator' }).click();
    await pw(operatorRow(page, 'Olga Operator')).toBeVisible();
    // Someone keeps trying olga's login at another terminal.
    for (let i = 0; i < 6; i++) expect((await app.shell.api('auth.signIn', { login: 'olga', password: 'Guess&Guess-123' })).body.ok).toBe(false);
    await page.reload();
    await openAdmin(page);
    await pw(operatorRow(page, 'Olga Operator')).toContainText('sign-in locked until');
    await app.screenshot('admin-operator-locked');
    await page.getByRole('button', { name: 'Reset password of olga' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the password of Olga Operator' });
    await dialog.getByLabel('One-time password').fill('short');
    await dialog.getByRole('button', { name: 'Set one-time password' }).click();
    await pw(dialog.getByRole('alert')).toContainText('too short');
    await dialog.getByLabel('One-time password').fill('Second&Chance-2026');
    await dialog.getByRole('button', { name: 'Set one-time password' }).click();
    await pw(page.getByText(/signs in next with the one-time password/)).toBeVisible();
    await pw(operatorRow(page, 'Olga Operator')).notToContainText('sign-in locked');
    const olga = await app.newPage();
    await signIn(olga, 'olga', 'Second&Chance-2026');
    await olga.getByRole('heading', { name: 'Choose your own password' }).waitFor();
  });

  it('institution settings: the name shows at sign-in, a weak policy is refused, the SMS outbox takes a test message', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page);
    await openAdmin(page);
    await adminTab(page, 'Institution');
    await page.getByLabel('Institution name').fill('Opera House');
    await page.getByLabel('Minimum password length').fill('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await pw(page.getByRole('alert')).toContainText('at least 12');
    await page.getByLabel('Minimum password length').fill('14');
    await page.getByLabel('Idle lock (minutes)').fill('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await pw(page.getByText(/Settings saved/)).toBeVisible();
    await page.getByLabel('Test phone number').fill('079 123 45 67');
    await page.getByRole('form', { name: 'Send a test SMS' }).getByLabel('Country').selectOption('CH');
    await page.getByRole('button', { name: 'Send a test SMS' }).click();
    await pw(page.getByText(/Test message sent to \+41 •••• ••45 67 through the outbox file/)).toBeVisible();
    await page.getByLabel('An SMS provider (Twilio-compatible)').check();
    await page.getByLabel('Account id').fill('AC123');
    await page.getByLabel('Sender number').fill('+41790000000');
    await page.getByRole('button', { name: 'Save SMS settings' }).click();
    await pw(page.getByRole('alert').first()).toContainText('auth token');
    await app.screenshot('admin-institution');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await pw(page.getByRole('main')).toContainText('Opera House');
  });

  it('backs up, then restores that backup: later changes are gone and everybody signs in again', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page);
    await openAdmin(page);
    await adminTab(page, 'Data and backup');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await pw(page.getByText(/Backed up to .*box-office-backup-.*\.sqlite/)).toBeVisible();
    await pw(page.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await pw(page.getByText(/Demo data loaded/)).toBeVisible();
    await page.getByRole('button', { name: /^Choose box-office-backup-/ }).click();
    await page.getByLabel('Your password').fill('not my password');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await pw(page.getByRole('alert')).toContainText('password is not right');
    await page.getByLabel('Your password').fill(STRONG_PASSWORD);
    await app.screenshot('admin-backup');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await pw(page.getByText(/Restored from .*0 tickets/)).toBeVisible();
    await signIn(page, 'anna', STRONG_PASSWORD);
    await page.getByLabel('Order number, customer name, email or barcode').fill('DEMO-GROUP-5000');
    await page.getByLabel('Order number, customer name, email or barcode').press('Enter');
    await pw(page.getByText(/No order matches/)).toBeVisible();
  });
});

describe('kiosk mode in Chromium', () => {
  it('shows only the gate and orders, refuses the rest through the API, and closes only with an admin password', async () => {
    const app = await launchApp({ BOX_OFFICE_KIOSK: '1' });
    const { page } = app;
    await setUpFirstAccount(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('button').allTextContents()).toEqual(['Orders', 'Gate']);
    // The page cannot reach administration even by calling the bridge itself.
    const answer = await page.evaluate(() => window.boxOffice!.operators.list());
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/kiosk/) } });
    await app.screenshot('kiosk-home');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Close kiosk…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close the kiosk' });
    await dialog.getByLabel('Administrator login').fill('anna');
    await dialog.getByLabel('Administrator password').fill('wrong password');
    await dialog.getByRole('button', { name: 'Close Box Office' }).click();
    await pw(dialog.getByRole('alert')).toContainText('login or password is not right');
    expect(app.shell.process.exitCode).toBeNull();
    await dialog.getByLabel('Administrator password').fill(STRONG_PASSWORD);
    await dialog.getByRole('button', { name: 'Close Box Office' }).click();
    await pw(dialog.getByText('Box Office is closing.')).toBeVisible();
    const code = await new Promise((resolve) => (app.shell.process.exitCode !== null ? resolve(app.shell.process.exitCode) : app.shell.process.once('exit', resolve)));
    expect(code).toBe(0);
  });
});
