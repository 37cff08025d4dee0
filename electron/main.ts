/**
 * The Electron entry: lifecycle and wiring only. Everything testable lives in electron/window/
 * (glue that takes Electron's objects as parameters) and electron/core/ (no Electron at all).
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { startCore, type StartedCore } from './core/app';
import { APP_SCHEME, appProtocolHandler } from './window/app-protocol';
import { installAppGuards } from './window/guards';
import { registerIpcHandlers } from './window/ipc';
import { launchOptions } from './window/launch-options';
import { createSecureWindow } from './window/secure-window';

const options = launchOptions(process.argv, process.env, app.getPath('userData'));
const ownWindows = new Set<number>();
let core: StartedCore | null = null;
let mainWindow: BrowserWindow | null = null;

// Must happen before ready: app:// behaves like a secure, standard origin (CSP, fetch, storage).
protocol.registerSchemesAsPrivileged([APP_SCHEME]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(async () => {
    installAppGuards(app, session.defaultSession);
    protocol.handle('app', appProtocolHandler(path.join(__dirname, '..', 'renderer')));
    core = await startCore({ dataDir: options.dataDir, shell: 'electron', kiosk: options.kiosk });
    registerIpcHandlers(ipcMain, core.dispatch, ownWindows);
    mainWindow = createSecureWindow(BrowserWindow, { preload: path.join(__dirname, 'preload.cjs'), packaged: app.isPackaged, kiosk: options.kiosk });
    const id = mainWindow.webContents.id;
    ownWindows.add(id);
    mainWindow.on('closed', () => {
      ownWindows.delete(id);
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
  // Close the store once, after every window is gone, so the WAL is checkpointed cleanly.
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
}
