/**
 * The one window factory. Every window of the app is made here, with Electron's security checklist
 * applied; nothing else in the code base may construct a BrowserWindow.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_ORIGIN = 'app://box-office';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export interface WindowMode {
  preload: string;
  /** Packaged builds and kiosks never get devtools. */
  packaged: boolean;
  kiosk: boolean;
}

export function secureWebPreferences(mode: WindowMode): WebPreferences {
  return {
    preload: mode.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // A middle click could otherwise ask for a new window; windows are denied anyway, this stops the request.
    disableBlinkFeatures: 'Auxclick',
    devTools: !mode.packaged && !mode.kiosk,
  };
}

export function windowOptions(mode: WindowMode): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Box Office',
    backgroundColor: '#14213d',
    autoHideMenuBar: true,
    ...(mode.kiosk ? { kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false } : {}),
    webPreferences: secureWebPreferences(mode),
  };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Creates the main window and loads the renderer from app://, never file://. */
export function createSecureWindow(Window: WindowConstructor, mode: WindowMode): BrowserWindow {
  const window = new Window(windowOptions(mode));
  if (mode.kiosk) window.setMenu(null);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
