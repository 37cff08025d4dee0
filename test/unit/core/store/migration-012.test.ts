import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

describe('migration 12 (text-message code purposes)', () => {
  it('keeps the codes there, takes step-up and approval codes, and still refuses any other purpose', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 11));
    db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at) VALUES ('anna', 'A', 'h', 0, 0)").run();
    db.prepare("INSERT INTO mfa_sms_challenges (id, operator_id, purpose, code_hash, expires_at, used_at, created_at) VALUES ('c1', 1, 'sign-in', 'h', 10, 5, 1)").run();
    migrate(db, MIGRATIONS.slice(0, 12));
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT id, operator_id, purpose, code_hash, expires_at, used_at, created_at FROM mfa_sms_challenges').all()).toEqual([
      { id: 'c1', operator_id: 1, purpose: 'sign-in', code_hash: 'h', expires_at: 10, used_at: 5, created_at: 1 },
    ]);
    const insert = db.prepare("INSERT INTO mfa_sms_challenges (id, operator_id, purpose, code_hash, expires_at, created_at) VALUES (?, 1, ?, 'h', 0, 0)");
    insert.run('c2', 'step-up');
    insert.run('c3', 'approve');
    expect(() => insert.run('c4', 'other')).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mfa_sms_challenges' AND name NOT LIKE 'sqlite_%'").all()).toEqual([{ name: 'mfa_sms_challenges_operator' }]);
    // Her codes still go with her account.
    db.prepare('DELETE FROM operators WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM mfa_sms_challenges').get()).toEqual({ n: 0 });
    db.close();
  });
});
