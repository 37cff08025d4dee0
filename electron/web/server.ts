/**
 * The web shell: the same API over HTTP, for a browser on this machine. A guest of the same house:
 * loopback only, a per-launch token on every call, Host and Origin checked, the renderer's CSP on
 * every page. It only transports; core decides everything.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contract, isChannelName, type ChannelDef } from '../../shared/contract';
import { SECURITY_HEADERS } from '../security/csp';
import type { StartedCore } from '../core/app';
import { Seats } from './seats';
import { contentType, resolveStatic } from './static-files';

export interface WebShellOptions {
  core: Pick<StartedCore, 'dispatch' | 'reseat'> & Partial<Pick<StartedCore, 'jobResult'>>;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** The built browser bridge script, served as /bridge.js. */
  bridgeFile: string;
  port?: number;
  token?: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Room for an order import (8 MB of CSV or JSON); every other body is far smaller.
const MAX_BODY = 9 * 1024 * 1024;
/** GET /api/jobs/<id>/result: a job's joined file. Job ids are base64url; anything else is no job. */
const JOB_RESULT = /^jobs\/([A-Za-z0-9_-]{8,64})\/result$/;
const UNKNOWN_CHANNEL = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'This action does not exist.' } };

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const tokenBuffer = Buffer.from(token);
  let port = 0;
  const seats = new Seats(() => `bo_seat_${port}`);

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[box-office] web shell request failed:', error);
      if (!res.headersSent) send(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach us.
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, { error: 'This address only answers as 127.0.0.1 or localhost.' });
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed.' });
    return serveStatic(req, res, url.pathname);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    const jobFile = JOB_RESULT.exec(channel);
    if (jobFile && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!callerAllowed(req, res)) return;
      return sendJobResult(req, res, jobFile[1]!);
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'Use POST with a JSON body.' }, { Allow: 'POST' });
    if (!callerAllowed(req, res)) return;
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return send(res, 415, { error: 'Send Content-Type: application/json.' });
    const name = channelName(channel);
    if (name === null) return send(res, 404, UNKNOWN_CHANNEL);
    const body = await readBody(req);
    if (body === null) return send(res, 413, { error: `The body is larger than ${MAX_BODY} bytes.` });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The body is not valid JSON.' } });
    }
    const { seat, issued } = seats.of(req.headers.cookie);
    const key = req.headers['idempotency-key'];
    const result = await options.core.dispatch(name, input, { seat: `web:${seat}`, idempotencyKey: typeof key === 'string' ? key : undefined });
    let cookieSeat = issued ? seat : null;
    // A sign-in step moves the session to a new seat: an id planted beforehand never holds a signed-in session.
    if (result.ok && isChannelName(name) && (contract[name] as ChannelDef).rotatesSeat) {
      cookieSeat = seats.rotate(seat);
      options.core.reseat(`web:${seat}`, `web:${cookieSeat}`);
    }
    send(res, 200, result, cookieSeat === null ? {} : { 'Set-Cookie': seats.cookie(cookieSeat) });
  }

  /** Origin, fetch site and token: the same for every /api call. Answers the refusal itself. */
  function callerAllowed(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return (send(res, 403, { error: 'Foreign origin refused.' }), false);
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return (send(res, 403, { error: 'Cross-site request refused.' }), false);
    if (!hasToken(req.headers.authorization)) return (send(res, 401, { error: 'Missing or wrong token: send Authorization: Bearer <token>.' }, { 'WWW-Authenticate': 'Bearer' }), false);
    return true;
  }

  /** A job's joined PDF, streamed from its file to the session that owns the job (its seat cookie), never through a JSON answer. */
  async function sendJobResult(req: http.IncomingMessage, res: http.ServerResponse, jobId: string): Promise<void> {
    const { seat } = seats.of(req.headers.cookie);
    const found = options.core.jobResult ? options.core.jobResult(`web:${seat}`, jobId) : ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such file.' } } as const);
    if (!found.ok) return send(res, found.error.code === 'NOT_FOUND' ? 404 : found.error.code === 'CONFLICT' ? 409 : 403, found);
    let stream: fs.ReadStream;
    try {
      const handle = await fs.promises.open(found.value.file, 'r');
      stream = handle.createReadStream();
    } catch {
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'The file is gone (the job was replaced or the app restarted). Start the job again.' } });
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/pdf',
      'Content-Length': String(found.value.bytes),
      'Content-Disposition': `attachment; filename="${found.value.fileName}"`,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    await pipeline(stream, res);
  }

  function hasToken(header: string | undefined): boolean {
    const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '');
    if (!match?.[1]) return false;
    const given = Buffer.from(match[1]);
    return given.length === tokenBuffer.length && crypto.timingSafeEqual(given, tokenBuffer);
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/bridge.js') return sendFile(req, res, options.bridgeFile);
    const file = pathname === '/' ? path.join(options.rendererDir, 'index.html') : resolveStatic(options.rendererDir, pathname);
    if (!file) return send(res, 404, { error: 'Not found.' });
    if (path.basename(file) === 'index.html') {
      const html = withBridge(await fs.promises.readFile(file, 'utf8'));
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    return sendFile(req, res, file);
  }

  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The bridge must run before the renderer's module script, which is deferred; a classic script in <head> does. */
function withBridge(html: string): string {
  return html.replace('<head>', '<head>\n    <script src="/bridge.js"></script>');
}

/** The channel named by the path; null when its percent-encoding is malformed (no channel has such a name). */
function channelName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(json);
}

async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<void> {
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch {
    return send(res, 404, { error: 'Not found.' });
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : data);
}
