import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../electron/security/csp';
import { APP_SCHEME, appProtocolHandler, rendererFile } from '../../../electron/window/app-protocol';
import { tempDir } from '../../helpers/core';

const INDEX = '<!doctype html><title>Box Office</title>';
const SECRET = 'secret outside the renderer folder';

/** A built renderer in <tmp>/renderer, with secrets beside it that must never be served. */
function fixture() {
  const dir = tempDir();
  const root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), INDEX);
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(dir, 'etc', 'passwd'), SECRET);
  return { root, handle: appProtocolHandler(root) };
}

const get = (handle: (r: Request) => Promise<Response>, url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme so the CSP and same-origin rules apply', () => {
    expect(APP_SCHEME).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('serves index.html and assets with the CSP and every security header', async () => {
    const { handle } = fixture();
    for (const url of ['app://box-office/index.html', 'app://box-office/']) {
      const page = await get(handle, url);
      expect(page.status, url).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name), name).toBe(value);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toBe(INDEX);
    }
    const script = await get(handle, 'app://box-office/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('falls back to index.html for extension-less routes only; a missing asset is a 404', async () => {
    const { handle } = fixture();
    const route = await get(handle, 'app://box-office/orders/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX);
    expect(route.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const url of ['app://box-office/missing.js', 'app://box-office/assets/gone.css', 'app://box-office/favicon.ico']) {
      const res = await get(handle, url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never serves a file outside its folder, in any spelling', async () => {
    const { handle } = fixture();
    const urls = [
      'app://box-office/../../etc/passwd',
      'app://box-office/../secret.txt',
      'app://box-office/%2e%2e/secret.txt',
      'app://box-office/%2e%2e%2fsecret.txt',
      'app://box-office/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://box-office/%2E%2E%2Fetc%2Fpasswd',
      'app://box-office/assets/..%2f..%2fsecret.txt',
      'app://box-office/..%5csecret.txt',
      'app://box-office/..\\secret.txt',
      'app://box-office/assets%5c..%5c..%5csecret.txt',
      'app://box-office/%252e%252e%252fsecret.txt',
      'app://box-office/C:%2fWindows%2fwin.ini',
      'app://box-office/index.html%3a%3a$DATA',
      'app://box-office/%00index.html',
      'app://box-office/%E0%A4%A',
    ];
    for (const url of urls) {
      const res = await get(handle, url);
      const body = await res.text();
      expect(body, url).not.toContain(SECRET);
      expect(body, url).not.toMatch(/root:.*:0:0:/);
      // Literal ../ is folded by URL parsing and may land on the app's own page; nothing else is served.
      if (res.status === 200) expect(body, url).toBe(INDEX);
    }
    // Encoded traversal is refused outright rather than folded into a route.
    for (const url of urls.slice(3)) expect((await get(handle, url)).status, url).toBe(404);
  });

  it('answers only for host box-office, and only GET and HEAD', async () => {
    const { handle } = fixture();
    for (const url of ['app://evil/index.html', 'app://box-office.evil/index.html', 'app://box-office:8080/index.html', 'file:///etc/passwd', 'https://box-office/index.html']) {
      expect((await get(handle, url)).status, url).toBe(404);
    }
    expect((await get(handle, 'app://box-office/index.html', 'POST')).status).toBe(405);
    const head = await get(handle, 'app://box-office/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await head.text()).toBe('');
  });

  it('maps URLs to files inside the root, or to nothing', () => {
    const root = path.resolve('/srv/renderer');
    expect(rendererFile(root, 'app://box-office/')).toBe(path.join(root, 'index.html'));
    expect(rendererFile(root, 'app://box-office/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
    expect(rendererFile(root, 'app://box-office/a%20b.css')).toBe(path.join(root, 'a b.css'));
    for (const url of ['app://box-office/%2e%2e%2fx', 'app://box-office/.%2fx%2f..%2f..%2fy', 'app://other/', 'not a url']) {
      expect(rendererFile(root, url), url).toBeNull();
    }
  });
});
