import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYCHAIN_SMS_TOKEN, SMS_TOKEN_SETTING } from '../../../../electron/core/settings/sms-token';
import { makeSetUpCore } from '../../../helpers/core';
import { startFakeTwilio, type FakeTwilio } from '../../../helpers/fake-twilio';
import { createOperator, ONE_TIME_PASSWORD, signIn } from '../../../helpers/mfa';

let provider: FakeTwilio;
beforeEach(async () => (provider = await startFakeTwilio()));
afterEach(() => provider.close());

describe('institution settings', () => {
  it('shows the defaults, applies bounded changes and audits each with its old and new value', async () => {
    const t = await makeSetUpCore();
    expect(await t.must('settings.get', {})).toEqual({
      name: 'Box Office',
      idleLockMinutes: 15,
      absoluteHours: 12,
      kioskIdleMinutes: 2,
      passwordPolicy: { minLength: 12, requireNumberAndSymbol: true },
      smsGateway: { kind: 'outbox' },
      logo: null,
      ticketDoors: null,
      ticketTerms: null,
      language: 'en',
      timeZone: 'Europe/Zurich',
      stepUpMinutes: 5,
      approvals: { reissue: false, bulkReissue: false, restore: false, twoStepOff: false },
    });
    const changed = await t.must('settings.update', { name: 'Opera House', idleLockMinutes: 5, absoluteHours: 8, passwordPolicy: { minLength: 16, requireNumberAndSymbol: false } });
    expect(changed).toMatchObject({ name: 'Opera House', idleLockMinutes: 5, absoluteHours: 8, passwordPolicy: { minLength: 16, requireNumberAndSymbol: false } });
    // Out of bounds: refused with the reason, nothing changed.
    expect(await t.call('settings.update', { passwordPolicy: { minLength: 11, requireNumberAndSymbol: true } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/at least 12/) } });
    expect(await t.call('settings.update', { passwordPolicy: { minLength: 65, requireNumberAndSymbol: true } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('settings.update', { idleLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Only tighter than the defaults (15 minutes idle, 12 hours).
    expect(await t.call('settings.update', { idleLockMinutes: 16 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'idleLockMinutes', message: expect.stringMatching(/at most 15/) } });
    expect(await t.call('settings.update', { absoluteHours: 13 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'absoluteHours' } });
    expect(await t.call('settings.update', { kioskIdleMinutes: 16 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'kioskIdleMinutes' } });
    expect(await t.call('settings.update', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.must('settings.get', {})).toEqual(changed);
    const entry = (await t.core.internals.audit.recent(5)).find((e) => e.kind === 'settings.changed')!;
    expect(entry.detail).toEqual({ name: '"Box Office" → "Opera House"', idleLockMinutes: '15 → 5', absoluteHours: '12 → 8', passwordPolicy: '{"minLength":12,"requireNumberAndSymbol":true} → {"minLength":16,"requireNumberAndSymbol":false}' });
  });

  it('the changes take effect: issuer name, session limits and the password policy', async () => {
    const t = await makeSetUpCore();
    await t.must('settings.update', { name: 'Opera House', idleLockMinutes: 5, passwordPolicy: { minLength: 20, requireNumberAndSymbol: false } });
    expect((await t.must('app.info', {})).institution).toBe('Opera House');
    expect(await t.call('operators.create', { login: 'olga2', displayName: 'O', roles: ['operator'], password: ONE_TIME_PASSWORD })).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY', message: expect.stringMatching(/at least 20/) } });
    await t.must('operators.create', { login: 'olga3', displayName: 'O', roles: ['operator'], password: 'a long passphrase without digits' });
    const session = await t.must('auth.status', {});
    expect(session.state === 'active' && session.idleLockAt - t.clock.now()).toBe(5 * 60_000);
    await t.must('settings.update', { passwordPolicy: { minLength: 12, requireNumberAndSymbol: true } });
    await createOperator(t, 'olga4');
    await signIn(t, 'olga4', 'o');
    expect((await t.must('mfa.startTotp', {}, 'o')).issuer).toBe('Opera House');
  });

  it('the SMS gateway token is stored sealed for every desk, never in clear, and "send a test SMS" reports what happened', async () => {
    const t = await makeSetUpCore();
    expect(await t.call('settings.setSmsGateway', { kind: 'http', baseUrl: provider.baseUrl, accountSid: provider.sid, from: '+41790000000' })).toMatchObject({ ok: false, error: { field: 'authToken' } });
    expect(await t.call('settings.setSmsGateway', { kind: 'http', baseUrl: 'http://sms.example.com', accountSid: provider.sid, from: '+41790000000', authToken: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/https/) } });
    const view = await t.must('settings.setSmsGateway', { kind: 'http', baseUrl: provider.baseUrl, accountSid: provider.sid, from: '+41790000000', authToken: provider.token });
    expect(view.smsGateway).toEqual({ kind: 'http', baseUrl: provider.baseUrl, accountSid: provider.sid, from: '+41790000000', tokenStored: true });
    // Sealed in the store (every desk sends with it), never in this terminal's keychain.
    const sealed = await t.core.internals.sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [SMS_TOKEN_SETTING]);
    expect(sealed?.value).toMatch(/^"v1\./);
    expect(sealed?.value).not.toContain(provider.token);
    expect(await t.core.internals.vault.getSecret(KEYCHAIN_SMS_TOKEN)).toBeNull();
    const sent = await t.must('settings.testSms', { country: 'CH', number: '079 123 45 67' });
    expect(sent).toEqual({ sentTo: '+41 •••• ••45 67', gateway: 'http' });
    expect(provider.received.at(-1)).toMatchObject({ to: '+41791234567', body: expect.stringMatching(/test message/) });
    // Changing the address keeps the stored token.
    await t.must('settings.setSmsGateway', { kind: 'http', baseUrl: provider.baseUrl + '/', accountSid: provider.sid, from: '+41790000001' });
    expect((await t.must('settings.testSms', { country: 'CH', number: '079 123 45 67' })).gateway).toBe('http');
    provider.mode = 'server-error';
    expect(await t.call('settings.testSms', { country: 'CH', number: '079 123 45 67' })).toMatchObject({ ok: false, error: { code: 'SMS_UNAVAILABLE' } });
    expect(await t.call('settings.testSms', { country: 'CH', number: '12' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Never in the store or anywhere in the data folder.
    for (const file of fs.readdirSync(t.dataDir, { recursive: true }) as string[]) {
      const full = path.join(t.dataDir, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(provider.token), file).toBe(false);
    }
    // Back to the outbox: the token is gone from the store.
    expect((await t.must('settings.setSmsGateway', { kind: 'outbox' })).smsGateway).toEqual({ kind: 'outbox' });
    expect(await t.core.internals.sql.get('SELECT value FROM settings WHERE key = ?', [SMS_TOKEN_SETTING])).toBeUndefined();
    expect((await t.must('settings.testSms', { country: 'CH', number: '079 123 45 67' })).gateway).toBe('outbox');
    const kinds = (await t.core.internals.audit.recent(20)).map((e) => e.kind);
    // Every send is audited (an invalid number never reaches a gateway).
    expect(kinds.filter((k) => k === 'settings.sms-test')).toHaveLength(4);
    expect(JSON.stringify(await t.core.internals.audit.recent(50))).not.toContain(provider.token);
  });

  it('is for admins and the service team only', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'o');
    for (const call of [t.call('settings.get', {}, 'o'), t.call('settings.update', { name: 'X' }, 'o'), t.call('settings.testSms', { country: 'CH', number: '079 123 45 67' }, 'o')]) {
      expect(await call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
