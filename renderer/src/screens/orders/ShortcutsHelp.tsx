import type { KeyboardEvent } from 'react';

/**
 * The counter's keyboard shortcuts, on the orders screen behind "Keyboard shortcuts" (and in
 * docs/SHORTCUTS.md). Every one has a modifier — Alt, or Ctrl+Alt — so no single key typed in a field or
 * by speech input sets one off (WCAG 2.1.4).
 */
export const SHORTCUTS: { keys: string[][]; what: string }[] = [
  { keys: [['Alt', 'S']], what: 'Search: to the search field, its text selected' },
  { keys: [['Alt', 'N'], ['Alt', 'Shift', 'N']], what: 'Next ticket, previous ticket (of those shown)' },
  { keys: [['Alt', 'M']], what: 'Mobile for the ticket you are on: issue it, or show it again' },
  { keys: [['Alt', 'P']], what: 'Print@home for the ticket you are on: print it, or open its PDF again' },
  { keys: [['Escape']], what: 'Close a dialog: the focus goes back to where you were' },
  { keys: [['Ctrl', 'Alt', 'L']], what: 'Lock now (your password opens it again where you were)' },
];

export function ShortcutsHelp() {
  // Open, it lies over the list: Escape closes it again (back on its summary).
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== 'Escape' || !e.currentTarget.open) return;
    e.currentTarget.open = false;
    e.currentTarget.querySelector('summary')?.focus();
  };
  return (
    <details className="shortcuts" onKeyDown={onKeyDown}>
      <summary>Keyboard shortcuts</summary>
      <div className="shortcuts__body">
        <table className="shortcuts__table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <th scope="row">
                  {s.keys.map((combo, i) => (
                    <span key={combo.join('+')}>
                      {i > 0 ? ', ' : null}
                      {combo.map((k, j) => (
                        <span key={k}>
                          {j > 0 ? '+' : null}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shortcuts__note">
          “The ticket you are on” is the ticket whose row has the focus, or the last one that had it. Tab and Shift+Tab move through a ticket’s buttons; Enter presses the one with the focus.
          Shortcuts do nothing while a dialog is open.
        </p>
      </div>
    </details>
  );
}
