/**
 * "Remember this device": a 256-bit token kept in this machine's keychain; the store holds only its
 * keyed hash with a label, an expiry and the last use. It skips the second factor, never the password.
 */
import crypto from 'node:crypto';
import type { DeviceView } from '../../../shared/mfa-views';
import type { DeviceRecord } from '../store/devices-repo';
import type { MfaContext } from './context';

const DAY_MS = 86_400_000;
const secretName = (operatorId: number) => `device:${operatorId}`;

export class TrustedDevices {
  constructor(private readonly ctx: MfaContext) {}

  /** Offered only when the institution allows it and never on a kiosk. */
  offer(): { offered: boolean; days: number } {
    const days = this.ctx.settings.get('rememberDeviceDays');
    return { offered: days > 0 && !this.ctx.kiosk, days };
  }

  /** True when this machine holds a live token for the operator: the code step may be skipped. */
  async honoured(operatorId: number): Promise<boolean> {
    if (this.ctx.kiosk) return false;
    const token = await this.ctx.vault.getSecret(secretName(operatorId));
    if (!token) return false;
    const now = this.ctx.clock.now();
    const device = await this.ctx.devices.findValid(operatorId, this.ctx.vault.keyedHash('device', token), now);
    if (!device) return false;
    // The use is a compare-and-set on the live row: a revocation another terminal committed meanwhile wins.
    return this.ctx.repo.transaction(async () => {
      if (!(await this.ctx.devices.touch(device.id, now))) return false;
      await this.ctx.audit.append({ kind: 'mfa.device-honoured', actorId: operatorId, detail: { device: device.id } });
      return true;
    });
  }

  async remember(operatorId: number, label: string | undefined): Promise<void> {
    const { offered, days } = this.offer();
    if (!offered) return;
    const token = crypto.randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    // The token first (the keychain cannot join a transaction): a token without its row trusts nothing.
    await this.ctx.vault.setSecret(secretName(operatorId), token);
    const tokenHash = this.ctx.vault.keyedHash('device', token);
    await this.ctx.repo.transaction(async () => {
      const id = await this.ctx.devices.add({
        operatorId,
        tokenHash,
        label: label || `${this.ctx.terminal}`,
        terminal: this.ctx.terminal,
        now,
        expiresAt: now + days * DAY_MS,
      });
      await this.ctx.audit.append({ kind: 'mfa.device-remembered', actorId: operatorId, detail: { device: id, days } });
    });
  }

  async list(operatorId: number): Promise<DeviceView[]> {
    const now = this.ctx.clock.now();
    return (await this.ctx.devices.list(operatorId)).map((d) => view(d, now));
  }

  /** A compare-and-set: of two revocations at once, one revokes (and is audited), the other finds nothing. */
  revoke(operatorId: number, deviceId: number, by: number): Promise<boolean> {
    return this.ctx.repo.transaction(async () => {
      const done = await this.ctx.devices.revoke(operatorId, deviceId, this.ctx.clock.now());
      if (done) await this.ctx.audit.append({ kind: 'mfa.device-revoked', actorId: by, subject: String(operatorId), detail: { device: deviceId } });
      return done;
    });
  }

  /** Every device of the operator; also drops this machine's token from the keychain. */
  async revokeAll(operatorId: number): Promise<number> {
    const count = await this.revokeAllInStore(operatorId);
    await this.forgetToken(operatorId);
    return count;
  }

  /**
   * The store's part of revoking every device: call it inside the transaction of the change that
   * demands it (password reset, two-step reset, disabling), so the two commit together. A token left in
   * a keychain is then worthless: only its revoked hash is in the store.
   */
  revokeAllInStore(operatorId: number): Promise<number> {
    return this.ctx.devices.revokeAll(operatorId, this.ctx.clock.now());
  }

  /** Drops this machine's token; other machines' tokens die with their store rows. */
  async forgetToken(operatorId: number): Promise<void> {
    await this.ctx.vault.deleteSecret(secretName(operatorId));
  }
}

const view = (d: DeviceRecord, now: number): DeviceView => ({
  id: d.id,
  label: d.label,
  terminal: d.terminal,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
  lastUsedAt: d.lastUsedAt,
  state: d.revokedAt !== null ? 'revoked' : d.expiresAt <= now ? 'expired' : 'active',
});
