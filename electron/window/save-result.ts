/**
 * jobs.saveResult in Electron: main asks where to save in its own save dialog, over the caller's window,
 * and copies the job's file there. The path comes from the operator's choice in that dialog, never from
 * the page. Electron's objects come in as parameters (this file is tested without Electron).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';

export interface SaveResultDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window of a seat (`window:<webContents id>`), when it is still open. */
  windowOf: (webContentsId: number) => BrowserWindow | null;
  /** The folder the dialog opens in (the user's downloads). */
  defaultFolder: () => string;
}

export function saveResultWith(deps: SaveResultDeps) {
  return async (seat: string, suggestedName: string, source: string): Promise<{ saved: boolean }> => {
    const id = /^window:(\d+)$/.exec(seat)?.[1];
    const owner = id === undefined ? null : deps.windowOf(Number(id));
    // Only one of our own windows may ask (ipc.ts checks the sender); without its window there is nobody to ask.
    if (!owner) return { saved: false };
    const choice = await deps.dialog.showSaveDialog(owner, {
      title: 'Save the tickets',
      defaultPath: path.join(deps.defaultFolder(), path.basename(suggestedName)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await fs.promises.copyFile(source, choice.filePath);
    return { saved: true };
  };
}
