import type { Migration } from './registry';

/**
 * One-time passwords: an admin-set password (new operator, password reset) must be changed at the
 * first sign-in and stops working after its expiry. NULL: the operator chose the password.
 */
export const m004OneTimePasswords: Migration = {
  version: 4,
  name: 'one-time-passwords',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN password_expires_at INTEGER;
      -- Only a one-time password expires.
      CREATE TRIGGER operators_expiry_needs_one_time_insert BEFORE INSERT ON operators
        WHEN NEW.password_expires_at IS NOT NULL AND NEW.must_change_password = 0
        BEGIN SELECT RAISE(ABORT, 'only a one-time password expires'); END;
      CREATE TRIGGER operators_expiry_needs_one_time_update BEFORE UPDATE OF password_expires_at, must_change_password ON operators
        WHEN NEW.password_expires_at IS NOT NULL AND NEW.must_change_password = 0
        BEGIN SELECT RAISE(ABORT, 'only a one-time password expires'); END;
    `);
  },
};
