import type { Migration } from './registry';

/**
 * Two-factor authentication. Secrets are sealed by the vault (seed, phone) or kept only as keyed
 * hashes (SMS codes, recovery codes, device tokens); nothing here can be used if the file is copied.
 */
export const m002TwoFactor: Migration = {
  version: 2,
  name: 'two-factor',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN mfa_required INTEGER NOT NULL DEFAULT 0 CHECK (mfa_required IN (0, 1));

      -- One authenticator per operator; several devices may scan the same QR code.
      CREATE TABLE mfa_totp (
        operator_id INTEGER PRIMARY KEY REFERENCES operators(id) ON DELETE CASCADE,
        seed_sealed TEXT NOT NULL,
        confirmed_at INTEGER,
        -- The last accepted time step: a step is never accepted twice.
        last_step INTEGER NOT NULL DEFAULT -1,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE mfa_phone (
        operator_id INTEGER PRIMARY KEY REFERENCES operators(id) ON DELETE CASCADE,
        phone_sealed TEXT NOT NULL,
        -- Masked for screens and logs, e.g. "+44 •••• ••12 34".
        phone_hint TEXT NOT NULL,
        confirmed_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE mfa_sms_challenges (
        id TEXT PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('sign-in', 'enroll')),
        code_hash TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX mfa_sms_challenges_operator ON mfa_sms_challenges(operator_id, created_at);

      CREATE TABLE mfa_sms_sends (
        operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX mfa_sms_sends_operator ON mfa_sms_sends(operator_id, at);

      CREATE TABLE mfa_recovery_codes (
        id INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (operator_id, code_hash)
      ) STRICT;

      -- Wrong second-factor codes per operator; kept across restarts.
      CREATE TABLE mfa_failures (
        operator_id INTEGER PRIMARY KEY REFERENCES operators(id) ON DELETE CASCADE,
        failures INTEGER NOT NULL,
        locked_until INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE trusted_devices (
        id INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        terminal TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      ) STRICT;
      CREATE INDEX trusted_devices_operator ON trusted_devices(operator_id);
    `);
  },
};
