import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

describe('migration 13 (first admission on the ticket, one count row per scan key)', () => {
  it('keeps each ticket\'s first admission, every count, and the counts the audit log had not summarised yet', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 12));
    db.exec(`
      INSERT INTO operators (id, login, display_name, password_hash, password_changed_at, created_at) VALUES (7, 'gina', 'G', 'h', 0, 0);
      INSERT INTO events (id, name, venue, starts_at) VALUES (1, 'Show', 'Hall', 0);
      INSERT INTO orders (id, number, customer_name, customer_email, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES (1, 'B-1', 'C', 'c@x', 1, 1, 'mobile', 1, 0);
      INSERT INTO tickets (id, order_id, position, event_id, seat, price_minor, barcode, generation) VALUES (1, 1, 1, 1, 'A1', 100, 'NEW1', 2), (2, 1, 2, 1, 'A2', 100, 'T2', 1);
      INSERT INTO barcodes (barcode, ticket_id, generation, created_at, revoked_at) VALUES ('OLD1', 1, 1, 0, 50), ('NEW1', 1, 2, 50, NULL), ('T2', 2, 1, 0, NULL);
      -- Ticket 1 got in under its original barcode at gate North, then its duplicate was refused; ticket 2 never got in.
      INSERT INTO scans (id, barcode, ticket_id, event_id, at, gate, operator_id, result) VALUES
        (1, 'OLD1', 1, 1, 10, 'North', 7, 'valid'), (2, 'NEW1', 1, 1, 60, 'South', 7, 'alreadyScanned'), (3, 'XX', NULL, 1, 70, 'South', 7, 'unknown');
      INSERT INTO scan_counts (event_id, gate, result, scans) VALUES (1, 'North', 'valid', 1), (1, 'South', 'alreadyScanned', 1), (1, 'South', 'unknown', 1);
      -- The last two scans were not summarised yet.
      INSERT INTO gate_tally (event_id, operator_id, result, scans) VALUES (1, 7, 'alreadyScanned', 1), (1, 7, 'unknown', 1);
    `);
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT id, admitted_at, admitted_gate, admitted_generation FROM tickets ORDER BY id').all()).toEqual([
      { id: 1, admitted_at: 10, admitted_gate: 'North', admitted_generation: 1 },
      { id: 2, admitted_at: null, admitted_gate: null, admitted_generation: null },
    ]);
    expect(db.prepare('SELECT gate, operator_id, result, scans, unsummarised FROM gate_counts ORDER BY gate, result').all()).toEqual([
      { gate: '', operator_id: 7, result: 'alreadyScanned', scans: 0, unsummarised: 1 },
      { gate: '', operator_id: 7, result: 'unknown', scans: 0, unsummarised: 1 },
      { gate: 'North', operator_id: 7, result: 'valid', scans: 1, unsummarised: 0 },
      { gate: 'South', operator_id: 7, result: 'alreadyScanned', scans: 1, unsummarised: 0 },
      { gate: 'South', operator_id: 7, result: 'unknown', scans: 1, unsummarised: 0 },
    ]);
    const gone = db.prepare("SELECT name FROM sqlite_master WHERE name IN ('gate_tally', 'scan_counts', 'scans_admitted')").all();
    expect(gone).toEqual([]);
    db.close();
  });
});
