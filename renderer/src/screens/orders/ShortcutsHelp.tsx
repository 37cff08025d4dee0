import type { KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';

/** Keys named in the reader's language (Ctrl is "Strg" on a German keyboard); a letter is the same in every language. */
const KEY_NAMES: Partial<Record<string, MessageKey>> = { Alt: 'orders.keys.alt', Ctrl: 'orders.keys.ctrl', Shift: 'orders.keys.shift', Escape: 'orders.keys.escape' };

/**
 * The counter's keyboard shortcuts, on the orders screen behind "Keyboard shortcuts" (and in
 * docs/SHORTCUTS.md). Every one has a modifier — Alt, or Ctrl+Alt — so no single key typed in a field or
 * by speech input sets one off (WCAG 2.1.4).
 */
export const SHORTCUTS: { keys: string[][]; what: MessageKey }[] = [
  { keys: [['Alt', 'S']], what: 'orders.shortcuts.search' },
  { keys: [['Alt', 'N'], ['Alt', 'Shift', 'N']], what: 'orders.shortcuts.next' },
  { keys: [['Alt', 'M']], what: 'orders.shortcuts.mobile' },
  { keys: [['Alt', 'P']], what: 'orders.shortcuts.printAtHome' },
  { keys: [['Escape']], what: 'orders.shortcuts.close' },
  { keys: [['Ctrl', 'Alt', 'L']], what: 'orders.shortcuts.lock' },
];

export function ShortcutsHelp() {
  const t = useT();
  // Open, it lies over the list: Escape closes it again (back on its summary).
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== 'Escape' || !e.currentTarget.open) return;
    e.currentTarget.open = false;
    e.currentTarget.querySelector('summary')?.focus();
  };
  return (
    <details className="shortcuts" onKeyDown={onKeyDown}>
      <summary>{t('orders.shortcuts.title')}</summary>
      <div className="shortcuts__body">
        <table className="shortcuts__table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <th scope="row">
                  {s.keys.map((combo, i) => (
                    <span key={combo.join('+')}>
                      {i > 0 ? ', ' : null}
                      {combo.map((k, j) => {
                        const name = KEY_NAMES[k];
                        return (
                          <span key={k}>
                            {j > 0 ? '+' : null}
                            {name ? <kbd>{t(name)}</kbd> : <kbd translate="no">{k}</kbd>}
                          </span>
                        );
                      })}
                    </span>
                  ))}
                </th>
                <td>{t(s.what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shortcuts__note">{t('orders.shortcuts.note')}</p>
      </div>
    </details>
  );
}
