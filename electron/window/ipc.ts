/**
 * One IPC handler per contract channel, behind one sender check: only the main frame of one of our
 * own windows, showing app://, may call. Everything else about the call is core's business.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract';
import { fail } from '../../shared/result';
import type { Dispatch } from '../core/types';
import { isAppUrl } from './navigation';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, ownWebContentsIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame || !ownWebContentsIds.has(event.sender.id)) return false;
  // A subframe (an iframe, even our own) must not speak for the window.
  if (frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, ownWebContentsIds: ReadonlySet<number>): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event, ownWebContentsIds)) return fail('FORBIDDEN', 'This window may not use Box Office.');
      return dispatch(channel, input, { seat: `window:${event.sender.id}` });
    });
  }
}
