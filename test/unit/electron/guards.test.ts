import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWebContents, installAppGuards } from '../../../electron/window/guards';

type OpenHandler = (details: { url: string }) => { action: string };

/** A stand-in for WebContents that lets the test fire navigation events. */
class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler;
  }
  /** Fires an event the way Electron does and reports whether a listener prevented it. */
  fire(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

/** A stand-in for Session that keeps the handlers the guards install. */
function fakeSession() {
  const handlers: { request?: RequestHandler; check?: (...args: unknown[]) => boolean; device?: (details: unknown) => boolean } = {};
  return {
    handlers,
    setPermissionRequestHandler: (h: RequestHandler) => void (handlers.request = h),
    setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => void (handlers.check = h),
    setDevicePermissionHandler: (h: (details: unknown) => boolean) => void (handlers.device = h),
  };
}

const FOREIGN = [
  'https://evil.example/',
  'https://evil.example/app://box-office/',
  'file:///etc/passwd',
  'app://other-host/index.html',
  'app://box-office.evil.example/index.html',
  'app://evil.example/?app://box-office/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://127.0.0.1:3000/',
  'chrome://settings',
  'not a url',
  '',
];

describe('navigation and window guards', () => {
  const contents = new FakeContents();
  guardWebContents(contents as never);

  it('allows navigation and redirects inside app://box-office only', () => {
    for (const url of ['app://box-office/index.html', 'app://box-office/orders/42?tab=tickets#top']) {
      expect(contents.fire('will-navigate', url), url).toBe(false);
      expect(contents.fire('will-redirect', url), url).toBe(false);
    }
    for (const url of FOREIGN) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
  });

  it('denies every new window, our own origin included, and every webview', () => {
    for (const url of ['app://box-office/index.html', 'https://example.com', 'about:blank', 'file:///etc/passwd']) {
      expect(contents.openHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(contents.fire('will-attach-webview')).toBe(true);
  });
});

describe('app-wide guards', () => {
  it('guard every web contents created later, not only the main window', () => {
    const app = new EventEmitter();
    installAppGuards(app as never, fakeSession() as never);
    for (let i = 0; i < 2; i++) {
      const created = new FakeContents();
      app.emit('web-contents-created', {}, created);
      expect(created.fire('will-navigate', 'https://evil.example')).toBe(true);
      expect(created.fire('will-attach-webview')).toBe(true);
      expect(created.openHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    }
  });

  it('deny every permission request, check and device grant', () => {
    const session = fakeSession();
    installAppGuards(new EventEmitter() as never, session as never);
    const { request, check, device } = session.handlers;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      const answers: boolean[] = [];
      request!({}, permission, (granted) => answers.push(granted), { requestingUrl: 'app://box-office/index.html' });
      expect(answers, permission).toEqual([false]);
      expect(check!({}, permission, 'app://box-office', {}), permission).toBe(false);
    }
    expect(device!({ deviceType: 'hid', origin: 'app://box-office' })).toBe(false);
  });
});
