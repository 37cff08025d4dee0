import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWebContents, installAppGuards } from '../../../electron/window/guards';

/** A stand-in for WebContents that lets the test fire navigation events. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Fires an event the way Electron does and reports whether a listener prevented it. */
  fire(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('navigation and window guards', () => {
  const contents = new FakeContents();
  guardWebContents(contents as never);

  it('allows navigation inside app://box-office only', () => {
    expect(contents.fire('will-navigate', 'app://box-office/index.html')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other-host/index.html', 'javascript:alert(1)', 'http://127.0.0.1:3000/', 'not a url']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
  });

  it('denies every new window and every webview', () => {
    expect(contents.openHandler?.({ url: 'app://box-office/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('installs itself on every web contents and denies every permission', () => {
    const app = new EventEmitter();
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    };
    installAppGuards(app as never, session as never);
    const created = new FakeContents();
    app.emit('web-contents-created', {}, created);
    expect(created.fire('will-navigate', 'https://evil.example')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | null = null;
      request!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check!()).toBe(false);
  });
});
