/** A real web shell over a test core, raw HTTP to it, and a browser-like cookie jar (one jar per host, whatever the port). */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import { tempDir, type TestCore } from '../../helpers/core';

const shells: WebShell[] = [];
afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.close();
});

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Starts a web shell on the core, serving a stub renderer (index.html, one asset, a file outside it, the bridge). */
export async function startTestShell(t: TestCore): Promise<WebShell> {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
  fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  fs.writeFileSync(path.join(dir, 'bridge.js'), '/* bridge */');
  const shell = await startWebShell({ core: t.core, rendererDir: path.join(dir, 'renderer'), bridgeFile: path.join(dir, 'bridge.js') });
  shells.push(shell);
  return shell;
}

/** Raw HTTP, so tests can send any Host header (fetch would not let them). */
export function raw(shell: WebShell, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: shell.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${shell.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const apiHeaders = (shell: WebShell, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', ...extra });

/** The name=value pair a response sets, if any. */
export function setCookie(response: RawResponse): { name: string; value: string } | null {
  const first = response.headers['set-cookie']?.[0];
  if (!first) return null;
  const pair = first.split(';')[0]!;
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1) };
}

/** Cookies as a browser keeps them for 127.0.0.1: by name only, shared by every port. */
export class Jar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** POSTs a channel with this jar's cookies and keeps what the answer sets. `body` is sent as is when a string. */
  async call(shell: WebShell, channel: string, body: unknown = {}): Promise<{ response: RawResponse; result: any }> {
    const cookie = this.header();
    const response = await raw(shell, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: apiHeaders(shell, cookie ? { Cookie: cookie } : {}),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = setCookie(response);
    if (set) this.cookies.set(set.name, set.value);
    return { response, result: JSON.parse(response.body) };
  }

  /** This jar's copy, e.g. to keep a seat id that the next call will rotate away. */
  copy(): Jar {
    const other = new Jar();
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }
}
