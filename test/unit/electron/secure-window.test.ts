import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, createSecureWindow, secureWebPreferences, type WindowMode } from '../../../electron/window/secure-window';

const mode = (over: Partial<WindowMode> = {}): WindowMode => ({ preload: '/app/dist/electron/preload.cjs', packaged: false, kiosk: false, ...over });

/** A stand-in for BrowserWindow: records what the factory asks of it. */
class FakeWindow {
  static made: FakeWindow[] = [];
  loaded: string | null = null;
  menu: unknown = 'default';
  listeners = new Map<string, () => void>();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.made.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  setMenu(menu: unknown) {
    this.menu = menu;
  }
  once(event: string, listener: () => void) {
    this.listeners.set(event, listener);
  }
  show() {}
}

describe('secure window factory', () => {
  it('applies the security checklist to every window', () => {
    const prefs = secureWebPreferences(mode());
    expect(prefs).toMatchObject({
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
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('turns devtools off when packaged and in kiosk mode', () => {
    expect(secureWebPreferences(mode()).devTools).toBe(true);
    expect(secureWebPreferences(mode({ packaged: true })).devTools).toBe(false);
    expect(secureWebPreferences(mode({ kiosk: true })).devTools).toBe(false);
  });

  it('loads the renderer from app://, never file://, and shows the window only when ready', () => {
    const window = createSecureWindow(FakeWindow as never, mode()) as unknown as FakeWindow;
    expect(window.loaded).toBe(APP_ENTRY);
    expect(APP_ENTRY).toBe('app://box-office/index.html');
    expect(window.options.show).toBe(false);
    expect(window.listeners.has('ready-to-show')).toBe(true);
  });

  it('makes a kiosk window full-screen without a menu', () => {
    const window = createSecureWindow(FakeWindow as never, mode({ kiosk: true })) as unknown as FakeWindow;
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(window.menu).toBeNull();
    expect(window.options.webPreferences?.sandbox).toBe(true);
  });
});
