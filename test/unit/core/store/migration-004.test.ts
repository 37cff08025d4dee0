import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

describe('migration 4 (one-time passwords)', () => {
  it('keeps operators, with no expiry, and lets only a one-time password expire', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at) VALUES ('anna', 'A', 'h', 0, 0)").run();
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT login, must_change_password, password_expires_at FROM operators').get()).toEqual({ login: 'anna', must_change_password: 0, password_expires_at: null });
    expect(() => db.prepare('UPDATE operators SET password_expires_at = 5').run()).toThrow(/only a one-time password expires/);
    expect(() => db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at, password_expires_at) VALUES ('b', 'B', 'h', 0, 0, 9)").run()).toThrow(/only a one-time password expires/);
    db.prepare('UPDATE operators SET must_change_password = 1, password_expires_at = 5').run();
    expect(() => db.prepare('UPDATE operators SET must_change_password = 0').run()).toThrow(/only a one-time password expires/);
    db.close();
  });
});
