/** jobs.saveResult in Electron: the path is the operator's choice in main's dialog, never the page's. */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { saveResultWith } from '../../../electron/window/save-result';
import { tempDir } from '../../helpers/core';

function rig(choice: { canceled: boolean; filePath?: string }) {
  const dir = tempDir();
  const source = path.join(dir, 'job.pdf');
  fs.writeFileSync(source, '%PDF-1.7 joined');
  const asked: { owner: unknown; defaultPath?: string }[] = [];
  const window = { id: 7 } as unknown as BrowserWindow;
  const save = saveResultWith({
    dialog: {
      showSaveDialog: (async (owner: unknown, options: { defaultPath?: string }) => {
        asked.push({ owner, defaultPath: options.defaultPath });
        return { canceled: choice.canceled, filePath: choice.filePath ?? '' };
      }) as never,
    },
    windowOf: (id) => (id === 7 ? window : null),
    defaultFolder: () => path.join(dir, 'Downloads'),
  });
  return { dir, source, asked, window, save };
}

describe('saving a job file in Electron', () => {
  it('copies the file where the operator chose, in a dialog over her own window', async () => {
    const target = path.join(tempDir(), 'chosen.pdf');
    const { source, asked, window, save } = rig({ canceled: false, filePath: target });
    expect(await save('window:7', 'tickets-SO-1.pdf', source)).toEqual({ saved: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 joined');
    expect(asked[0]!.owner).toBe(window);
  });

  it('offers only a file name from the page, in the downloads folder: no path from the renderer', async () => {
    const { dir, source, asked, save } = rig({ canceled: true });
    expect(await save('window:7', '../../etc/tickets.pdf', source)).toEqual({ saved: false });
    expect(asked[0]!.defaultPath).toBe(path.join(dir, 'Downloads', 'tickets.pdf'));
  });

  it('asks nobody for a seat that is not one of its windows', async () => {
    const { source, asked, save } = rig({ canceled: false, filePath: '/tmp/never.pdf' });
    expect(await save('web:abc', 'tickets.pdf', source)).toEqual({ saved: false });
    expect(await save('window:8', 'tickets.pdf', source)).toEqual({ saved: false });
    expect(asked).toHaveLength(0);
  });
});
