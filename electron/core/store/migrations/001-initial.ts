import type { Migration } from './registry';

/** Operators, their roles, sign-in throttling, the hash-chained audit log and settings. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        password_changed_at INTEGER NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE operator_roles (
        operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('service', 'admin', 'operator', 'scanner')),
        PRIMARY KEY (operator_id, role)
      ) STRICT;

      -- Keyed by the login name as typed (lower-cased), so unknown names are throttled too.
      CREATE TABLE login_throttle (
        login TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL
      ) STRICT;

      -- Each row carries the SHA-256 of the previous one, so an edit or a deletion is detectable.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        actor_id INTEGER,
        actor_login TEXT,
        subject TEXT,
        terminal TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_kind ON audit_log(kind, at);
      CREATE INDEX audit_log_actor ON audit_log(actor_id, at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
