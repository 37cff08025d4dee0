/**
 * One IPC handler per contract channel, behind one sender check: only the main frame of one of our
 * own windows, showing app://, may call. Everything else about the call is core's business.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from '../core/types';
import { isAppUrl } from './navigation';

type Sender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: Sender, ownWebContentsIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame || !ownWebContentsIds.has(event.sender.id)) return false;
  // A subframe (an iframe, even our own) must not speak for the window.
  if (frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, ownWebContentsIds: ReadonlySet<number>): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, ownWebContentsIds)) return fail('FORBIDDEN', 'This window may not use Box Office.');
      try {
        return await dispatch(channel, input, { seat: `window:${event.sender.id}` });
      } catch (error) {
        // A rejected invoke reaches the page as a bare Error; the screens expect a Result.
        console.error(`[box-office] ${channel} failed:`, error);
        return fail('INTERNAL', 'Something went wrong. Please try again.');
      }
    });
  }
}
