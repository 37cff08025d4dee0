import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCore, startCore } from '../../../../electron/core/app';
import { KEYCHAIN_SMS_TOKEN, SMS_TOKEN_SETTING } from '../../../../electron/core/settings/sms-token';
import { osKeychain, VaultUnavailableError, VenueKeyMissingError } from '../../../../electron/core/vault/keychain';
import { Vault } from '../../../../electron/core/vault/vault';
import { makeCore, makeSetUpCore, tempDir } from '../../../helpers/core';
import { freshPostgresUrl } from '../../../helpers/engines';

// The real Secret Service of the test session (gnome-keyring under dbus-run-session).
const keychain = osKeychain('Box Office Tests');
const freshId = () => crypto.randomUUID();

describe('vault', () => {
  it('creates a data key in the keychain on first run and finds the same key later', async () => {
    const id = freshId();
    const first = await Vault.open(keychain, id, false);
    const sealed = first.encrypt('JBSWY3DPEHPK3PXP', 'totp:1');
    expect(await keychain.get(`${id}:master-key`)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const again = await Vault.open(keychain, id, true);
    expect(again.decrypt(sealed, 'totp:1').toString()).toBe('JBSWY3DPEHPK3PXP');
  });

  it('encrypts with AES-256-GCM: fresh IV each time, no plaintext in the output', async () => {
    const vault = await Vault.open(keychain, freshId(), false);
    const a = vault.encrypt('secret seed', 'ctx');
    const b = vault.encrypt('secret seed', 'ctx');
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(Buffer.from(a.split('.')[1]!, 'base64')).toHaveLength(12);
  });

  it('refuses a ciphertext moved to another context or tampered with', async () => {
    const vault = await Vault.open(keychain, freshId(), false);
    const sealed = vault.encrypt('secret', 'totp:1');
    expect(() => vault.decrypt(sealed, 'totp:2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0]! ^= 1;
    parts[3] = body.toString('base64');
    expect(() => vault.decrypt(parts.join('.'), 'totp:1')).toThrow();
  });

  it('another installation cannot read this one\'s secrets', async () => {
    const a = await Vault.open(keychain, freshId(), false);
    const b = await Vault.open(keychain, freshId(), false);
    expect(() => b.decrypt(a.encrypt('x', 'c'), 'c')).toThrow();
  });

  it('keyed hashes are stable, purpose-bound and key-bound', async () => {
    const vault = await Vault.open(keychain, freshId(), false);
    const other = await Vault.open(keychain, freshId(), false);
    expect(vault.keyedHash('sms', '123456')).toBe(vault.keyedHash('sms', '123456'));
    expect(vault.keyedHash('sms', '123456')).not.toBe(vault.keyedHash('recovery', '123456'));
    expect(vault.keyedHash('sms', '123456')).not.toBe(other.keyedHash('sms', '123456'));
    expect(vault.keyedHash('sms', '123456')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never makes a new key silently when the store expects an existing one', async () => {
    await expect(Vault.open(keychain, freshId(), true)).rejects.toThrowError(VaultUnavailableError);
  });

  it('keeps named secrets in the keychain per installation', async () => {
    const vault = await Vault.open(keychain, freshId(), false);
    await vault.setSecret('sms-gateway', 'token-123');
    expect(await vault.getSecret('sms-gateway')).toBe('token-123');
    expect(await vault.deleteSecret('sms-gateway')).toBe(true);
    expect(await vault.getSecret('sms-gateway')).toBeNull();
  });

  it('on a venue database refuses a key the store expects but the keychain lacks, saying the terminal has not joined', async () => {
    const id = freshId();
    const refused = Vault.open(keychain, id, true, { venue: true });
    await expect(refused).rejects.toBeInstanceOf(VenueKeyMissingError);
    await expect(Vault.open(keychain, id, true, { venue: true })).rejects.toThrow(/^This terminal has not joined the venue: its keychain does not hold the venue key\./);
    expect(await keychain.get(`${id}:master-key`)).toBeNull();
  });
});

/**
 * Two terminals share the venue key when their keychains hold the same entry. Tests give two processes (or two
 * cores in one) the same key by running them in one Secret Service session (dbus-run-session with one
 * gnome-keyring-daemon): both read the entry `<installation id>:master-key` of the service "Box Office", which
 * the first core set up on the empty database wrote. A terminal with another keychain (here another service
 * name, as another computer's keychain would be) does not hold it.
 */
describe('the venue key (PostgreSQL)', () => {
  it('the first terminal on an empty venue database creates the key; one whose keychain lacks it is refused, blocking, with VAULT_UNAVAILABLE', async () => {
    const databaseUrl = await freshPostgresUrl();
    const first = await makeSetUpCore({ databaseUrl });
    // Same keychain (same session): joins, and reads what the first one sealed.
    const second = await makeCore({ databaseUrl });
    expect(second.core.internals.vault.keyCheck()).toBe(first.core.internals.vault.keyCheck());
    await second.must('auth.signIn', { login: 'anna', password: 'Tickets&Seats-2026' });
    // Another computer's keychain: refused before anything is written.
    const elsewhere = osKeychain(`Box Office Tests ${freshId()}`);
    const config = { dataDir: tempDir(), databaseUrl, shell: 'web' as const, kiosk: false, keychain: elsewhere };
    await expect(createCore(config)).rejects.toThrow(/^This terminal has not joined the venue: its keychain does not hold the venue key\./);
    const started = await startCore(config);
    expect(started.failure()).toMatchObject({ code: 'VAULT_UNAVAILABLE', message: expect.stringContaining('has not joined the venue') });
    expect(await started.dispatch('app.info', {}, { seat: 's' })).toMatchObject({ ok: false, error: { code: 'VAULT_UNAVAILABLE' } });
    await started.close();
  });
});

describe('the SMS gateway token', () => {
  it('lives in the store sealed with the vault, and one an earlier version kept in the keychain moves there at start', async () => {
    const t = await makeSetUpCore();
    const { vault } = t.core.internals;
    await vault.setSecret(KEYCHAIN_SMS_TOKEN, 'legacy-token-123');
    const again = await t.reopen();
    expect(await again.core.internals.vault.getSecret(KEYCHAIN_SMS_TOKEN)).toBeNull();
    const stored = await again.core.internals.sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [SMS_TOKEN_SETTING]);
    expect(stored?.value).toBeDefined();
    expect(stored!.value).not.toContain('legacy-token-123');
    const sealed = JSON.parse(stored!.value) as string;
    expect(again.core.internals.vault.decrypt(sealed, 'settings:sms-token').toString()).toBe('legacy-token-123');
    // Bound to its setting: the same ciphertext read as another secret fails.
    expect(() => again.core.internals.vault.decrypt(sealed, 'settings:other')).toThrow();
  });
});
