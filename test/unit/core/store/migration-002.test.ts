import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

describe('migration 2 (two-factor)', () => {
  it('keeps existing operators, not required by default, and adds the factor tables with cascading deletes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at) VALUES ('anna', 'A', 'h', 0, 0)").run();
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT login, mfa_required FROM operators').get()).toEqual({ login: 'anna', mfa_required: 0 });
    db.prepare("INSERT INTO mfa_totp (operator_id, seed_sealed, created_at) VALUES (1, 'v1.x.y.z', 0)").run();
    db.prepare("INSERT INTO trusted_devices (operator_id, token_hash, label, terminal, created_at, expires_at) VALUES (1, 'h', 'l', 't', 0, 1)").run();
    expect(() => db.prepare("INSERT INTO trusted_devices (operator_id, token_hash, label, terminal, created_at, expires_at) VALUES (1, 'h', 'l', 't', 0, 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO mfa_sms_challenges (id, operator_id, purpose, code_hash, expires_at, created_at) VALUES ('c', 1, 'other', 'h', 0, 0)").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM operators WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM mfa_totp) + (SELECT count(*) FROM trusted_devices) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});
