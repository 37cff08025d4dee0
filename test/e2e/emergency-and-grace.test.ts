/**
 * Issue 15, parts 3 and 4 in Chromium: an admin issues an emergency code that signs the operator in once; and an
 * admin requires two-step with two sign-ins before setup, which the operator sees count down until she must enroll.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../electron/core/mfa/totp';
import { Findings } from './a11y';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD, type App } from './fixtures';
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
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const olgaRow = (page: Page) => page.getByRole('row', { name: /Olga Operator/ });

/** Anna sets up, switches two-step on and creates Olga (required or not), who then chooses her own password. */
async function annaAndOlga(app: App, { required }: { required: boolean }) {
  const { page } = app;
  await setUpFirstAccount(page, 'Anna Service');
  await nav(page).getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
  await pw(page.getByText(/Two-step verification is on/)).toBeVisible();
  await page.getByLabel("New operator's login").fill('olga');
  await page.getByLabel("New operator's full name").fill('Olga Operator');
  await page.getByLabel("New operator's role").selectOption({ label: 'Box-office operator' });
  await page.getByLabel('One-time password').fill(ONE_TIME_PASSWORD);
  await page.getByLabel('Require two-step verification', { exact: true }).setChecked(required);
  await page.getByRole('button', { name: 'Create operator' }).click();
  await pw(page.getByRole('cell', { name: 'olga', exact: true })).toBeVisible();
  await signOut(page);
  await signIn(page, 'olga', ONE_TIME_PASSWORD);
  await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
  await page.getByLabel('New password', { exact: true }).fill(OLGA_PASSWORD);
  await page.getByLabel('Confirm new password').fill(OLGA_PASSWORD);
  await page.getByRole('button', { name: 'Save password and continue' }).click();
}

describe('emergency codes and enrollment grace in Chromium', () => {
  it('an admin issues an emergency code; the operator signs in with it once, and a second use is refused', async () => {
    const app = await launchApp();
    const { page } = app;
    const axe = new Findings(page);
    await annaAndOlga(app, { required: true });
    // Olga enrolls her authenticator (the phone she will leave at home).
    await page.getByRole('heading', { name: 'Set up two-step verification' }).waitFor();
    await page.getByRole('button', { name: /Authenticator app/ }).click();
    await page.getByRole('button', { name: 'Show the QR code' }).click();
    const key = (await page.getByLabel('Key for manual entry').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(totpCode(key, Date.now()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await pw(nav(page)).toBeVisible();
    await signOut(page);

    await signIn(page, 'anna', STRONG_PASSWORD);
    await nav(page).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Emergency code for olga' }).click();
    const dialog = page.getByRole('dialog', { name: 'Emergency code for Olga Operator' });
    await pw(dialog.getByText('No emergency code is active.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Issue a code' }).click();
    const shown = dialog.locator('code.manual-key');
    await pw(shown).toBeVisible();
    const code = (await shown.textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await pw(dialog.getByText(/It is shown only now, works once, and expires at/)).toBeVisible();
    await pw(dialog.getByRole('table', { name: 'Active emergency codes' }).getByRole('cell', { name: 'Olga Operator (olga)' })).toBeVisible();
    await pw(dialog.getByRole('button', { name: 'Revoke the emergency code of olga' })).toBeVisible();
    await axe.check('emergency code dialog, code shown');
    await app.screenshot('emergency-code-issued');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await pw(olgaRow(page).getByText(/Emergency code until/)).toBeVisible();
    await app.screenshot('emergency-code-row');
    await signOut(page);

    // Olga, without her phone: password, then the code Anna read out to her (typed in lower case).
    await signIn(page, 'olga', OLGA_PASSWORD);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await page.getByRole('button', { name: 'Use an emergency code from your administrator' }).click();
    await pw(page.getByLabel(/Remember this device/)).toHaveCount(0);
    await page.getByLabel('Emergency code').fill(code.toLowerCase());
    await axe.check('second factor: emergency code');
    await app.screenshot('second-factor-emergency');
    await page.getByRole('button', { name: 'Verify' }).click();
    await pw(nav(page)).toBeVisible();
    await signOut(page);

    // Used once: the same code is refused.
    await signIn(page, 'olga', OLGA_PASSWORD);
    await page.getByRole('button', { name: 'Use an emergency code from your administrator' }).click();
    await page.getByLabel('Emergency code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await pw(page.getByRole('alert')).toContainText('That emergency code was not accepted');
    await pw(nav(page)).toHaveCount(0);
    await app.screenshot('second-factor-emergency-refused');
    expect(axe.all, axe.report()).toEqual([]);
  });

  it('an admin requires two-step with 2 sign-ins before setup; each says how many are left, then setup is forced', async () => {
    const app = await launchApp();
    const { page } = app;
    const axe = new Findings(page);
    await annaAndOlga(app, { required: false });
    await pw(nav(page)).toBeVisible();
    await signOut(page);

    await signIn(page, 'anna', STRONG_PASSWORD);
    await nav(page).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Require two-step verification for olga' }).click();
    const dialog = page.getByRole('dialog', { name: 'Require two-step verification for Olga Operator' });
    await dialog.getByLabel('Sign-ins before setup is forced').fill('11');
    await dialog.getByRole('button', { name: 'Require two-step' }).click();
    await pw(dialog.getByRole('alert')).toContainText('Sign-ins before setup: allow at most 10 sign-ins before setup.');
    await axe.check('require two-step dialog, out of range');
    await dialog.getByLabel('Sign-ins before setup is forced').fill('2');
    await app.screenshot('require-two-step-grace');
    await dialog.getByRole('button', { name: 'Require two-step' }).click();
    await pw(dialog).toHaveCount(0);
    await pw(olgaRow(page).getByText('2 sign-ins before setup')).toBeVisible();
    await app.screenshot('admin-operators-grace');
    await signOut(page);

    await signIn(page, 'olga', OLGA_PASSWORD);
    await pw(page.getByText('Two-step sign-in is required for your account. 1 sign-in left before you must set it up.')).toBeVisible();
    await axe.check('home with the grace notice');
    await app.screenshot('grace-notice');
    await signOut(page);

    await signIn(page, 'olga', OLGA_PASSWORD);
    await pw(page.getByText('Two-step sign-in is required for your account. Your next sign-in will ask you to set it up.')).toBeVisible();
    await page.getByRole('button', { name: 'Set it up now' }).click();
    await pw(page.getByRole('heading', { name: 'My security' })).toBeVisible();
    await pw(page.getByRole('button', { name: 'Set up two-step verification' })).toBeVisible();
    await signOut(page);

    await signIn(page, 'olga', OLGA_PASSWORD);
    await page.getByRole('heading', { name: 'Set up two-step verification' }).waitFor();
    await pw(nav(page)).toHaveCount(0);
    await app.screenshot('grace-used-up-enrollment');
    expect(axe.all, axe.report()).toEqual([]);
  });
});
