import { describe, expect, it } from 'vitest';
import { outsideId, text, visibleLength } from '../../../shared/text';

const reason = text({ min: 3, max: 500 });
const label = text({ min: 0, max: 80 });
const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('shared text schema', () => {
  it('refuses invisible text as required text', () => {
    for (const invisible of ['\u0000\u0000\u0000', '\u200b\u200b\u200b', '\u202e\u202e\u202e', '\ufeff\ufeff\ufeff', '\u3164\u3164\u3164', '   ', '\u0301\u0301\u0301']) {
      expect(reason.safeParse(invisible).success, JSON.stringify(invisible)).toBe(false);
    }
    expect(message(reason.safeParse(''))).toBe('Enter at least 3 visible characters.');
    expect(message(reason.safeParse(undefined))).toBe('Enter at least 3 visible characters.');
    expect(message(reason.safeParse('\u200b\u200b\u200b'))).toMatch(/invisible or control characters/);
  });

  it('refuses control and format characters and lone surrogates inside otherwise visible text', () => {
    for (const bad of ['Lost\u0000ticket', 'Opera\u202eesuoH', 'zero\u200bwidth', 'line\u2028break', 'tab\there', 'half \ud83d emoji', 'half \ude00 emoji']) {
      expect(reason.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('normalises to NFC, trims, keeps real text (accents, emoji, scripts) and bounds the length', () => {
    expect(reason.parse('  Cafe\u0301 lost  ')).toBe('Café lost');
    expect(reason.parse('Billet perdu 🎟️')).toBe('Billet perdu 🎟️');
    expect(reason.parse('チケット紛失')).toBe('チケット紛失');
    expect(visibleLength('a\u200bb c')).toBe(3);
    expect(reason.safeParse('x'.repeat(501)).success).toBe(false);
    expect(label.parse('')).toBe('');
    expect(label.safeParse('\u200b').success).toBe(false);
  });
});

describe('identifiers for another service', () => {
  const sid = outsideId(100, 'Enter the account id.');
  it('refuses what could change a URL path or Basic credentials', () => {
    for (const bad of ['../../../../etc/passwd', '..', '.', 'AC12/Messages', 'AC12\\x', 'AC12:secret', 'AC\u0000', 'AC\u200b12', 'AC 12', '']) {
      expect(sid.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(sid.parse(' AC0123456789abcdef ')).toBe('AC0123456789abcdef');
  });
});
