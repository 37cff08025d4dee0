/** SQL for operators and their roles. Services never write SQL of their own. */
import type { Role } from '../../../shared/roles';
import { isLocale, type Locale } from '../../../shared/i18n/locales';
import type { Sql } from './sql';

export interface OperatorRecord {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  passwordHash: string;
  passwordChangedAt: number;
  mustChangePassword: boolean;
  /** When a one-time password stops working (epoch ms); null for a password the operator chose. */
  passwordExpiresAt: number | null;
  disabled: boolean;
  createdAt: number;
  /** Moves when her sessions must end everywhere (disabled, roles changed, password reset). */
  sessionsEpoch: number;
  /** Her own language; null follows the institution's default. */
  language: Locale | null;
  /** Sign-ins with her own password left before a required enrollment is forced; null: no grace given. */
  mfaGraceLeft: number | null;
}

interface OperatorRow {
  id: number;
  login: string;
  display_name: string;
  password_hash: string;
  password_changed_at: number;
  must_change_password: number;
  password_expires_at: number | null;
  disabled: number;
  created_at: number;
  sessions_epoch: number;
  language: string | null;
  mfa_grace_left: number | null;
  roles: string | null;
}

/**
 * PostgreSQL only: the transaction lock every change to who holds which role, who is enabled, and the
 * first account takes before it counts. A count is a read, and two terminals' reads would both see
 * "two admins left" and each disable one; under this lock the second counts after the first commits.
 */
export const ROSTER_LOCK = 7_140_202_613;

export class OperatorsRepo {
  private readonly select: string;

  constructor(private readonly sql: Sql) {
    // The one place the engines differ: SQLite's group_concat is PostgreSQL's string_agg.
    const roles = sql.kind === 'postgres' ? "string_agg(role, ',')" : "group_concat(role, ',')";
    this.select = `SELECT o.*, (SELECT ${roles} FROM operator_roles r WHERE r.operator_id = o.id) AS roles FROM operators o`;
  }

