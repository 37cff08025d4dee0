import { describe, expect, it } from 'vitest';
import { expect as pw } from './pw-expect';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';

describe('first run and sign-in in Chromium', () => {
  it('sets up the first account, signs out, and signs in again', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page);
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await pw(page.getByText('Anna Admin')).toBeVisible();
    await app.screenshot('home-admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await app.screenshot('sign-in');
    await page.getByLabel('Login').fill('anna');
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    // A reload keeps the session (HttpOnly cookie) and the token (this tab only).
    await page.reload();
    await pw(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  it('says the login or password is wrong, the same for an unknown login', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Login').fill('anna');
    await page.getByLabel('Password').fill('Not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await pw(alert).toContainText('login or password is not right');
    const wrongText = await alert.textContent();
    await app.screenshot('sign-in-wrong-password');
    // The password field is emptied after a failure; type one again for an unknown login.
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await page.getByLabel('Login').fill('nobody');
    await page.getByLabel('Password').fill('Not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await pw(alert).toHaveText(wrongText ?? '');
    await pw(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  });

  it('refuses a weak password at setup and says which rule failed', async () => {
    const app = await launchApp();
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Box Office' }).waitFor();
    await page.getByLabel('Login', { exact: true }).fill('anna');
    await page.getByLabel('Full name').fill('Anna Admin');
    await page.getByLabel('Password', { exact: true }).fill('Password123!');
    await page.getByLabel('Confirm password').fill('Password123!');
    await page.getByRole('button', { name: 'Create account' }).click();
    await pw(page.getByText(/most common passwords/).first()).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill('short1!');
    await page.getByLabel('Confirm password').fill('short1!');
    await page.getByRole('button', { name: 'Create account' }).click();
    await pw(page.getByText(/at least 12 characters/i).first()).toBeVisible();
    await app.screenshot('setup-weak-password');
    // Nothing was created: the setup screen is still there after a reload.
    await page.reload();
    await pw(page.getByRole('heading', { name: 'Set up Box Office' })).toBeVisible();
  });

  it('refuses an API call without the token, and one from a foreign origin', async () => {
    const app = await launchApp();
    const noToken = await fetch(`${app.shell.origin}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    const foreign = await app.shell.api('app.info', {}, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    // The same from a page on another origin in the browser: the request is refused and nothing leaks.
    const page = await app.newPage();
    await page.goto('about:blank');
    const status = await page.evaluate(
      async ({ origin, token }) => {
        try {
          const r = await fetch(`${origin}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
          return r.status;
        } catch {
          return 'blocked';
        }
      },
      { origin: app.shell.origin, token: app.shell.token },
    );
    expect(status === 403 || status === 'blocked').toBe(true);
    // A page opened without the token tells the user what to open instead.
    const bare = await app.newPage({ withToken: false });
    await pw(bare.getByText(/access key/i).first()).toBeVisible();
  });
});
