/** SQL for remembered devices. Only the keyed hash of a device token is ever stored. */
import type { Db } from './database';

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
  constructor(private readonly db: Db) {}

  add(device: { operatorId: number; tokenHash: string; label: string; terminal: string; now: number; expiresAt: number }): number {
    return Number(
      this.db
        .prepare('INSERT INTO trusted_devices (operator_id, token_hash, label, terminal, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(device.operatorId, device.tokenHash, device.label, device.terminal, device.now, device.expiresAt).lastInsertRowid,
    );
  }

  /** The live device with this token hash for this operator, or undefined when unknown, revoked or expired. */
  findValid(operatorId: number, tokenHash: string, now: number): DeviceRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM trusted_devices WHERE operator_id = ? AND token_hash = ? AND revoked_at IS NULL AND expires_at > ?')
      .get(operatorId, tokenHash, now) as DeviceRow | undefined;
    return row && toRecord(row);
  }

  touch(id: number, now: number): void {
    this.db.prepare('UPDATE trusted_devices SET last_used_at = ? WHERE id = ?').run(now, id);
  }

  list(operatorId: number): DeviceRecord[] {
    return (this.db.prepare('SELECT * FROM trusted_devices WHERE operator_id = ? ORDER BY created_at DESC').all(operatorId) as DeviceRow[]).map(toRecord);
  }

  countLive(operatorId: number, now: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM trusted_devices WHERE operator_id = ? AND revoked_at IS NULL AND expires_at > ?').get(operatorId, now) as { n: number }).n;
  }

  revoke(operatorId: number, id: number, now: number): boolean {
    return this.db.prepare('UPDATE trusted_devices SET revoked_at = ? WHERE id = ? AND operator_id = ? AND revoked_at IS NULL').run(now, id, operatorId).changes === 1;
  }

  revokeAll(operatorId: number, now: number): number {
    return this.db.prepare('UPDATE trusted_devices SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL').run(now, operatorId).changes;
  }
}
