import type { Migration } from './registry';
import { createVenueObjects } from './venue-postgres';

/**
 * Venue mode. Both engines: a sessions epoch per operator — disabling her, changing her roles or
 * resetting her password moves it, and every terminal ends her sessions at their next call — and the
 * gate's counts per event, gate and result, kept as each scan is recorded (a gate screen reads one row
 * per result instead of counting a million scans). PostgreSQL: the venue's roles, functions,
 * terminals and change log (venue-postgres.ts).
 */
const SCAN_COUNTS = (time: string) => `
  CREATE TABLE scan_counts (
    event_id ${time} NOT NULL REFERENCES events(id),
    gate TEXT NOT NULL,
    result TEXT NOT NULL,
    scans ${time} NOT NULL,
    PRIMARY KEY (event_id, gate, result)
  )`;
const BACKFILL = 'INSERT INTO scan_counts (event_id, gate, result, scans) SELECT event_id, gate, result, count(*) FROM scans GROUP BY event_id, gate, result';

export const m008Venue: Migration = {
  version: 8,
  name: 'venue',
  up(db) {
    db.exec('ALTER TABLE operators ADD COLUMN sessions_epoch INTEGER NOT NULL DEFAULT 0');
    db.exec(`${SCAN_COUNTS('INTEGER')} STRICT`);
    db.exec(BACKFILL);
  },
  async postgres(tx) {
    await tx.run('ALTER TABLE operators ADD COLUMN sessions_epoch INTEGER NOT NULL DEFAULT 0');
    await tx.run(SCAN_COUNTS('BIGINT'));
    await tx.run(BACKFILL);
    // Last: its grants cover every table made before it.
    await createVenueObjects(tx);
  },
};
