// The 5,000-ticket group order in Chromium: time until its first tickets show, and until all are loaded.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, client, print, startShell, track } from './lib.mjs';

export async function run() {
  console.log('\n# Order screen');
  const shell = await startShell();
  const api = client(shell);
  await api.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: 'Tickets&Seats-2026' });
  await api.must('demo.load', {});
  const browser = track(await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(shell.url);
  await page.getByLabel('Login').fill('anna');
  await page.getByLabel('Password').fill('Tickets&Seats-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Order number, customer name, email or barcode').fill('DEMO-GROUP-5000');
  const started = performance.now();
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 1$/ }).waitFor();
  print('open the 5,000-ticket order: first tickets visible', performance.now() - started, 'ms', { max: 1000 });
  // Scroll to the end: the last ticket appears once every page has arrived (bounded: 2 minutes).
  const list = page.getByRole('list', { name: 'Tickets' });
  while (!(await page.getByRole('button', { name: /^(Issue to|Show) mobile, ticket 5000$/ }).count())) {
    if (performance.now() - started > 120_000) throw new Error('ticket #5000 never appeared');
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForTimeout(20);
  }
  print('open the 5,000-ticket order: all tickets loaded, scrolled to #5000', performance.now() - started, 'ms', { max: 5000 });
  const rows = await list.getByRole('listitem').count();
  print('ticket rows in the page while showing 5,000 (virtualized)', rows, 'rows', { max: 100 });
  await browser.close();
  await shell.stop();
}
