import type { SqlRunner } from '../engine/types';
import type { Migration } from './registry';

/**
 * A valid scan writes fewer pages (issue 13: the gate near raw SQLite). Both engines:
 * - a ticket's first admission lives on its row (admitted_at, admitted_gate, admitted_generation),
 *   written under the same row lock as the decision, so deciding a scan is a primary-key read and the
 *   partial index scans_admitted, a random leaf written by every valid scan, goes;
 * - the gate screen's counts and the counts the audit log has not summarised yet are one row per
 *   event, gate, operator and result (one upsert per scan instead of two): `scans` never goes down,
 *   `unsummarised` is what the next `gate.scans` entry takes. gate_tally goes; its pending counts,
 *   which no gate can be told for, move to rows with gate '' and scans 0 (the screen's sums ignore them).
 */
const ADMISSION_COLUMNS = (time: string) => [
  `ALTER TABLE tickets ADD COLUMN admitted_at ${time}`,
  'ALTER TABLE tickets ADD COLUMN admitted_gate TEXT',
  'ALTER TABLE tickets ADD COLUMN admitted_generation INTEGER',
];

/** The first valid scan of each ticket (lowest id: decisions on a ticket were serialised), with its barcode's generation. */
const BACKFILL_ADMISSIONS = `UPDATE tickets SET admitted_at = f.at, admitted_gate = f.gate, admitted_generation = f.generation
  FROM (SELECT s.ticket_id, s.at, s.gate, b.generation FROM scans s JOIN barcodes b ON b.barcode = s.barcode
        WHERE s.id IN (SELECT min(v.id) FROM scans v WHERE v.result = 'valid' AND v.ticket_id IS NOT NULL GROUP BY v.ticket_id)) f
  WHERE tickets.id = f.ticket_id`;

const GATE_COUNTS = (time: string, strict: string) => `
  CREATE TABLE gate_counts (
    event_id ${time} NOT NULL REFERENCES events(id),
    gate TEXT NOT NULL,
    operator_id ${time} NOT NULL,
    result TEXT NOT NULL,
    scans ${time} NOT NULL CHECK (scans >= 0),
    unsummarised ${time} NOT NULL CHECK (unsummarised >= 0),
    PRIMARY KEY (event_id, gate, operator_id, result)
  )${strict}`;

const BACKFILL_COUNTS = [
  `INSERT INTO gate_counts (event_id, gate, operator_id, result, scans, unsummarised)
     SELECT event_id, gate, operator_id, result, count(*), 0 FROM scans GROUP BY event_id, gate, operator_id, result`,
  // Only events that exist (the foreign key); a tally of a deleted event had nothing left to summarise against.
  `INSERT INTO gate_counts (event_id, gate, operator_id, result, scans, unsummarised)
     SELECT g.event_id, '', g.operator_id, g.result, 0, g.scans FROM gate_tally g WHERE g.event_id IN (SELECT id FROM events)`,
  'DROP TABLE gate_tally',
  'DROP TABLE scan_counts',
  'DROP INDEX scans_admitted',
];

export const m013GateAdmissions: Migration = {
  version: 13,
  name: 'gate-admissions',
  up(db) {
    for (const statement of ADMISSION_COLUMNS('INTEGER')) db.exec(statement);
    db.exec(BACKFILL_ADMISSIONS);
    db.exec(GATE_COUNTS('INTEGER', ' STRICT'));
    for (const statement of BACKFILL_COUNTS) db.exec(statement);
  },
  async postgres(tx: SqlRunner) {
    for (const statement of ADMISSION_COLUMNS('BIGINT')) await tx.run(statement);
    await tx.run(BACKFILL_ADMISSIONS);
    await tx.run(GATE_COUNTS('BIGINT', ''));
    for (const statement of BACKFILL_COUNTS) await tx.run(statement);
  },
};
