/**
 * The SMS gateway's auth token, shared by every desk: kept in the settings table, sealed with the
 * vault (AES-256-GCM, bound to its setting), not in one terminal's keychain. Only the gateway reads it
 * in clear, at send time; it never reaches the renderer (a view says only whether one is stored).
 */
import type { SettingsRepo } from '../store/settings-repo';
import type { Vault } from '../vault/vault';

/** The settings key of the sealed token (outside `institution.`, so the settings snapshot never holds it). */
export const SMS_TOKEN_SETTING = 'secret.sms-gateway-token';
/** Bound to the ciphertext as associated data: the sealed token cannot be moved to another setting. */
const SEAL_CONTEXT = 'settings:sms-token';
/** Where earlier versions kept the token: this terminal's keychain, under this name. */
export const KEYCHAIN_SMS_TOKEN = 'sms-gateway-token';

export class SmsToken {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly vault: Vault,
  ) {}

  /** The token in clear, for the gateway only; null when none is stored (or it cannot be unsealed). */
  async get(): Promise<string | null> {
    const sealed = await this.settings.get<string>(SMS_TOKEN_SETTING);
    if (sealed === undefined) return null;
    try {
      return this.vault.decrypt(sealed, SEAL_CONTEXT).toString('utf8');
    } catch {
      console.error('[box-office] the stored SMS gateway token cannot be unsealed with this terminal\'s key; an administrator must enter it again.');
      return null;
    }
  }

  /**
   * For the gateway at send time (never inside a transaction): the stored token, or one still left in
   * this terminal's keychain by an earlier version, moved into the store first.
   */
  async forGateway(): Promise<string | null> {
    const token = await this.get();
    if (token !== null) return token;
    return (await this.moveFromKeychain()) ? this.get() : null;
  }

  async stored(): Promise<boolean> {
    return (await this.settings.get<string>(SMS_TOKEN_SETTING)) !== undefined;
  }

  /** Joins the caller's transaction (with the gateway change and its audit entry). */
  async set(token: string): Promise<void> {
    await this.settings.set(SMS_TOKEN_SETTING, this.vault.encrypt(token, SEAL_CONTEXT));
  }

  async clear(): Promise<void> {
    await this.settings.delete(SMS_TOKEN_SETTING);
  }

  /**
   * At start: a token an earlier version kept in this terminal's keychain moves into the store (unless
   * the store holds one already: the venue's wins), then leaves the keychain. Never inside a transaction.
   */
  async moveFromKeychain(): Promise<'moved' | 'dropped' | null> {
    const legacy = await this.vault.getSecret(KEYCHAIN_SMS_TOKEN);
    if (legacy === null) return null;
    // One statement decides, so two terminals moving theirs at once keep one token.
    const sealed = this.vault.encrypt(legacy, SEAL_CONTEXT);
    const kept = await this.settings.setOnce(SMS_TOKEN_SETTING, sealed);
    await this.vault.deleteSecret(KEYCHAIN_SMS_TOKEN);
    return kept === sealed ? 'moved' : 'dropped';
  }
}
