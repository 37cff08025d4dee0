/**
 * The Electron entry: lifecycle and wiring only. Everything testable lives in electron/window/
 * (glue that takes Electron's objects as parameters) and electron/core/ (no Electron at all).
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, webContents } from 'electron';
import { startCore, type StartedCore } from './core/app';
import { APP_SCHEME, appProtocolHandler } from './window/app-protocol';
import { installAppGuards } from './window/guards';
import { registerIpcHandlers } from './window/ipc';
import { lockKiosk, type KioskLock } from './window/kiosk-lock';
import { saveResultWith } from './window/save-result';
import { launchOptions } from './window/launch-options';
import { createSecureWindow } from './window/secure-window';

const defaultDataDir = app.getPath('userData');
const options = launchOptions(process.argv, process.env, defaultDataDir);
const ownWindows = new Set<number>();
let core: StartedCore | null = null;
let mainWindow: BrowserWindow | null = null;
let quitting = false;
/** A kiosk closes only after an administrator's password (kiosk.quit); until then close and quit are refused. */
let kioskLock: KioskLock | null = null;

// Every renderer sandboxed, whatever a window's options say: a second line behind the factory.
app.enableSandbox();
// Must happen before ready: app:// behaves like a secure, standard origin (CSP, fetch, storage).
protocol.registerSchemesAsPrivileged([APP_SCHEME]);

// The single-instance lock is scoped to userData, so it must follow --data-dir: two test runs or two
// kiosks with their own folders may run side by side, two windows on one folder may not.
if (options.dataDir !== path.resolve(defaultDataDir)) {
  fs.mkdirSync(options.dataDir, { recursive: true });
  app.setPath('userData', options.dataDir);
}

async function start(): Promise<void> {
  installAppGuards(app, session.defaultSession);
  protocol.handle('app', appProtocolHandler(path.join(__dirname, '..', 'renderer')));
  const started = await startCore({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    databaseUrlRefused: options.databaseUrlRefused,
    shell: 'electron',
    kiosk: options.kiosk,
    quit: () => {
      kioskLock?.release();
      app.quit();
    },
    // A job's joined PDF: main's save dialog over the caller's own window (jobs.saveResult).
    saveFile: saveResultWith({
      dialog,
      windowOf: (id) => {
        const contents = ownWindows.has(id) ? webContents.fromId(id) : undefined;
        return contents ? BrowserWindow.fromWebContents(contents) : null;
      },
      defaultFolder: () => app.getPath('downloads'),
    }),
  });
  if (quitting) return void started.close();
  core = started;
  registerIpcHandlers(ipcMain, started.dispatch, ownWindows);
  mainWindow = createSecureWindow(BrowserWindow, { preload: path.join(__dirname, 'preload.cjs'), packaged: app.isPackaged, kiosk: options.kiosk });
  const id = mainWindow.webContents.id;
  ownWindows.add(id);
  // Alt+F4, the window manager's close, a quit from the dock: nothing leaves a kiosk but kiosk.quit.
  if (options.kiosk) kioskLock = lockKiosk(app, mainWindow, () => started.failure() === null);
  mainWindow.on('closed', () => {
    ownWindows.delete(id);
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without a window nobody would see why; a kiosk must not hang on an empty screen.
      console.error('[box-office] startup failed:', error);
      dialog.showErrorBox('Box Office could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  // will-quit rather than before-quit: it comes after every window is gone (no call still in flight)
  // and never for a quit that a window cancelled, so the store is closed once, for good.
  app.on('will-quit', () => {
    quitting = true;
    void core?.close();
    core = null;
  });
}
