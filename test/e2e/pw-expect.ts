/**
 * Web-first assertions for Playwright locators inside vitest: they retry until the condition holds
 * or the timeout passes, like @playwright/test's expect (which needs its own runner).
 */
import type { Locator } from 'playwright-core';

const TIMEOUT = 10_000;

async function until(check: () => Promise<boolean>, describe: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(await describe().catch(() => 'condition not met'));
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function expect(locator: Locator) {
  return {
    toBeVisible: () => until(() => locator.first().isVisible(), async () => `expected ${locator} to be visible`),
    toBeHidden: () => until(async () => !(await locator.first().isVisible()), async () => `expected ${locator} to be hidden`),
    toBeDisabled: () => until(() => locator.isDisabled(), async () => `expected ${locator} to be disabled`),
    toBeEnabled: () => until(() => locator.isEnabled(), async () => `expected ${locator} to be enabled`),
    toHaveCount: (n: number) => until(async () => (await locator.count()) === n, async () => `expected ${locator} count ${n}, got ${await locator.count()}`),
    notToContainText: (text: string) =>
      until(
        async () => !((await locator.first().textContent()) ?? '').includes(text),
        async () => `expected ${locator} not to contain "${text}", got "${await locator.first().textContent()}"`,
      ),
    toContainText: (text: string | RegExp) =>
      until(
        async () => {
          const content = (await locator.first().textContent()) ?? '';
          return typeof text === 'string' ? content.includes(text) : text.test(content);
        },
        async () => `expected ${locator} to contain ${text}, got "${await locator.first().textContent()}"`,
      ),
    toHaveText: (text: string) =>
      until(async () => ((await locator.first().textContent()) ?? '').trim() === text.trim(), async () => `expected ${locator} to have text "${text}", got "${await locator.first().textContent()}"`),
  };
}
