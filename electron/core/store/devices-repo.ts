/** SQL for remembered devices. Only the keyed hash of a device token is ever stored. */
import type { Sql } from './sql';

export interface DeviceRecord {
  id: number;
  operatorId: number;
  label: string;
  terminal: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

interface DeviceRow {
  id: number;
  operator_id: number;
  label: string;
  terminal: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

const toRecord = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  operatorId: r.operator_id,
  label: r.label,
  terminal: r.terminal,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export class DevicesRepo {
  constructor(private readonly sql: Sql) {}

  async add(device: { operatorId: number; tokenHash: string; label: string; terminal: string; now: number; expiresAt: number }): Promise<number> {
    const row = await this.sql.get<{ id: number }>(
      'INSERT INTO trusted_devices (operator_id, token_hash, label, terminal, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [device.operatorId, device.tokenHash, device.label, device.terminal, device.now, device.expiresAt],
    );
    return row!.id;
  }

  /** The live device with this token hash for this operator, or undefined when unknown, revoked or expired. */
  async findValid(operatorId: number, tokenHash: string, now: number): Promise<DeviceRecord | undefined> {
    const row = await this.sql.get<DeviceRow>('SELECT * FROM trusted_devices WHERE operator_id = ? AND token_hash = ? AND revoked_at IS NULL AND expires_at > ?', [operatorId, tokenHash, now]);
    return row && toRecord(row);
  }

  /**
   * Records a use, only while the device is still live: a compare-and-set, so a revocation committed by
   * another terminal since `findValid` wins and the device is not honoured. True when it was still live.
   */
  async touch(id: number, now: number): Promise<boolean> {
    const { changes } = await this.sql.run('UPDATE trusted_devices SET last_used_at = ? WHERE id = ? AND revoked_at IS NULL AND expires_at > ?', [now, id, now]);
    return changes === 1;
  }

  async list(operatorId: number): Promise<DeviceRecord[]> {
    return (await this.sql.all<DeviceRow>('SELECT * FROM trusted_devices WHERE operator_id = ? ORDER BY created_at DESC, id DESC', [operatorId])).map(toRecord);
  }

  async countLive(operatorId: number, now: number): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM trusted_devices WHERE operator_id = ? AND revoked_at IS NULL AND expires_at > ?', [operatorId, now]))!.n;
  }

  /** Compare-and-set: true only for the call that revoked it. */
  async revoke(operatorId: number, id: number, now: number): Promise<boolean> {
    return (await this.sql.run('UPDATE trusted_devices SET revoked_at = ? WHERE id = ? AND operator_id = ? AND revoked_at IS NULL', [now, id, operatorId])).changes === 1;
  }

  async revokeAll(operatorId: number, now: number): Promise<number> {
    return (await this.sql.run('UPDATE trusted_devices SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL', [now, operatorId])).changes;
  }
}
