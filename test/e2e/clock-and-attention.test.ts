/**
 * Issue 15, parts 5 and 6 in Chromium: the code screen warns when this terminal's clock looks off (the
 * last three authenticator codes all matched the next time step), and Admin → Operators lists who needs
 * attention (3 or fewer recovery codes, or no second factor although required) and which terminal clocks are off.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../electron/core/mfa/totp';
import { axe } from './a11y';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const OLGA_PASSWORD = 'Counter&Tickets-77';
const ONE_TIME_PASSWORD = 'Handed&Over-2026';
const STEP_MS = 30_000;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const signOut = (page: Page) => page.getByRole('button', { name: 'Sign out' }).click();

async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function createOperator(page: Page, login: string, displayName: string) {
  await page.getByLabel("New operator's login").fill(login);
  await page.getByLabel("New operator's full name").fill(displayName);
  await page.getByLabel("New operator's role").selectOption({ label: 'Box-office operator' });
  await page.getByLabel('One-time password').fill(ONE_TIME_PASSWORD);
  await page.getByRole('button', { name: 'Create operator' }).click();
  await pw(page.getByRole('cell', { name: login, exact: true })).toBeVisible();
}

/**
 * A code of the step after this computer's (the clock is shared with the web shell: the test's time + 30 s),
 * made once the current step is at least `fromStep` — a code is used once, so each must be of a newer step —
 * and with 8 s or more of the step left, so the shell judges it in the step it was made for.
 */
async function nextStepCode(key: string, fromStep: number): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    const left = STEP_MS - (now % STEP_MS);
    if (step >= fromStep && left >= 8_000) return { code: totpCode(key, now + STEP_MS), step: step + 1 };
    await new Promise((resolve) => setTimeout(resolve, left + 100));
  }
}

describe('clock drift and who needs attention, in Chromium', () => {
  it('an operator runs down her recovery codes and signs in with next-step codes: the code screen and Admin say so', { timeout: 180_000 }, async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Service');
    await nav(page, 'Admin');
    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    await pw(page.getByText(/Two-step verification is on/)).toBeVisible();
    await createOperator(page, 'olga', 'Olga Operator');
    await createOperator(page, 'petra', 'Petra Desk');
    await signOut(page);

    // Olga's first sign-in: her own password, then her authenticator, confirmed with a next-step code (1 of 3).
    await signIn(page, 'olga', ONE_TIME_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(OLGA_PASSWORD);
    await page.getByLabel('Confirm new password').fill(OLGA_PASSWORD);
    await page.getByRole('button', { name: 'Save password and continue' }).click();
    await page.getByRole('heading', { name: 'Set up two-step verification' }).waitFor();
    await page.getByRole('button', { name: /Authenticator app/ }).click();
    await page.getByRole('button', { name: 'Show the QR code' }).click();
    const key = (await page.getByLabel('Key for manual entry').textContent())!.replace(/\s/g, '');
    let used = await nextStepCode(key, 0);
    await page.getByLabel('Code from the app').fill(used.code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const recoveryCodes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await signOut(page);

    // Seven sign-ins with recovery codes: three are left.
    for (const code of recoveryCodes.slice(0, 7)) {
      await signIn(page, 'olga', OLGA_PASSWORD);
      await page.getByRole('button', { name: 'Use a recovery code' }).click();
      await page.getByLabel('Recovery code').fill(code.trim());
      await page.getByRole('button', { name: 'Verify' }).click();
      await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await signOut(page);
    }

    // Two more sign-ins with next-step codes (2 and 3 of 3), each of a step after the last one used.
    for (let i = 0; i < 2; i++) {
      await signIn(page, 'olga', OLGA_PASSWORD);
      await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
      await pw(page.getByText(/clock seems about 30 s slow/)).toHaveCount(0);
      used = await nextStepCode(key, used.step);
      await page.getByLabel('6-digit code').fill(used.code);
      await page.getByRole('button', { name: 'Verify' }).click();
      await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await signOut(page);
    }

    // The code screen now says the clock looks slow, and still takes a code.
    await signIn(page, 'olga', OLGA_PASSWORD);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    const warning = page.getByRole('status').filter({ hasText: "This computer's clock seems about 30 s slow" });
    await pw(warning).toBeVisible();
    await pw(warning).toContainText('Codes may fail — ask IT to sync it.');
    await pw(page.getByLabel('6-digit code')).toBeEnabled();
    expect(await axe(page, 'second factor with a clock warning')).toEqual([]);
    await app.screenshot('second-factor-clock-warning');
    await page.getByRole('button', { name: 'Cancel and sign out' }).click();

    // Anna, in Admin → Operators: who needs attention, and the terminal whose clock is off.
    await signIn(page, 'anna', STRONG_PASSWORD);
    await nav(page, 'Admin');
    const attention = page.getByRole('list', { name: 'Needs attention' }).getByRole('listitem');
    await pw(attention).toHaveCount(2);
    expect(await attention.allTextContents()).toEqual(['olga — 3 recovery codes left', 'petra — two-step required, no second factor']);
    await pw(page.getByRole('row', { name: /Olga Operator/ })).toContainText('3 recovery codes left');
    await pw(page.getByRole('row', { name: /Petra Desk/ })).toContainText('Required, no second factor');
    await pw(page.getByRole('row', { name: /Anna Service/ }).locator('.badge--warn')).toHaveCount(0);
    const clocks = page.getByRole('list', { name: 'Terminal clocks' }).getByRole('listitem');
    await pw(clocks).toHaveCount(1);
    expect(await clocks.first().textContent()).toMatch(/^Box 1: clock about 30 s slow — the last authenticator codes there all matched the next time step \(last on .+\)$/);
    expect(await axe(page, 'admin: operators needing attention')).toEqual([]);
    await app.screenshot('admin-needs-attention');
  });
});
