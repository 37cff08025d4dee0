import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

describe('migration 14 (SQLite counts scans after a watermark)', () => {
  it('puts the watermark after every scan already counted, so none is counted twice', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 13));
    db.exec(`
      INSERT INTO operators (id, login, display_name, password_hash, password_changed_at, created_at) VALUES (7, 'gina', 'G', 'h', 0, 0);
      INSERT INTO events (id, name, venue, starts_at) VALUES (1, 'Show', 'Hall', 0);
      INSERT INTO scans (id, barcode, ticket_id, event_id, at, gate, operator_id, result) VALUES
        (1, 'A', NULL, 1, 10, 'North', 7, 'unknown'), (2, 'B', NULL, 1, 20, 'North', 7, 'unknown');
      -- Migration 13's code counted each scan as it was recorded; the second is not summarised yet.
      INSERT INTO gate_counts (event_id, gate, operator_id, result, scans, unsummarised) VALUES (1, 'North', 7, 'unknown', 2, 1);
    `);
    migrate(db, MIGRATIONS.slice(0, 14));
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare('SELECT id, scan_id FROM gate_counts_folded').all()).toEqual([{ id: 1, scan_id: 2 }]);
    expect(db.prepare('SELECT count(*) AS n FROM scans WHERE id > (SELECT scan_id FROM gate_counts_folded)').get()).toEqual({ n: 0 });
    // One row only, never below zero.
    expect(() => db.exec('INSERT INTO gate_counts_folded (id, scan_id) VALUES (2, 0)')).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE gate_counts_folded SET scan_id = -1')).toThrow(/CHECK/);
    db.close();
  });

  it('on an empty store starts at zero', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 14));
    expect(db.prepare('SELECT scan_id FROM gate_counts_folded').all()).toEqual([{ scan_id: 0 }]);
    db.close();
  });
});
