import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

const LOOK_ALIKES = /[0O1lIi]/;

async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const openAdmin = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
const operatorRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

/** Polls until the check holds, like the web-first assertions of ./pw-expect. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`expected ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const hasAttribute = (l: Locator, name: string, value: string) => eventually(async () => (await l.getAttribute(name)) === value, `${l} [${name}="${value}"]`);
const hasValue = (l: Locator, value: string) => eventually(async () => (await l.inputValue()) === value, `${l} to have value "${value}"`);
const isFocused = (l: Locator) => eventually(() => l.evaluate((el) => el === document.activeElement), `${l} to be focused`);

/** Clicks "Generate a one-time password" in the scope and returns the new password once the field holds it. */
async function generate(scope: Locator | Page): Promise<string> {
  const field = scope.getByLabel('One-time password');
  const before = await field.inputValue();
  await scope.getByRole('button', { name: 'Generate a one-time password' }).click();
  await eventually(async () => !['', before].includes(await field.inputValue()), 'a new one-time password');
  return field.inputValue();
}

/** A generated one-time password: long, every kind of character, nothing to mistake when read out. */
function expectStrong(password: string) {
  expect([...password].length).toBeGreaterThanOrEqual(16);
  expect(password).toMatch(/[A-Z]/);
  expect(password).toMatch(/[a-z]/);
  expect(password).toMatch(/\d/);
  expect(password).toMatch(/[^\p{L}\p{Nd}\s]/u);
  expect(password).not.toMatch(LOOK_ALIKES);
  expect(password).not.toMatch(/\s/);
}

/** The readout shows the password in clear, in groups of four. */
async function expectReadOut(scope: Locator | Page, password: string) {
  const groups = password.match(/.{1,4}/gu)!.join(' ');
  await pw(scope.getByText(groups, { exact: true })).toBeVisible();
}

/**
 * Whether a role list shows its whole text: wrapped between words (customizable select) or on one line wide enough
 * for it; never cut with "…" nor broken inside a word.
 */
const showsWholeText = (select: Locator) =>
  select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const text = el.selectedOptions[0]?.textContent ?? '';
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const icon = style.appearance === 'base-select' ? parseFloat(getComputedStyle(el, '::picker-icon').width) || 0 : 0;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - icon;
    const wraps = style.appearance === 'base-select' && style.whiteSpace === 'normal' && el.scrollWidth <= el.clientWidth;
    const width = (s: string) => context.measureText(s).width;
    const fits = wraps ? text.split(' ').every((word) => width(word) <= room + 1) : width(text) <= room;
    return { text, wraps, fits, room, height: el.getBoundingClientRect().height };
  });

