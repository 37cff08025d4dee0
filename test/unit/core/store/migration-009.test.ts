import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

describe('migration 9 (order words)', () => {
  it('gives the orders already there the folded words of their customer\'s name', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 8));
    const insert = db.prepare("INSERT INTO orders (number, customer_name, customer_email, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES (?, ?, 'x@example.com', 1, 1, 'mobile', 1, 0)");
    insert.run('A-1', 'Anna Müller');
    insert.run('A-2', "Seán O'Brien-Ødegård");
    migrate(db, MIGRATIONS.slice(0, 9));
    expect(db.prepare('SELECT o.number, w.word FROM order_words w JOIN orders o ON o.id = w.order_id ORDER BY o.number, w.word').all()).toEqual([
      { number: 'A-1', word: 'anna' },
      { number: 'A-1', word: 'muller' },
      { number: 'A-2', word: 'brien' },
      { number: 'A-2', word: 'o' },
      { number: 'A-2', word: 'odegard' },
      { number: 'A-2', word: 'sean' },
    ]);
    db.close();
  });
});
