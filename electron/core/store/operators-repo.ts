/** SQL for operators and their roles. Services never write SQL of their own. */
import type { Role } from '../../../shared/roles';
import type { Db } from './database';

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
  roles: string | null;
}

const SELECT = `SELECT o.*, (SELECT group_concat(role, ',') FROM operator_roles r WHERE r.operator_id = o.id) AS roles FROM operators o`;

export class OperatorsRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  }

  byLogin(login: string): OperatorRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE o.login = ?`).get(login) as OperatorRow | undefined;
    return row && toRecord(row);
  }

  all(): OperatorRecord[] {
    return (this.db.prepare(`${SELECT} ORDER BY o.display_name COLLATE NOCASE, o.login`).all() as OperatorRow[]).map(toRecord);
  }

  byId(id: number): OperatorRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OperatorRow | undefined;
    return row && toRecord(row);
  }

  setDisabled(id: number, disabled: boolean): void {
    this.db.prepare('UPDATE operators SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
  }

  setRoles(id: number, roles: Role[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM operator_roles WHERE operator_id = ?').run(id);
      const add = this.db.prepare('INSERT INTO operator_roles (operator_id, role) VALUES (?, ?)');
      for (const role of new Set(roles)) add.run(id, role);
    })();
  }

  /** Enabled accounts holding the role, for "never remove the last admin". */
  enabledWithRole(role: Role): number {
    return (this.db.prepare('SELECT count(*) AS n FROM operators o JOIN operator_roles r ON r.operator_id = o.id WHERE r.role = ? AND o.disabled = 0').get(role) as { n: number }).n;
  }

  /**
   * Sets a new password hash. `oneTimeUntil`: an admin-set password that must be changed at the
   * next sign-in and stops working then; null: the operator's own choice.
   */
  setPassword(id: number, passwordHash: string, now: number, oneTimeUntil: number | null): void {
    this.db
      .prepare('UPDATE operators SET password_hash = ?, password_changed_at = ?, must_change_password = ?, password_expires_at = ? WHERE id = ?')
      .run(passwordHash, now, oneTimeUntil === null ? 0 : 1, oneTimeUntil, id);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** `oneTimeUntil` as in setPassword: the first account chooses its own password, every other starts with a one-time one. */
  insert(input: { login: string; displayName: string; roles: Role[]; passwordHash: string; oneTimeUntil: number | null; now: number }): number {
    const create = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO operators (login, display_name, password_hash, password_changed_at, must_change_password, password_expires_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.login, input.displayName, input.passwordHash, input.now, input.oneTimeUntil === null ? 0 : 1, input.oneTimeUntil, input.now);
      const id = Number(lastInsertRowid);
      const addRole = this.db.prepare('INSERT INTO operator_roles (operator_id, role) VALUES (?, ?)');
      for (const role of new Set(input.roles)) addRole.run(id, role);
      return id;
    });
    return create.immediate();
  }
}

const ROLE_ORDER: readonly Role[] = ['service', 'admin', 'operator', 'scanner'];

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
});
