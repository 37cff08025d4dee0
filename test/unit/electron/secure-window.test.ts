import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, createSecureWindow, secureWebPreferences, windowOptions, type WindowMode } from '../../../electron/window/secure-window';

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
  shown = false;
  show() {
    this.shown = true;
  }
}

describe('secure window factory', () => {
  it('applies exactly the security checklist, no more and no less', () => {
    // toEqual, not toMatchObject: an added key (enableBlinkFeatures, additionalArguments, …) must fail here too.
    expect(secureWebPreferences(mode())).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
  });

  it('keeps the checklist in every mode', () => {
    const base = secureWebPreferences(mode());
    for (const over of [{ packaged: true }, { kiosk: true }, { packaged: true, kiosk: true }]) {
      const { devTools: _devTools, ...rest } = windowOptions(mode(over)).webPreferences!;
      const { devTools: _baseDevTools, ...expected } = base;
      expect(rest, JSON.stringify(over)).toEqual(expected);
    }
  });

  it('turns devtools off when packaged and in kiosk mode', () => {
    expect(secureWebPreferences(mode()).devTools).toBe(true);
    expect(secureWebPreferences(mode({ packaged: true })).devTools).toBe(false);
    expect(secureWebPreferences(mode({ kiosk: true })).devTools).toBe(false);
    expect(secureWebPreferences(mode({ packaged: true, kiosk: true })).devTools).toBe(false);
  });

  it('loads the renderer from app://, never file://, and shows the window only when ready', () => {
    const window = createSecureWindow(FakeWindow as never, mode()) as unknown as FakeWindow;
    expect(window.loaded).toBe(APP_ENTRY);
    expect(APP_ENTRY).toBe('app://box-office/index.html');
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    window.listeners.get('ready-to-show')!();
    expect(window.shown).toBe(true);
  });

  it('makes a kiosk window full-screen without a menu', () => {
    const window = createSecureWindow(FakeWindow as never, mode({ kiosk: true })) as unknown as FakeWindow;
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(window.menu).toBeNull();
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(window.options.webPreferences?.devTools).toBe(false);
  });

  it('gives an ordinary window a menu bar that hides and no kiosk lock', () => {
    const window = createSecureWindow(FakeWindow as never, mode()) as unknown as FakeWindow;
    expect(window.options.kiosk).toBeUndefined();
    expect(window.options.fullscreen).toBeUndefined();
    expect(window.options.autoHideMenuBar).toBe(true);
    expect(window.menu).toBe('default');
  });
});
