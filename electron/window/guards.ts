/**
 * App-wide guards, installed once: no navigation away from app://, no new windows, no webviews,
 * no permission (camera, notifications, …) ever granted.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './navigation';

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installAppGuards(app: App, session: Session): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Remembered device grants (WebHID, WebUSB, Web Serial) have their own handler; the gate's scanners type like keyboards and need none.
  session.setDevicePermissionHandler(() => false);
}
