/**
 * The app:// protocol: serves the built renderer with the CSP, and nothing outside its folder.
 * Registered as privileged (standard, secure) before the app is ready.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { SECURITY_HEADERS } from '../security/csp';
import { contentType } from '../web/static-files';
import { isAppUrl } from './navigation';

export const APP_SCHEME: CustomScheme = {
  scheme: 'app',
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
};

const notFound = () => new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' } });

/** The handler for protocol.handle('app', …); pure so Node tests can call it with a Request. */
export function appProtocolHandler(rendererDir: string) {
  const root = path.resolve(rendererDir);
  return async (request: Request): Promise<Response> => {
    if (!isAppUrl(request.url)) return notFound();
    const url = new URL(request.url);
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return notFound();
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return notFound();
    try {
      const body = await fs.promises.readFile(file);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) } });
    } catch {
      return notFound();
    }
  };
}
