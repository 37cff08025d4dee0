/** What the web shell does with a request whose path or body is not what a channel takes (issue 10, items 10 and 11). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebShell } from '../../../electron/web/server';
import { makeCore, STRONG_PASSWORD, type TestCore } from '../../helpers/core';
import { apiHeaders, Jar, raw, startTestShell } from './rig';

let shell: WebShell;
let t: TestCore;

beforeEach(async () => {
  t = await makeCore();
  shell = await startTestShell(t);
});
afterEach(() => vi.restoreAllMocks());

describe('web shell request shape', () => {
  it('answers a channel path with malformed percent-encoding 404 UNKNOWN_CHANNEL, without logging a stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of ['/api/%', '/api/%ZZ', '/api/auth.%E0%A4%A']) {
      const res = await raw(shell, { method: 'POST', path, headers: apiHeaders(shell), body: '{}' });
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body), path).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(logged).not.toHaveBeenCalled();
    // Still behind the token: a caller without it learns nothing, not even that the path is malformed.
    expect((await raw(shell, { method: 'POST', path: '/api/%', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  it('refuses JSON that is not an object (null, an array, a number, a string) as VALIDATION; an empty body is {}', async () => {
    await t.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: STRONG_PASSWORD }, 'elsewhere');
    const browser = new Jar();
    expect((await browser.call(shell, 'auth.signIn', { login: 'anna', password: STRONG_PASSWORD })).result.value.state).toBe('active');
    for (const channel of ['demo.load', 'backup.create', 'auth.signOut']) {
      for (const body of ['null', '[]', '1', '"x"', 'true']) {
        const { response, result } = await browser.call(shell, channel, body);
        expect(response.status, `${channel} ${body}`).toBe(200);
        expect(result, `${channel} ${body}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
    }
    // None of them ran: still signed in, no backup written.
    expect((await browser.call(shell, 'auth.status', '')).result).toMatchObject({ ok: true, value: { state: 'active' } });
    expect((await browser.call(shell, 'backup.list', '')).result).toMatchObject({ ok: true, value: { files: [] } });
    expect((await browser.call(shell, 'auth.signOut', '')).result).toMatchObject({ ok: true, value: { state: 'signedOut' } });
  });
});
