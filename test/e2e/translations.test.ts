/**
 * Issue 14, item 1 in Chromium: every text a person sees comes from the catalogues, and the screens read well in
 * French and German.
 *
 * The first test switches pseudo-localisation on (renderer/src/i18n: every catalogue text and formatted date is
 * wrapped in ⟦…⟧) and walks the screens: any visible text or accessible name outside the marks did not come from a
 * catalogue — unless it is data, marked translate="no" (a customer's name, a barcode, a login). The second walks
 * the same screens in French and in German, also at 200 % zoom, and keeps a screenshot of each.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchApp, SCREENSHOTS, setUpFirstAccount, STRONG_PASSWORD, type App } from './fixtures';

const EVENT = { name: 'Tosca', venue: 'Opera House', startsAt: '2026-12-12T19:30:00+01:00' };
const ORDER = {
  number: 'T-100',
  customer: { name: 'Zoë Müller', email: 'zoe@example.com' },
  allowedModes: ['mobile', 'print_at_home'],
  checkoutMode: 'mobile',
  paid: true,
  tickets: [1, 2, 3].map((n) => ({ event: EVENT, seat: `Stalls A${n}`, price: 60 })),
};

/** Text nodes and accessible names on screen that are neither inside ⟦…⟧ nor data (translate="no"). */
const untranslated = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const isData = (el: Element) => el.closest('[translate="no"], script, style, noscript') !== null;
    // Where the node sits inside its block's text, and whether a ⟦ is open there (a message with parts in <strong>).
    const insideMarks = (node: Text): boolean => {
      let block: Element | null = node.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      if (!block) return false;
      let before = '';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) before += n.textContent ?? '';
      return (before.match(/⟦/g)?.length ?? 0) > (before.match(/⟧/g)?.length ?? 0);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const value = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!el || !/\p{L}/u.test(value) || isData(el) || !visible(el)) continue;
      if (value.includes('⟦') || value.includes('⟧') || insideMarks(n)) continue;
      found.push(`text "${value}" in <${el.tagName.toLowerCase()}>`);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (isData(el) || !visible(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(name);
        if (value && /\p{L}/u.test(value) && !value.includes('⟦')) found.push(`${name} "${value}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    return found;
  });

const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /Main|Principal|Hauptmenü/ }).getByRole('button', { name }).click();

/** Walks the screens an operator and an admin see; `visit` runs on each (check it, photograph it). */
async function walk(page: Page, visit: (screen: string) => Promise<void>, words: Words) {
  await nav(page, words.orders);
  await visit('orders-empty');
  await page.getByRole('searchbox').or(page.getByRole('textbox').first()).first().fill('Müller');
  await page.keyboard.press('Enter');
  await page.getByText('T-100').first().waitFor();
  await visit('orders-results');
  await page.getByText('T-100').first().click();
  await page.getByRole('list').filter({ has: page.getByText('Stalls A1') }).first().waitFor();
  await visit('order');
  await page.getByRole('button', { name: words.mobile }).first().click();
  await page.getByRole('dialog').waitFor();
  await visit('mobile-dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await visit('order-issued');
  await nav(page, words.gate);
  await page.getByRole('combobox').or(page.getByRole('radio').first()).first().waitFor();
  await visit('gate');
  await nav(page, words.admin);
  await page.getByRole('navigation', { name: words.administration }).waitFor();
  await visit('admin-operators');
  for (const tab of words.tabs) {
    await page.getByRole('navigation', { name: words.administration }).getByRole('button', { name: tab }).click();
    await page.waitForTimeout(400);
    await visit(`admin-${words.tabs.indexOf(tab) + 2}`);
  }
  await nav(page, words.security);
  await page.waitForTimeout(300);
  await visit('my-security');
}

interface Words {
  orders: RegExp;
  mobile: RegExp;
  gate: RegExp;
  admin: RegExp;
  administration: RegExp;
  security: RegExp;
  tabs: RegExp[];
}

// The pseudo-locale is English inside marks: the English names, not anchored.
const ENGLISH: Words = {
  orders: /^⟦Orders⟧$/,
  mobile: /(Issue to|Show) mobile, ticket 1⟧$/,
  gate: /^⟦Gate⟧$|^Gate$/,
  admin: /^⟦Admin⟧$|^Admin$/,
  administration: /Administration/,
  security: /My security/,
  tabs: [/Terminals/, /Institution/, /Data and backup/, /Audit log/],
};

async function prepare(app: App) {
  await setUpFirstAccount(app.page);
  expect((await app.shell.api('auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).body.ok).toBe(true);
  expect((await app.shell.api('orders.import', { format: 'json', content: JSON.stringify({ orders: [ORDER] }) })).body.ok).toBe(true);
}

describe('translations', () => {
  it('shows no text outside the catalogues on any screen (pseudo-localisation)', async () => {
    const app = await launchApp();
    await prepare(app);
    const { page } = app;
    await page.evaluate(() => localStorage.setItem('box-office.pseudo-locale', '1'));
    await page.reload();
    const problems: string[] = [];
    await walk(
      page,
      async (screen) => {
        for (const problem of await untranslated(page)) problems.push(`${screen}: ${problem}`);
      },
      ENGLISH,
    );
    // Signed out: the sign-in screen.
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('button', { name: /Sign in/ }).waitFor();
    for (const problem of await untranslated(page)) problems.push(`sign-in: ${problem}`);
    // Core's refusal, shown through its catalogue text (marked like any other).
    await page.getByLabel(/Login/).fill('anna');
    await page.getByLabel(/Password/).fill('not-the-password');
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/⟦.+⟧/);
    for (const problem of await untranslated(page)) problems.push(`sign-in refused: ${problem}`);
    await app.screenshot('i18n-pseudo-sign-in');
    expect([...new Set(problems)]).toEqual([]);
  });

  const LANGUAGES: { code: 'fr' | 'de'; words: Words; signOut: RegExp }[] = [
    {
      code: 'fr',
      words: {
        orders: /^Commandes$/,
        mobile: /(Émettre en mobile|Afficher le mobile), billet 1$/,
        gate: /^Contrôle d’accès$/,
        admin: /^Administration$/,
        administration: /^Administration$/,
        security: /^Ma sécurité$/,
        tabs: [/^Postes$/, /^Établissement$/, /^Données et sauvegarde$/, /^Journal d’audit$/],
      },
      signOut: /^Se déconnecter$/,
    },
    {
      code: 'de',
      words: {
        orders: /^Bestellungen$/,
        mobile: /(Als Handy-Ticket|Handy-Ticket zeigen), Ticket 1$/,
        gate: /^Einlass$/,
        admin: /^Verwaltung$/,
        administration: /^Administration$/,
        security: /^Meine Sicherheit$/,
        tabs: [/^Terminals$/, /^Institution$/, /^Daten und Sicherung$/, /^Prüfprotokoll$/],
      },
      signOut: /^Abmelden$/,
    },
  ];

  for (const { code, words, signOut } of LANGUAGES) {
    it(`reads in ${code === 'fr' ? 'French' : 'German'}, at 100 % and 200 % zoom (screenshots)`, async () => {
      const app = await launchApp();
      await prepare(app);
      expect((await app.shell.api('settings.update', { language: code })).body.ok).toBe(true);
      const { page } = app;
      await page.reload();
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const english: string[] = [];
      await walk(
        page,
        async (screen) => {
          await page.screenshot({ path: path.join(SCREENSHOTS, `i18n-${code}-${screen}.png`), fullPage: true });
          // The page says which language it is in (screen readers pick their voice by it).
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(code === 'fr' ? 'fr-FR' : 'de-DE');
          const texts = await page.evaluate(() => document.body.innerText);
          for (const phrase of ['Sign out', 'Search', 'Close', 'Cancel', 'Save', 'Order']) if (new RegExp(`\\b${phrase}\\b`).test(texts)) english.push(`${screen}: "${phrase}"`);
        },
        words,
      );
      // The same screens at 200 %: half the CSS pixels at twice the density.
      await page.setViewportSize({ width: 640, height: 400 });
      await walk(page, (screen) => page.screenshot({ path: path.join(SCREENSHOTS, `i18n-${code}-200-${screen}.png`), fullPage: true }).then(() => undefined), words);
      await page.getByRole('button', { name: signOut }).click();
      await page.getByRole('heading').first().waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `i18n-${code}-sign-in.png`), fullPage: true });
      expect(english).toEqual([]);
    });
  }
});
