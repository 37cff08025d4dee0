import type { Migration } from './registry';

/**
 * SQLite counts a scan without writing to gate_counts (issue 13: a valid scan writes two pages, the
 * scan's and its ticket's, as close to raw SQLite as the record allows). gate_counts holds the counts
 * of the scans up to `scan_id`; the scans after it are counted when the screen asks and folded into
 * gate_counts by the next summary, in its write transaction. Sound on SQLite only: its write
 * transactions are serialised, so when a fold reads max(id) every scan up to it has committed, and a
 * later scan gets a larger id (scans are never deleted, so rowids only grow).
 *
 * PostgreSQL keeps counting in the scan's own statement (one round trip either way): its ids are
 * taken before commit, so a smaller id can commit after a larger one and no watermark is safe.
 */
export const m014GateCountsWatermark: Migration = {
  version: 14,
  name: 'gate-counts-watermark',
  up(db) {
    db.exec(`
      CREATE TABLE gate_counts_folded (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        scan_id INTEGER NOT NULL CHECK (scan_id >= 0)
      ) STRICT;
      -- Every scan so far was counted by the upsert of migration 13's code.
      INSERT INTO gate_counts_folded (id, scan_id) SELECT 1, coalesce(max(id), 0) FROM scans;
    `);
  },
  async postgres() {
    // Nothing: see above. The table is SQLite's alone (SQLITE_ONLY_TABLES).
  },
};

/** Tables only an SQLite store has: a copy to PostgreSQL folds what they hold into the tables both have. */
export const SQLITE_ONLY_TABLES: readonly string[] = ['gate_counts_folded'];
