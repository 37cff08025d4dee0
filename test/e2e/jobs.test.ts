import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { launchApp, setUpFirstAccount, STRONG_PASSWORD } from './fixtures';
import { expect as pw } from './pw-expect';

/** Issue 13, item 5: print@home for all of the demo group order (5,000 tickets) as a job, in Chromium through the web shell. */
describe('bulk work is a job', () => {
  it('shows n of N and time left, cancels on the keyboard, and downloads tickets-<number>.pdf with a page per ticket issued', async () => {
    const app = await launchApp();
    const { page } = app;
    await setUpFirstAccount(page, 'Anna');
    await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect((await app.shell.api('demo.load', {})).body.ok).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
    await page.getByLabel('Order number, customer name, email or barcode').fill('DEMO-GROUP-5000');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Order DEMO-GROUP-5000' }).waitFor();
    const printAll = page.getByRole('button', { name: 'Print@home all not issued (5000)' });
    await printAll.click();

    // Progress: a labelled bar that moves, time left, the bulk buttons disabled while it runs.
    const bar = page.getByRole('progressbar', { name: /Print@home for all: \d+ of 5000/ });
    await pw(bar).toBeVisible();
    expect(await bar.getAttribute('aria-valuemax')).toBe('5000');
    await pw(page.getByText(/s left|min left/)).toBeVisible();
    await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) >= 50);
    await pw(printAll).toBeDisabled();
    await pw(page.getByRole('button', { name: /Issue all not issued to mobile/ })).toBeDisabled();
    await app.screenshot('job-progress');

    // Cancel with the keyboard: what is done stays done, the rest stays free.
    await page.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    const download = page.getByRole('button', { name: 'Download tickets-DEMO-GROUP-5000.pdf' });
    // The file joins every ticket issued before the cancel: on a loaded machine that takes a while.
    await download.waitFor({ timeout: 100_000 });
    const summary = await page.getByText(/cancelled · \d+ issued/).textContent();
    const issued = Number(/cancelled · (\d+) issued/.exec(summary ?? '')![1]);
    expect(issued).toBeGreaterThanOrEqual(50);
    expect(issued).toBeLessThan(5000);
    await pw(page.getByText(`${5000 - issued} not issued`)).toBeVisible();
    await app.screenshot('job-cancelled');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('tickets-DEMO-GROUP-5000.pdf');
    const bytes = await fs.promises.readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(issued);

    // The file is the job's session's only: the token alone, another session, or a foreign origin get nothing.
    const { jobId } = await page.evaluate(async () => {
      const order = await window.boxOffice!.orders.search({ query: 'DEMO-GROUP-5000' });
      const status = await window.boxOffice!.jobs.status({ orderId: order.ok ? order.value.orders[0]!.id : 0 });
      return { jobId: status.ok ? status.value.job?.id : undefined };
    });
    const url = `${app.shell.origin}/api/jobs/${jobId}/result`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: `Bearer ${app.shell.token}` } })).status).toBe(403);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(url, { headers: { Authorization: `Bearer ${app.shell.token}`, Origin: 'http://evil.example', Cookie: cookie } })).status).toBe(403);
    const own = await fetch(url, { headers: { Authorization: `Bearer ${app.shell.token}`, Cookie: cookie } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toBe('attachment; filename="tickets-DEMO-GROUP-5000.pdf"');
    expect(Buffer.from(await own.arrayBuffer()).equals(bytes)).toBe(true);
  }, 150_000); // 5,000 tickets and the joined file on two loaded cores: more than the default minute
});
