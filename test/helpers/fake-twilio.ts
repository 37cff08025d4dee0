/**
 * A loopback HTTP server that behaves like Twilio's Messages API: basic auth, form-encoded body,
 * 201 with a sid, Twilio's JSON errors, and a mode that never answers (for time-outs).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProviderMode = 'ok' | 'bad-number' | 'server-error' | 'hang';

export interface FakeTwilio {
  baseUrl: string;
  sid: string;
  token: string;
  mode: ProviderMode;
  received: { to: string; from: string; body: string }[];
  close(): Promise<void>;
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const sid = 'AC' + crypto.randomBytes(16).toString('hex');
  const token = crypto.randomBytes(16).toString('hex');
  const state: FakeTwilio = { baseUrl: '', sid, token, mode: 'ok', received: [], close: async () => undefined };
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${sid}/Messages.json`) return json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      if (req.headers.authorization !== `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`) {
        return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
      }
      if (state.mode === 'hang') return; // never answers
      if (state.mode === 'server-error') return json(res, 500, { code: 20500, message: 'Internal Server Error', status: 500 });
      const form = new URLSearchParams(raw);
      if (state.mode === 'bad-number') return json(res, 400, { code: 21211, message: `The 'To' number ${form.get('To')} is not a valid phone number.`, status: 400 });
      state.received.push({ to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '' });
      json(res, 201, { sid: 'SM' + crypto.randomBytes(16).toString('hex'), status: 'queued', to: form.get('To') });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
