import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../electron/core/mfa/totp';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const OLGA_PASSWORD = 'Counter&Tickets-77';
const ONE_TIME_PASSWORD = 'Handed&Over-2026';

async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const signOut = (page: Page) => page.getByRole('button', { name: 'Sign out' }).click();

async function createOperator(page: Page, login: string, role: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
  await page.getByLabel("New operator's login").fill(login);
  await page.getByLabel("New operator's full name").fill(login === 'olga' ? 'Olga Operator' : 'Gate One');
  await page.getByLabel("New operator's role").selectOption({ label: role });
  await page.getByLabel('One-time password').fill(ONE_TIME_PASSWORD);
}

/** The first sign-in with the one-time password: the operator chooses OLGA_PASSWORD. */
async function firstSignIn(page: Page, login: string) {
  await signIn(page, login, ONE_TIME_PASSWORD);
  await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
  await page.getByLabel('New password', { exact: true }).fill(OLGA_PASSWORD);
  await page.getByLabel('Confirm new password').fill(OLGA_PASSWORD);
  await page.getByRole('button', { name: 'Save password and continue' }).click();
}

describe('two-step verification in Chromium', () => {
  it('service switches it on, an admin creates an operator who enrolls, remembers the device, and is reset', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Service');

    // The service team switches the feature on.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await pw(page.getByText(/off for this institution/)).toBeVisible();
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    await pw(page.getByText(/Two-step verification is on/)).toBeVisible();

    // A new operator is required by default.
    await createOperator(page, 'olga', 'Box-office operator');
    expect(await page.getByLabel('Require two-step verification', { exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create operator' }).click();
    await pw(page.getByRole('cell', { name: 'olga', exact: true })).toBeVisible();
    await pw(page.getByRole('row', { name: /Olga Operator/ }).getByRole('cell', { name: 'Required', exact: true })).toBeVisible();
    await app.screenshot('admin-operators');
    await signOut(page);

    // Olga signs in, chooses her own password and must enroll before anything else.
    await firstSignIn(page, 'olga');
    await page.getByRole('heading', { name: 'Set up two-step verification' }).waitFor();
    await pw(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await page.getByRole('button', { name: /Authenticator app/ }).click();
    await page.getByRole('button', { name: 'Show the QR code' }).click();
    await pw(page.getByRole('img', { name: /QR code for your authenticator app/ })).toBeVisible();
    await pw(page.getByText(/same QR code may be scanned by several devices/)).toBeVisible();
    const key = (await page.getByLabel('Key for manual entry').textContent())!.replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await app.screenshot('enroll-totp');
    await page.getByLabel('Code from the app').fill(totpCode(key, Date.now()));
    await page.getByRole('button', { name: 'Confirm' }).click();

    // Recovery codes, shown once.
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    await pw(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await pw(page.getByRole('button', { name: 'Save as text file' })).toBeVisible();
    await app.screenshot('recovery-codes');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await signOut(page);

    // Next sign-in: password, then the code; remember this device.
    await signIn(page, 'olga', OLGA_PASSWORD);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await app.screenshot('second-factor');
    // The enrollment code used this 30 s step: the next step's code is within the tolerance.
    await page.getByLabel('6-digit code').fill(totpCode(key, Date.now() + 30_000));
    await page.getByLabel(/Remember this device for 30 days/).check();
    await page.getByRole('button', { name: 'Verify' }).click();
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await signOut(page);

    // Remembered: the password alone.
    await signIn(page, 'olga', OLGA_PASSWORD);
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My security' }).click();
    await pw(page.getByRole('button', { name: /^Forget / })).toBeVisible();
    await app.screenshot('my-security');
    await signOut(page);

    // The admin resets Olga's two-step verification (lost phone).
    await signIn(page, 'anna', STRONG_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    // Admins see and can forget any operator's remembered devices.
    await page.getByRole('button', { name: 'Remembered devices of olga' }).click();
    await pw(page.getByRole('dialog').getByRole('cell', { name: 'active', exact: true })).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    // A sensitive action: its own dialog (Anna's proof is fresh, so it asks nothing more).
    await page.getByRole('button', { name: 'Reset two-step verification for olga' }).click();
    await page.getByRole('dialog', { name: 'Reset two-step verification of Olga Operator?' }).getByRole('button', { name: 'Reset two-step verification', exact: true }).click();
    await pw(page.getByText(/will set up two-step verification again/)).toBeVisible();
    await signOut(page);

    await signIn(page, 'olga', OLGA_PASSWORD);
    await page.getByRole('heading', { name: 'Set up two-step verification' }).waitFor();
    await signOut(page);

    // The audit log shows the reset, and its chain is intact.
    await signIn(page, 'anna', STRONG_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Audit log' }).click();
    await page.getByLabel('Kind (e.g. auth. or delivery.)').fill('operators.mfa-reset');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await pw(page.getByRole('table', { name: 'Audit entries' }).getByRole('cell', { name: 'operators.mfa-reset' })).toBeVisible();
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await pw(page.getByText(/The log is intact/)).toBeVisible();
    await app.screenshot('audit-log');
  });

  it('a scanner signs in without a second factor and sees only the Gate', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Service');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    await pw(page.getByText(/Two-step verification is on/)).toBeVisible();
    await createOperator(page, 'gate1', 'Gate scanner');
    await page.getByRole('button', { name: 'Create operator' }).click();
    await pw(page.getByRole('cell', { name: 'gate1', exact: true })).toBeVisible();
    await signOut(page);
    await firstSignIn(page, 'gate1');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await pw(nav).toBeVisible();
    expect(await nav.getByRole('button').allTextContents()).toEqual(['Gate']);
    await app.screenshot('scanner-home');
  });

  it('an operator enrolls a phone by text message, reading the code from the developer outbox', async () => {
    const app = await launchApp({ BOX_OFFICE_DEV_OUTBOX: '1' });
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Service');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    await createOperator(page, 'olga', 'Box-office operator');
    await page.getByRole('button', { name: 'Create operator' }).click();
    await pw(page.getByRole('cell', { name: 'olga', exact: true })).toBeVisible();
    await signOut(page);
    await firstSignIn(page, 'olga');
    await page.getByRole('button', { name: /Text message \(SMS\)/ }).click();
    await page.getByLabel('Country').selectOption('CH');
    await page.getByLabel('Mobile number').fill('123');
    await page.getByRole('button', { name: 'Send code' }).click();
    await pw(page.getByText(/not a valid phone number for CH/)).toBeVisible();
    await page.getByLabel('Mobile number').fill('079 123 45 67');
    await page.getByRole('button', { name: 'Send code' }).click();
    await pw(page.getByText(/We sent a code to \+41 •••• ••45 67/)).toBeVisible();
    const outbox = page.getByRole('complementary', { name: 'Developer SMS outbox' });
    await pw(outbox).toContainText('+41791234567');
    const code = /code is (\d{6})/.exec((await outbox.textContent()) ?? '')![1]!;
    await app.screenshot('enroll-sms');
    await page.getByLabel('Code from the text message').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
  });
});
