import type { Migration } from './registry';

/**
 * The audit log's keyed MAC, and the gate's scan tallies.
 * `mac` stays NULL on existing rows: sealing them needs the vault's key, so core does it at start
 * (after checking their old SHA-256 chain), never here.
 * `gate_tally` holds the scan counts the audit log has not summarised yet, written in each scan's own
 * transaction, so a crash loses no count and a scan never waits on the audit chain.
 */
export const m005AuditMac: Migration = {
  version: 5,
  name: 'audit-mac',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN mac TEXT;

      CREATE TABLE gate_tally (
        event_id INTEGER NOT NULL,
        operator_id INTEGER NOT NULL,
        result TEXT NOT NULL,
        scans INTEGER NOT NULL CHECK (scans > 0),
        PRIMARY KEY (event_id, operator_id, result)
      ) STRICT;
    `);
  },
};
