import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

describe('migration 3 (delivery)', () => {
  it('keeps operators and two-factor data, and enforces the delivery rules in the schema', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at, mfa_required) VALUES ('anna', 'A', 'h', 0, 0, 1)").run();
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT login, mfa_required FROM operators').get()).toEqual({ login: 'anna', mfa_required: 1 });
    db.prepare("INSERT INTO events (name, venue, starts_at) VALUES ('E', 'V', 0)").run();
    db.prepare("INSERT INTO orders (number, customer_name, customer_email, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES ('N-1', 'C', 'c@x', 1, 1, 'mobile', 1, 0)").run();
    expect(() => db.prepare("INSERT INTO orders (number, customer_name, customer_email, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES ('n-1', 'C', 'c@x', 1, 1, 'mobile', 1, 0)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO orders (number, customer_name, customer_email, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES ('N-2', 'C', 'c@x', 0, 0, 'mobile', 1, 0)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO tickets (order_id, position, event_id, seat, price_minor, barcode) VALUES (1, 1, 1, 'A1', 100, 'B1')").run();
    // A delivery state without its issue time (or the reverse) is refused by the schema itself.
    expect(() => db.prepare("UPDATE tickets SET delivery = 'mobile' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE tickets SET delivery = 'both', issued_at = 1 WHERE id = 1").run()).toThrow(/CHECK/);
    db.close();
  });
});
