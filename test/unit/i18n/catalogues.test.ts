/**
 * The catalogues as a translator and a release need them: every language has every key (the type checker says so
 * too, this says it at run time and names the key), every message parses as ICU, and each translation uses exactly
 * the arguments of its English original — a dropped {count} or a misspelt {nmae} would otherwise show up only on
 * the screen that uses it.
 */
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { AREAS, MESSAGES } from '../../../shared/i18n/catalogues';
import { INTL_TAG, LOCALES } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/translator';

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The names a message interpolates, nested plurals, selects and tags included. */
function argumentsOf(message: string, locale: (typeof LOCALES)[number]): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      // 0 literal and 7 pound carry no name; every other kind names its argument in `value`.
      if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, INTL_TAG[locale]).getAst() as unknown as Element[]);
  return [...names].sort();
}

describe('message catalogues', () => {
  for (const [area, catalogue] of Object.entries(AREAS)) {
    it(`${area}: French and German have exactly the English keys, each prefixed "${area}."`, () => {
      const english = Object.keys(catalogue.en).sort();
      for (const key of english) expect(key.startsWith(`${area}.`), `${key} is outside its area's prefix`).toBe(true);
      expect(Object.keys(catalogue.fr).sort()).toEqual(english);
      expect(Object.keys(catalogue.de).sort()).toEqual(english);
    });
  }

  it('no key is defined by two areas (a later area would silently replace the earlier text)', () => {
    const seen = new Map<string, string>();
    for (const [area, catalogue] of Object.entries(AREAS)) {
      for (const key of Object.keys(catalogue.en)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });

  it('every message parses, is not empty, and uses the same arguments in every language', () => {
    const problems: string[] = [];
    for (const [key, english] of Object.entries(MESSAGES.en)) {
      const expected = argumentsOf(english, 'en');
      for (const locale of LOCALES) {
        const message = (MESSAGES[locale] as Record<string, string>)[key]!;
        if (!message.trim()) problems.push(`${locale} ${key}: empty`);
        try {
          const found = argumentsOf(message, locale);
          if (found.join() !== expected.join()) problems.push(`${locale} ${key}: arguments ${found.join(', ')} instead of ${expected.join(', ')}`);
        } catch (error) {
          problems.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('formats plurals and numbers by the language', () => {
    const key = Object.keys(MESSAGES.en).find((k) => /\{count, plural/.test((MESSAGES.en as Record<string, string>)[k]!));
    expect(key, 'some message counts with an ICU plural').toBeDefined();
    const values = Object.fromEntries(argumentsOf((MESSAGES.en as Record<string, string>)[key!]!, 'en').map((name) => [name, name === 'count' ? 1234 : 'x']));
    expect(translate('en', key as never, values)).toContain('1,234');
    expect(translate('de', key as never, values)).toContain('1.234');
    expect(translate('fr', key as never, values)).toMatch(/1\s234/u);
  });
});
