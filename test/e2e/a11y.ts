/**
 * Accessibility checks for the end-to-end tests (issue 14, item 2): axe-core on the page as it is, and the checks
 * axe cannot make (reflow, target size, focus return), each answering with what is wrong in words.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from './fixtures';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds AA rules only). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the page (every open dialog included: the page is analysed as it is) and returns its serious and
 * critical violations, one entry per rule. `rules` narrows the run (e.g. ['color-contrast']).
 */
export async function axe(page: Page, screen: string, options: { rules?: string[]; exclude?: string[] } = {}): Promise<Finding[]> {
  // Named rules run on their own (experimental ones included, e.g. label-content-name-mismatch); otherwise the WCAG tags.
  let builder = new AxeBuilder({ page });
  builder = options.rules ? builder.withRules(options.rules) : builder.withTags(WCAG_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 220)}` : ''}`),
    }));
}

/** Collects findings across screens so that one run reports every screen, then fails once with all of them. */
export class Findings {
  readonly all: Finding[] = [];
  readonly screens: string[] = [];

  constructor(private readonly page: Page) {}

  /** axe on the current page, named after the screen (and dialog) it shows. */
  async check(screen: string, options: { rules?: string[]; exclude?: string[]; page?: Page } = {}) {
    const page = options.page ?? this.page;
    // Let transitions and the first paint of the screen settle: contrast is measured on what is drawn.
    await page.waitForTimeout(150);
    this.screens.push(screen);
    this.all.push(...(await axe(page, screen, options)));
  }

  add(finding: Finding) {
    this.all.push(finding);
  }

  report(): string {
    return this.all.map((f) => `[${f.screen}] ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
  }

  /** Writes the findings next to the screenshots (for the note) and returns them as text. */
  save(name: string): string {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const text = `${this.screens.length} screens checked: ${this.screens.join(', ')}\n\n${this.report() || 'no serious or critical violations'}\n`;
    fs.writeFileSync(path.join(SCREENSHOTS, `${name}.txt`), text);
    return text;
  }
}

/** Sideways scrolling of the document, in CSS px (0 when none). */
export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

/** Elements wider than the window (what causes sideways scrolling), for the message. */
export const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5) continue;
      // Only the outermost culprit of each branch.
      if (e.parentElement && e.parentElement.getBoundingClientRect().right > width + 0.5) continue;
      out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });

/** Visible elements that scroll sideways inside themselves (a bar that hides its end, e.g. "Sign out"). */
export const scrollsInside = (page: Page, selector: string) =>
  page.evaluate((s) => [...document.querySelectorAll<HTMLElement>(s)].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.tagName.toLowerCase()}.${e.className}`), selector);

/** Is the whole element inside the window (not cut off at the right or below)? */
export async function inViewport(locator: Locator, page: Page): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

/**
 * WCAG 2.5.8: every visible button, link, input, select and textarea is at least 24×24 CSS px — or, for an
 * inline link in a sentence, exempt. Returns the ones that are not, with their size.
 */
export const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    let checked = 0;
    for (const e of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"], [role="link"]')) {
      if (e.closest('[hidden], [aria-hidden="true"]')) continue;
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (e instanceof HTMLInputElement && e.type === 'hidden') continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // A checkbox or radio inside its label: the label is the target (clicking it toggles the box).
      if (e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio')) {
        const label = e.closest('label') ?? (e.id ? document.querySelector(`label[for="${e.id}"]`) : null);
        if (label) {
          const l = label.getBoundingClientRect();
          if (l.width >= 24 && l.height >= 24) continue;
        }
      }
      // An inline link inside running text is exempt (2.5.8 "Inline").
      if (e.tagName === 'A' && style.display === 'inline') continue;
      checked += 1;
      if (r.width + 0.01 >= 24 && r.height + 0.01 >= 24) continue;
      const name = e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? e.id;
      out.push(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${name}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
    return { checked, small: out };
  });

/** The focused element, described (its label, its id, or its text). */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return 'body';
    return e.getAttribute('aria-label') ?? (e.id || e.textContent?.trim().slice(0, 60) || e.tagName.toLowerCase());
  });

/** Waits until the element with the focus is this one (by label, id or text), or fails with where the focus is. */
export async function focusReturnsTo(page: Page, name: string | RegExp, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await focused(page);
    if (typeof name === 'string' ? now === name : name.test(now ?? '')) return;
    if (Date.now() > deadline) throw new Error(`focus should return to "${name}", it is on "${now}"`);
    await page.waitForTimeout(50);
  }
}

/** A full-page screenshot as test-results/screenshots/a11y-<name>.png. */
export async function shot(page: Page, name: string, fullPage = true) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `a11y-${name}.png`), fullPage });
}
