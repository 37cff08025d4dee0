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

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

// Windows reads "a:b" as a drive or an alternate data stream, and "\" as a separator: none belongs in a URL path here.
const FORBIDDEN = /[\0\\:]/;

/**
 * The file under root that an app:// URL names, or null when the URL is not ours or tries to leave
 * the folder in any spelling (encoded dots and slashes included). "/" means index.html.
 */
export function rendererFile(root: string, rawUrl: string): string | null {
  if (!isAppUrl(rawUrl)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(rawUrl).pathname);
  } catch {
    return null;
  }
  if (FORBIDDEN.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // new URL already folds literal dot segments; these came in encoded, so they are an attempt, not a route.
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, ...(segments.length > 0 ? segments : ['index.html']));
  return file.startsWith(base + path.sep) ? file : null;
}

async function readFile(file: string) {
  try {
    return await fs.promises.readFile(file);
  } catch {
    return null;
  }
}

/** The handler for protocol.handle('app', …); takes a plain Request so Node tests can call it. */
export function appProtocolHandler(rendererDir: string) {
  const root = path.resolve(rendererDir);
  const index = path.join(root, 'index.html');
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = rendererFile(root, request.url);
    if (!file) return plain(404, 'Not found');
    let served = file;
    let body = await readFile(file);
    // A route such as /orders/42 is the single-page app's business; a missing asset (has an extension) is a 404.
    if (!body && path.extname(file) === '') {
      served = index;
      body = await readFile(index);
    }
    if (!body) return plain(404, 'Not found');
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentType(served) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
