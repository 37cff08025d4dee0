import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import type { WebShell } from '../../../electron/web/server';
import { makeCore, STRONG_PASSWORD, type TestCore } from '../../helpers/core';
import { apiHeaders as headersFor, raw as rawTo, startTestShell } from './rig';

let shell: WebShell;
let t: TestCore;

beforeEach(async () => {
  t = await makeCore();
  shell = await startTestShell(t);
});

const raw = (options: Parameters<typeof rawTo>[1]) => rawTo(shell, options);
const apiHeaders = (extra: Record<string, string> = {}) => headersFor(shell, extra);

describe('web shell', () => {
  it('listens on 127.0.0.1 only, on a random port, with a long random token', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(shell.port).toBeGreaterThan(0);
  });

  it('answers app.info with the token, and refuses a missing or wrong token', async () => {
    const good = await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders(), body: '{}' });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { product: 'Box Office', setupPending: true, shell: 'web' } });
    expect((await raw({ method: 'POST', path: '/api/app.info', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    const wrong = await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ Authorization: `Bearer ${shell.token.slice(0, -1)}${shell.token.endsWith('A') ? 'B' : 'A'}` }), body: '{}' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain(shell.token);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin or cross-site request', async () => {
    expect((await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ Host: 'evil.example' }), body: '{}' })).status).toBe(421);
    expect((await raw({ path: '/', headers: { Host: `evil.example:${shell.port}` } })).status).toBe(421);
    expect((await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ Origin: 'http://evil.example' }), body: '{}' })).status).toBe(403);
    expect((await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ Origin: `http://127.0.0.1:${shell.port + 1}` }), body: '{}' })).status).toBe(403);
    expect((await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ 'Sec-Fetch-Site': 'cross-site' }), body: '{}' })).status).toBe(403);
    expect((await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ Origin: `http://localhost:${shell.port}`, Host: `localhost:${shell.port}` }), body: '{}' })).status).toBe(200);
  });

  it('serves the renderer with the CSP and the bridge before the app script', async () => {
    const page = await raw({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body.indexOf('/bridge.js')).toBeGreaterThan(-1);
    expect(page.body.indexOf('/bridge.js')).toBeLessThan(page.body.indexOf('/assets/app.js'));
    const asset = await raw({ path: '/assets/app.js' });
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await raw({ path: '/bridge.js' })).body).toBe('/* bridge */');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/missing.js']) {
      const res = await raw({ path: p });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('answers bad requests clearly: wrong method, wrong type, bad JSON, a body too large, an unknown channel', async () => {
    expect((await raw({ path: '/api/app.info', headers: apiHeaders() })).status).toBe(405);
    expect((await raw({ method: 'POST', path: '/api/app.info', headers: apiHeaders({ 'Content-Type': 'text/plain' }), body: '{}' })).status).toBe(415);
    const bad = await raw({ method: 'POST', path: '/api/auth.signIn', headers: apiHeaders(), body: '{"login":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await raw({ method: 'POST', path: '/api/auth.signIn', headers: apiHeaders(), body: JSON.stringify({ login: 'a', password: 'x'.repeat(10 * 1024 * 1024) }) })).status).toBe(413);
    expect(JSON.parse((await raw({ method: 'POST', path: '/api/nope', headers: apiHeaders(), body: '{}' })).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('keeps one session per browser through an HttpOnly, SameSite=Strict cookie', async () => {
    await t.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: STRONG_PASSWORD }, 'elsewhere');
    const signIn = await raw({ method: 'POST', path: '/api/auth.signIn', headers: apiHeaders(), body: JSON.stringify({ login: 'anna', password: STRONG_PASSWORD }) });
    const cookie = signIn.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const seat = cookie.split(';')[0]!;
    const mine = await raw({ method: 'POST', path: '/api/auth.status', headers: apiHeaders({ Cookie: seat }), body: '{}' });
    expect(JSON.parse(mine.body).value.state).toBe('active');
    const other = await raw({ method: 'POST', path: '/api/auth.status', headers: apiHeaders(), body: '{}' });
    expect(JSON.parse(other.body).value.state).toBe('signedOut');
    const forged = await raw({ method: 'POST', path: '/api/auth.status', headers: apiHeaders({ Cookie: `bo_seat_${shell.port}=guess` }), body: '{}' });
    expect(JSON.parse(forged.body).value.state).toBe('signedOut');
  });
});