describe('admin details in Chromium', () => {
  it('generates a one-time password to read out, shows it on demand, and it signs the operator in', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page);
    await openAdmin(page);
    const form = page.getByRole('region', { name: 'Create an operator' });
    const field = form.getByLabel('One-time password');
    const show = form.getByRole('button', { name: 'Show password' });
    await hasAttribute(field, 'type', 'password');
    await hasAttribute(show, 'aria-pressed', 'false');

    const first = await generate(form);
    expectStrong(first);
    await hasAttribute(show, 'aria-pressed', 'true');
    await hasAttribute(field, 'type', 'text');
    await expectReadOut(form, first);
    for (let i = 0; i < 20; i++) expectStrong(await generate(form));
    const password = await generate(form);
    expectStrong(password);
    expect(password).not.toBe(first);
    await expectReadOut(form, password);
    // A typed password is no longer the generated one: no readout for it (the field itself stays in clear).
    await field.fill('Typed&Here-2026');
    await pw(form.getByText('To read out, in groups of four:')).toHaveCount(0);
    await hasAttribute(field, 'type', 'text');
    await field.fill(password);
    await expectReadOut(form, password);

    // Hidden again: masked, and the readout goes with it.
    await show.click();
    await hasAttribute(show, 'aria-pressed', 'false');
    await hasAttribute(field, 'type', 'password');
    await pw(form.getByText('To read out, in groups of four:')).toHaveCount(0);
    await show.click();
    await expectReadOut(form, password);

    await form.getByLabel("New operator's login").fill('gate1');
    await form.getByLabel("New operator's full name").fill('Gate One');
    await form.getByLabel("New operator's role").selectOption({ label: 'Gate scanner' });
    await app.screenshot('admin-details-generated');
    await form.getByRole('button', { name: 'Create operator' }).click();
    await pw(page.getByText(/can now sign in as gate1 with the one-time password/)).toBeVisible();
    // The next operator starts with a masked, empty field.
    await hasValue(field, '');
    await hasAttribute(field, 'type', 'password');
    await hasAttribute(form.getByRole('button', { name: 'Show password' }), 'aria-pressed', 'false');

    // Read out at the counter, typed at the gate: core accepts it under the institution's rules.
    const gate = await app.newPage();
    await signIn(gate, 'gate1', password);
    await gate.getByRole('heading', { name: 'Choose your own password' }).waitFor();

    // A forgotten password: the reset dialog has the same generator.
    await page.getByRole('button', { name: 'Reset password of gate1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the password of Gate One' });
    const second = await generate(dialog);
    expectStrong(second);
    await hasAttribute(dialog.getByRole('button', { name: 'Show password' }), 'aria-pressed', 'true');
    await expectReadOut(dialog, second);
    await page.screenshot({ path: 'test-results/screenshots/admin-details-reset-generated.png' });
    await dialog.getByRole('button', { name: 'Set one-time password' }).click();
    await pw(page.getByText(/signs in next with the one-time password/)).toBeVisible();
    const again = await app.newPage();
    await signIn(again, 'gate1', second);
    await again.getByRole('heading', { name: 'Choose your own password' }).waitFor();
  });

  it("a raised minimum length is followed; role names are never cut; a scanner's two-step is not asked at the gate", async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna Service');
    await openAdmin(page);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Institution' }).click();
    await page.getByLabel('Minimum password length').fill('20');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await pw(page.getByText(/Settings saved/)).toBeVisible();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('button', { name: 'Operators' }).click();

    await page.getByRole('button', { name: 'Switch two-step verification on' }).click();
    await pw(page.getByText(/Two-step verification is on/)).toBeVisible();
    for (const [login, name, role] of [
      ['gate1', 'Gate One', 'Gate scanner'],
      ['olga', 'Olga Operator', 'Box-office operator'],
    ] as const) {
      await page.getByLabel("New operator's login").fill(login);
      await page.getByLabel("New operator's full name").fill(name);
      await page.getByLabel("New operator's role").selectOption({ label: role });
      const password = await generate(page.getByRole('region', { name: 'Create an operator' }));
      expectStrong(password);
      expect([...password].length).toBeGreaterThanOrEqual(20);
      expect(await page.getByLabel('Require two-step verification', { exact: true }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Create operator' }).click();
      await pw(page.getByRole('cell', { name: login, exact: true })).toBeVisible();
    }
    await pw(operatorRow(page, 'Gate One').getByRole('cell', { name: 'Not asked at the gate', exact: true })).toBeVisible();
    await pw(operatorRow(page, 'Gate One')).notToContainText('Required');
    await pw(operatorRow(page, 'Olga Operator').getByRole('cell', { name: 'Required', exact: true })).toBeVisible();
    await app.screenshot('admin-details-operators');

    for (const width of [1280, 1024, 800]) {
      await page.setViewportSize({ width, height: 800 });
      const anna = await showsWholeText(page.getByLabel('Role of anna'));
      expect(anna.text).toBe('Service team + Administrator');
      expect(anna.fits, `${width}px: ${JSON.stringify(anna)}`).toBe(true);
      for (const select of [page.getByLabel('Role of gate1'), page.getByLabel('Role of olga'), page.getByLabel("New operator's role")]) {
        const shown = await showsWholeText(select);
        expect(shown.fits, `${width}px: ${JSON.stringify(shown)}`).toBe(true);
      }
      if (width === 1024) await app.screenshot('admin-details-operators-1024');
    }
    // The role list still changes a role.
    page.once('dialog', (d) => void d.accept());
    await page.getByLabel('Role of olga').selectOption({ label: 'Gate scanner' });
    await pw(operatorRow(page, 'Olga Operator').getByRole('cell', { name: 'Not asked at the gate', exact: true })).toBeVisible();
  });
});

describe('kiosk dialog in Chromium', () => {
  it('has one way back (Cancel or Escape) beside Close Box Office, and gives focus back', async () => {
    const app = await launchApp({ BOX_OFFICE_KIOSK: '1' });
    const { page } = app;
    await setUpFirstAccount(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const opener = page.getByRole('button', { name: 'Close kiosk…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Close the kiosk' });
    await pw(dialog).toBeVisible();
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Close Box Office', 'Cancel']);
    await pw(dialog.getByRole('button', { name: /close/i })).toHaveCount(1);
    await isFocused(dialog.getByLabel('Administrator login'));
    await app.screenshot('admin-details-kiosk-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await pw(dialog).toHaveCount(0);
    await isFocused(opener);
    await opener.click();
    await pw(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await pw(dialog).toHaveCount(0);
    await isFocused(opener);
    expect(app.shell.process.exitCode).toBeNull();
    // Still closes with an administrator's password.
    await opener.click();
    await dialog.getByLabel('Administrator login').fill('anna');
    await dialog.getByLabel('Administrator password').fill(STRONG_PASSWORD);
    await dialog.getByRole('button', { name: 'Close Box Office' }).click();
    await pw(dialog.getByText('Box Office is closing.')).toBeVisible();
  });
});
