import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { osKeychain, VaultUnavailableError } from '../../../../electron/core/vault/keychain';
import { Vault } from '../../../../electron/core/vault/vault';

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
});
