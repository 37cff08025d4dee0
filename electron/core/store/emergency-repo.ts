/**
 * SQL for emergency codes (migration 011): an admin-issued, single-use stand-in for an operator's second
 * factor, kept as a keyed hash only. A code is usable while it is unused, unrevoked and unexpired; each
 * change of that state is one compare-and-set, so a code is used (or revoked) once, at one terminal.
 */
import type { Sql } from './sql';

export interface EmergencyCodeRecord {
  id: number;
  operatorId: number;
  operatorLogin: string;
  operatorName: string;
  /** The issuer's login, or null when her account no longer exists. */
  issuerLogin: string | null;
  issuedBy: number;
  issuedAt: number;
  expiresAt: number;
}

/** The condition of a usable code; `p` qualifies the columns in a join (UPDATEs name the table alone, as both engines read it). */
const usable = (p = '') => `${p}used_at IS NULL AND ${p}revoked_at IS NULL AND ${p}expires_at > ?`;

interface Row {
  id: number;
  operator_id: number;
  operator_login: string;
  operator_name: string;
  issuer_login: string | null;
  issued_by: number;
  issued_at: number;
  expires_at: number;
}

export class EmergencyRepo {
  constructor(private readonly sql: Sql) {}

  /** Her usable codes become revoked (a new one replaces them); returns how many. */
  async revokeUsable(operatorId: number, now: number): Promise<number> {
    return (await this.sql.run(`UPDATE emergency_codes SET revoked_at = ? WHERE operator_id = ? AND ${usable()}`, [now, operatorId, now])).changes;
  }

  async insert(input: { operatorId: number; codeHash: string; issuedBy: number; issuedAt: number; expiresAt: number }): Promise<number> {
    const row = await this.sql.get<{ id: number }>('INSERT INTO emergency_codes (operator_id, code_hash, issued_by, issued_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id', [
      input.operatorId,
      input.codeHash,
      input.issuedBy,
      input.issuedAt,
      input.expiresAt,
    ]);
    return Number(row!.id);
  }

  /**
   * Single use: marks her code used only if it is still usable, and returns who issued it (undefined: no
   * such usable code). Two terminals trying the same code: the second UPDATE finds it used and changes nothing.
   */
  async use(operatorId: number, codeHash: string, now: number): Promise<{ id: number; issuedBy: number } | undefined> {
    const row = await this.sql.get<{ id: number; issued_by: number }>(
      `UPDATE emergency_codes SET used_at = ? WHERE operator_id = ? AND code_hash = ? AND ${usable()} RETURNING id, issued_by`,
      [now, operatorId, codeHash, now],
    );
    return row && { id: Number(row.id), issuedBy: Number(row.issued_by) };
  }

  /** Revokes one usable code; returns its operator's id, or undefined when it was no longer usable. */
  async revoke(id: number, now: number): Promise<number | undefined> {
    const row = await this.sql.get<{ operator_id: number }>(`UPDATE emergency_codes SET revoked_at = ? WHERE id = ? AND ${usable()} RETURNING operator_id`, [now, id, now]);
    return row && Number(row.operator_id);
  }

  /** Every usable code, the soonest to expire first. */
  async usable(now: number): Promise<EmergencyCodeRecord[]> {
    return (await this.sql.all<Row>(`${SELECT} WHERE ${usable('e.')} ORDER BY e.expires_at, e.id`, [now])).map(toRecord);
  }

  /** The store's unit of work (a call inside another transaction joins it). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  /** When her usable code expires, or null when she has none. */
  async usableUntil(operatorId: number, now: number): Promise<number | null> {
    const row = await this.sql.get<{ until: number | null }>(`SELECT max(expires_at) AS until FROM emergency_codes WHERE operator_id = ? AND ${usable()}`, [operatorId, now]);
    return row?.until == null ? null : Number(row.until);
  }
}

const SELECT = `SELECT e.id, e.operator_id, o.login AS operator_login, o.display_name AS operator_name, i.login AS issuer_login, e.issued_by, e.issued_at, e.expires_at
  FROM emergency_codes e JOIN operators o ON o.id = e.operator_id LEFT JOIN operators i ON i.id = e.issued_by`;

const toRecord = (row: Row): EmergencyCodeRecord => ({
  id: Number(row.id),
  operatorId: Number(row.operator_id),
  operatorLogin: row.operator_login,
  operatorName: row.operator_name,
  issuerLogin: row.issuer_login,
  issuedBy: Number(row.issued_by),
  issuedAt: Number(row.issued_at),
  expiresAt: Number(row.expires_at),
});
