/** SQL for clock_checks: one row per terminal, what its clock looked like lately (migration 011). */
import type { Sql } from './sql';

export interface ClockCheckRecord {
  terminal: string;
  /** Matched step minus current step (−1, 0, +1) of the last accepted authenticator codes, oldest first. */
  totpOffsets: number[];
  /** Terminal clock minus database server clock when last measured (PostgreSQL); null when never measured. */
  serverOffsetMs: number | null;
  updatedAt: number;
}

interface Row {
  terminal: string;
  totp_offsets: string;
  server_offset_ms: number | null;
  updated_at: number;
}

const record = (r: Row): ClockCheckRecord => ({
  terminal: r.terminal,
  totpOffsets: r.totp_offsets ? r.totp_offsets.split(',').map(Number) : [],
  serverOffsetMs: r.server_offset_ms,
  updatedAt: r.updated_at,
});

export class ClockChecksRepo {
  constructor(private readonly sql: Sql) {}

  async get(terminal: string): Promise<ClockCheckRecord | undefined> {
    const row = await this.sql.get<Row>('SELECT terminal, totp_offsets, server_offset_ms, updated_at FROM clock_checks WHERE terminal = ?', [terminal]);
    return row && record(row);
  }

  /** Every terminal's row: on a venue database the admin sees them all. */
  async all(): Promise<ClockCheckRecord[]> {
    return (await this.sql.all<Row>('SELECT terminal, totp_offsets, server_offset_ms, updated_at FROM clock_checks ORDER BY terminal')).map(record);
  }

  /**
   * Appends one offset and keeps the newest `keep`. A read then a write: two codes accepted at the same
   * instant at one terminal could drop one entry, which only delays or repeats a warning by one code.
   */
  async addTotpOffset(terminal: string, offset: number, keep: number, now: number): Promise<void> {
    const offsets = [...((await this.get(terminal))?.totpOffsets ?? []), offset].slice(-keep).join(',');
    await this.sql.run(
      `INSERT INTO clock_checks (terminal, totp_offsets, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (terminal) DO UPDATE SET totp_offsets = excluded.totp_offsets, updated_at = excluded.updated_at`,
      [terminal, offsets, now],
    );
  }

  async setServerOffset(terminal: string, offsetMs: number, now: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO clock_checks (terminal, server_offset_ms, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (terminal) DO UPDATE SET server_offset_ms = excluded.server_offset_ms, updated_at = excluded.updated_at`,
      [terminal, offsetMs, now],
    );
  }

  /** The database server's clock (PostgreSQL only): `clock_timestamp()` moves during a transaction, `now()` would not. */
  async serverNowMs(): Promise<number> {
    const row = await this.sql.get<{ ms: number }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms');
    return row!.ms;
  }
}
