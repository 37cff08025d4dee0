/**
 * End-to-end rig: each test gets its own data folder, its own web shell process (the built dist/, as
 * `npm start` runs it) and a fresh browser context in Debian's Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startShellProcess, type RunningShell } from '../helpers/web-shell-process';

export const STRONG_PASSWORD = 'Tickets&Seats-2026';
export const SCREENSHOTS = path.resolve('test-results/screenshots');

let browser: Browser;
const open: { shell: RunningShell; context: BrowserContext; dataDir: string }[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => browser?.close());
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  for (const { shell, context, dataDir } of open.splice(0)) {
    await context.close();
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

export interface App {
  page: Page;
  shell: RunningShell;
  dataDir: string;
  /** A second browser (another terminal) on the same web shell; `withToken: false` opens the bare address. */
  newPage(options?: { withToken?: boolean }): Promise<Page>;
  screenshot(name: string): Promise<void>;
}

/** A web shell on a fresh data folder and a page opened at its address. */
export async function launchApp(env: Record<string, string> = {}, options: { ownKeyring?: boolean } = {}): Promise<App> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-e2e-'));
  const shell = await startShellProcess({ ...process.env, BOX_OFFICE_DATA_DIR: dataDir, BOX_OFFICE_TERMINAL: 'Box 1', ...env }, options);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  open.push({ shell, context, dataDir });
  const page = await context.newPage();
  await page.goto(shell.url);
  return {
    page,
    shell,
    dataDir,
    async newPage({ withToken = true } = {}) {
      const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(other);
      const p = await other.newPage();
      await p.goto(withToken ? shell.url : `${shell.origin}/`);
      return p;
    },
    async screenshot(name: string) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
  };
}

/** First run: creates the first account (anna, service and admin) through the setup screen, and waits for home. */
export async function setUpFirstAccount(page: Page, displayName = 'Anna Admin'): Promise<void> {
  await page.getByRole('heading', { name: 'Set up Box Office' }).waitFor();
  await page.getByLabel('Login', { exact: true }).fill('anna');
  await page.getByLabel('Full name').fill(displayName);
  await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByLabel('Confirm password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
