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

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  insert(input: { login: string; displayName: string; roles: Role[]; passwordHash: string; mustChangePassword: boolean; now: number }): number {
    const create = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO operators (login, display_name, password_hash, password_changed_at, must_change_password, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(input.login, input.displayName, input.passwordHash, input.now, input.mustChangePassword ? 1 : 0, input.now);
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
  disabled: row.disabled === 1,
  createdAt: row.created_at,
});
