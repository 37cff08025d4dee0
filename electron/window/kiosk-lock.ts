/**
 * A kiosk is left only after an administrator's password (core's kiosk.quit): until then the window
 * refuses to close (Alt+F4, the window manager) and the app refuses to quit. Electron's objects come
 * in as parameters so this is tested without the Electron binary.
 */
import type { App, BrowserWindow } from 'electron';

export interface KioskLock {
  /** kiosk.quit succeeded: closing and quitting are allowed from now on. */
  release(): void;
  released(): boolean;
}

type Preventable = { preventDefault(): void };

export function lockKiosk(
  app: Pick<App, 'on'>,
  window: Pick<BrowserWindow, 'on'>,
  /** A core that never started has nobody to authorize leaving: then the kiosk may close. */
  coreRunning: () => boolean,
): KioskLock {
  let released = false;
  const refuse = (event: Preventable) => {
    if (!released && coreRunning()) event.preventDefault();
  };
  window.on('close', refuse);
  app.on('before-quit', refuse);
  return {
    release: () => {
      released = true;
    },
    released: () => released,
  };
}
