import type { Migration } from './registry';

/**
 * Text-message codes get two purposes beside sign-in and enrollment: "step-up" (the acting operator
 * proves herself again before a sensitive action) and "approve" (a supervisor approves that action at
 * the same terminal). A code is looked up by its purpose, so a code texted for one can never pass for
 * another, and a new one supersedes only the earlier codes of its own purpose.
 */
const PURPOSES = "purpose IN ('sign-in', 'enroll', 'step-up', 'approve')";

export const m012SmsPurposes: Migration = {
  version: 12,
  name: 'sms-purposes',
  up(db) {
    // SQLite cannot alter a CHECK: the table is rebuilt (nothing references it).
    db.exec(`
      CREATE TABLE mfa_sms_challenges_012 (
        id TEXT PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (${PURPOSES}),
        code_hash TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO mfa_sms_challenges_012 (id, operator_id, purpose, code_hash, expires_at, used_at, created_at)
        SELECT id, operator_id, purpose, code_hash, expires_at, used_at, created_at FROM mfa_sms_challenges;
      DROP TABLE mfa_sms_challenges;
      ALTER TABLE mfa_sms_challenges_012 RENAME TO mfa_sms_challenges;
      CREATE INDEX mfa_sms_challenges_operator ON mfa_sms_challenges(operator_id, created_at);
    `);
  },
  async postgres(tx) {
    await tx.run('ALTER TABLE mfa_sms_challenges DROP CONSTRAINT mfa_sms_challenges_purpose_check');
    await tx.run(`ALTER TABLE mfa_sms_challenges ADD CONSTRAINT mfa_sms_challenges_purpose_check CHECK (${PURPOSES})`);
  },
};
