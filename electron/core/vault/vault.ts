/**
 * Secrets at rest: one random master key per installation lives in the OS keychain; from it we
 * derive (HKDF) an AES-256-GCM key for encrypting secrets in the store, an HMAC key for keyed
 * hashes of codes and tokens and an HMAC key for the audit log's entries. The master key never
 * leaves this process; none of the derived keys is ever written to the store.
 */
import crypto from 'node:crypto';
import { wrapVenueKey } from '../venue/join-code';
import { sealVenueKey } from '../venue/venue-key-file';
import { VaultUnavailableError, VenueKeyMissingError, type Keychain } from './keychain';

const CIPHER_VERSION = 'v1';
const AUDIT_ANCHOR_SECRET = 'audit-anchor';

/** The head of the audit log as last seen by this installation: kept outside the store, so a cut tail shows. */
export interface AuditAnchor {
  id: number;
  mac: string;
}

export class Vault {
  private constructor(
    private readonly keychain: Keychain,
    private readonly installationId: string,
    private readonly encryptionKey: Buffer,
    private readonly macKey: Buffer,
    private readonly auditKey: Buffer,
    /** Kept only to hand the venue key to a joining terminal, wrapped with its join code. */
    private readonly master: Buffer,
  ) {}

  /**
   * Loads this installation's master key, creating it on first run. `expectExisting` is true when
   * the store already holds data encrypted with it: then a missing key is an error, never a new key.
   * On a venue database (`venue`) the key is the venue's: the first terminal to set up the empty
   * database creates it; a terminal whose keychain lacks it has not joined the venue.
   */
  static async open(keychain: Keychain, installationId: string, expectExisting: boolean, options: { venue?: boolean } = {}): Promise<Vault> {
    const account = masterKeyAccount(installationId);
    let encoded = await keychain.get(account);
    if (!encoded) {
      if (expectExisting && options.venue) throw new VenueKeyMissingError(installationId, 'missing');
      if (expectExisting) {
        throw new VaultUnavailableError(
          `the data key of this installation (${installationId}) is missing from the keychain, so its encrypted secrets cannot be read; restore the keychain or reset the installation`,
        );
      }
      encoded = crypto.randomBytes(32).toString('base64');
      await keychain.set(account, encoded);
    }
    const master = Buffer.from(encoded, 'base64');
    if (master.length !== 32) throw new VaultUnavailableError('the data key in the keychain is malformed');
    const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.from(installationId), Buffer.from(info), 32));
    return new Vault(keychain, installationId, derive('box-office/encrypt/v1'), derive('box-office/mac/v1'), derive('box-office/audit-mac/v1'), master);
  }

  /** Puts a venue's key, brought by a join code, into this keychain. */
  static async storeVenueKey(keychain: Keychain, installationId: string, masterKey: string): Promise<void> {
    if (Buffer.from(masterKey, 'base64').length !== 32) throw new VaultUnavailableError('the venue key brought by the join code is malformed');
    await keychain.set(masterKeyAccount(installationId), masterKey);
  }

  /** A terminal that leaves its venue forgets the venue's key and its audit anchor. */
  static async forgetVenueKey(keychain: Keychain, installationId: string): Promise<void> {
    await keychain.delete(masterKeyAccount(installationId)).catch(() => false);
    await keychain.delete(`${installationId}:${AUDIT_ANCHOR_SECRET}`).catch(() => false);
  }

  /** The venue key as a passphrase-sealed file, for an admin to keep offline (disaster recovery). */
  sealedKeyFile(passphrase: string): Promise<string> {
    return sealVenueKey({ installationId: this.installationId, masterKey: this.master.toString('base64') }, passphrase);
  }

  /** The venue key, wrapped with a join code for the terminal that will join with it (never in clear). */
  wrapForJoin(code: string): string {
    return wrapVenueKey(code, { installationId: this.installationId, masterKey: this.master.toString('base64') });
  }

  /**
   * A fingerprint of the master key, kept in the store: a terminal whose keychain holds another key for
   * the same installation (two terminals that set up one empty venue database at the same moment) is
   * refused instead of sealing data the others cannot read. A keyed hash: it tells nothing of the key.
   */
  keyCheck(): string {
    return this.keyedHash('vault.key-check', this.installationId);
  }

  /** AES-256-GCM; `context` is bound as associated data so a ciphertext cannot be moved to another row. */
  encrypt(plaintext: string | Buffer, context: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [CIPHER_VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  decrypt(sealed: string, context: string): Buffer {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== CIPHER_VERSION || !iv || !tag || body === undefined) throw new Error('Unrecognised ciphertext');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  }

  /** HMAC-SHA256 under the vault's key: codes and tokens are stored only as this. */
  keyedHash(purpose: string, value: string): string {
    return crypto.createHmac('sha256', this.macKey).update(purpose).update('\0').update(value).digest('hex');
  }

  /** HMAC-SHA256 of an audit entry's canonical encoding; a key of its own, so no other keyed hash can be passed off as one. */
  auditMac(encoded: string): string {
    return crypto.createHmac('sha256', this.auditKey).update(encoded).digest('hex');
  }

  async auditAnchor(): Promise<AuditAnchor | null> {
    const stored = await this.getSecret(AUDIT_ANCHOR_SECRET);
    if (!stored) return null;
    const parsed = JSON.parse(stored) as Partial<AuditAnchor>;
    if (!Number.isSafeInteger(parsed.id) || typeof parsed.mac !== 'string') throw new Error('The audit anchor in the keychain is malformed');
    return { id: parsed.id!, mac: parsed.mac };
  }

  async setAuditAnchor(anchor: AuditAnchor): Promise<void> {
    await this.setSecret(AUDIT_ANCHOR_SECRET, JSON.stringify({ id: anchor.id, mac: anchor.mac }));
  }

  /** Secrets kept in the keychain itself (gateway credentials, this machine's device tokens). */
  async getSecret(name: string): Promise<string | null> {
    return this.keychain.get(`${this.installationId}:${name}`);
  }

  async setSecret(name: string, secret: string): Promise<void> {
    await this.keychain.set(`${this.installationId}:${name}`, secret);
  }

  async deleteSecret(name: string): Promise<boolean> {
    return this.keychain.delete(`${this.installationId}:${name}`);
  }
}

const masterKeyAccount = (installationId: string) => `${installationId}:master-key`;