  async count(): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM operators'))!.n;
  }

  /** Logins are case-insensitive: "Anna" finds "anna" on both engines. */
  async byLogin(login: string): Promise<OperatorRecord | undefined> {
    const row = await this.sql.get<OperatorRow>(`${this.select} WHERE lower(o.login) = lower(?)`, [login]);
    return row && toRecord(row);
  }

  async all(): Promise<OperatorRecord[]> {
    return (await this.sql.all<OperatorRow>(`${this.select} ORDER BY lower(o.display_name), o.display_name, o.login`)).map(toRecord);
  }

  async byId(id: number): Promise<OperatorRecord | undefined> {
    const row = await this.sql.get<OperatorRow>(`${this.select} WHERE o.id = ?`, [id]);
    return row && toRecord(row);
  }

  /**
   * Ends her sessions at every terminal of the store: each one compares a session's epoch with this at
   * the session's next call (dispatch), so a desk that did not make the change still ends them.
   */
  async bumpSessionsEpoch(id: number): Promise<void> {
    await this.sql.run('UPDATE operators SET sessions_epoch = sessions_epoch + 1 WHERE id = ?', [id]);
  }

  /** What a session must still match: the epoch it was opened at, and an enabled account. */
  async sessionStanding(id: number): Promise<{ epoch: number; disabled: boolean } | undefined> {
    const row = await this.sql.get<{ sessions_epoch: number; disabled: number }>('SELECT sessions_epoch, disabled FROM operators WHERE id = ?', [id]);
    return row && { epoch: Number(row.sessions_epoch), disabled: row.disabled === 1 };
  }

  async setLanguage(id: number, language: Locale | null): Promise<void> {
    await this.sql.run('UPDATE operators SET language = ? WHERE id = ?', [language, id]);
  }

  async setDisabled(id: number, disabled: boolean): Promise<void> {
    await this.sql.run('UPDATE operators SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id]);
  }

  /** Replaces the roles in one transaction (the caller's, when one is open). */
  async setRoles(id: number, roles: Role[]): Promise<void> {
    await this.sql.transaction(async () => {
      await this.sql.run('DELETE FROM operator_roles WHERE operator_id = ?', [id]);
      for (const role of new Set(roles)) await this.sql.run('INSERT INTO operator_roles (operator_id, role) VALUES (?, ?)', [id, role]);
    });
  }

  /**
   * Enabled accounts holding the role, for "never remove the last admin". Call it inside the transaction
   * of the change it guards: on PostgreSQL it first takes the roster lock, so two terminals' checks take
   * turns and the second counts what the first committed.
   */
  async enabledWithRole(role: Role): Promise<number> {
    await this.lockRoster();
    const row = await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM operators o JOIN operator_roles r ON r.operator_id = o.id WHERE r.role = ? AND o.disabled = 0', [role]);
    return row!.n;
  }

  /**
   * Sets a new password hash. `oneTimeUntil`: an admin-set password that must be changed at the
   * next sign-in and stops working then; null: the operator's own choice.
   */
  async setPassword(id: number, passwordHash: string, now: number, oneTimeUntil: number | null): Promise<void> {
    await this.sql.run('UPDATE operators SET password_hash = ?, password_changed_at = ?, must_change_password = ?, password_expires_at = ? WHERE id = ?', [
      passwordHash,
      now,
      oneTimeUntil === null ? 0 : 1,
      oneTimeUntil,
      id,
    ]);
  }

  /** Enrollment grace: sign-ins before a required enrollment is forced (0–10), or null for none. */
  async setMfaGrace(id: number, left: number | null): Promise<void> {
    await this.sql.run('UPDATE operators SET mfa_grace_left = ? WHERE id = ?', [left, id]);
  }

  /**
   * Uses one sign-in of her grace: a compare-and-set on `mfa_grace_left > 0`, so two terminals signing her
   * in at once cannot both use the last one. Returns how many are left after it, or null when none was left.
   */
  async useMfaGrace(id: number): Promise<number | null> {
    const row = await this.sql.get<{ left: number }>('UPDATE operators SET mfa_grace_left = mfa_grace_left - 1 WHERE id = ? AND mfa_grace_left > 0 RETURNING mfa_grace_left AS "left"', [id]);
    return row ? Number(row.left) : null;
  }

  /** The store's unit of work for services that change operators (a call inside another transaction joins it). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  /** `oneTimeUntil` as in setPassword: the first account chooses its own password, every other starts with a one-time one. */
  async insert(input: { login: string; displayName: string; roles: Role[]; passwordHash: string; oneTimeUntil: number | null; now: number }): Promise<number> {
    return this.sql.transaction(async () => {
      const row = await this.sql.get<{ id: number }>(
        `INSERT INTO operators (login, display_name, password_hash, password_changed_at, must_change_password, password_expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [input.login, input.displayName, input.passwordHash, input.now, input.oneTimeUntil === null ? 0 : 1, input.oneTimeUntil, input.now],
      );
      const id = row!.id;
      for (const role of new Set(input.roles)) await this.sql.run('INSERT INTO operator_roles (operator_id, role) VALUES (?, ?)', [id, role]);
      return id;
    });
  }

  /**
   * The first account, only while there is none: null when another screen or terminal was first. The
   * count and the insert hold the roster lock (PostgreSQL) or the write lock (SQLite) together.
   */
  async insertFirst(input: { login: string; displayName: string; roles: Role[]; passwordHash: string; now: number }): Promise<number | null> {
    return this.sql.transaction(async () => {
      await this.lockRoster();
      if ((await this.count()) > 0) return null;
      return this.insert({ ...input, oneTimeUntil: null });
    });
  }

  /** Held until the transaction ends; SQLite needs none (its write transactions run one at a time). */
  private async lockRoster(): Promise<void> {
    if (this.sql.kind === 'postgres') await this.sql.get('SELECT pg_advisory_xact_lock(?)', [ROSTER_LOCK]);
  }
}

const ROLE_ORDER: readonly Role[] = ['service', 'admin', 'operator', 'scanner', 'supervisor'];

const toRecord = (row: OperatorRow): OperatorRecord => ({
  id: row.id,
  login: row.login,
  displayName: row.display_name,
  roles: ROLE_ORDER.filter((role) => (row.roles ?? '').split(',').includes(role)),
  passwordHash: row.password_hash,
  passwordChangedAt: row.password_changed_at,
  mustChangePassword: row.must_change_password === 1,
  passwordExpiresAt: row.password_expires_at,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  sessionsEpoch: Number(row.sessions_epoch ?? 0),
  language: isLocale(row.language) ? row.language : null,
  mfaGraceLeft: row.mfa_grace_left === null || row.mfa_grace_left === undefined ? null : Number(row.mfa_grace_left),
});
