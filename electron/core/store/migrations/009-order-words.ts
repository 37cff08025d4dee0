import { nameWords } from '../../delivery/search-words';
import type { SqlRunner } from '../engine/types';
import type { Migration } from './registry';

/**
 * The words of each customer's name, folded (delivery/search-words.ts), for search by any word, with
 * or without accents. Byte order (C collation on PostgreSQL) so a prefix is a plain index range.
 * Existing orders get their words here.
 */
const BATCH = 1_000;

export const m009OrderWords: Migration = {
  version: 9,
  name: 'order-words',
  up(db) {
    db.exec('CREATE TABLE order_words (word TEXT NOT NULL, order_id INTEGER NOT NULL REFERENCES orders(id), PRIMARY KEY (word, order_id)) WITHOUT ROWID, STRICT');
    db.exec('CREATE INDEX order_words_order ON order_words (order_id, word)');
    const insert = db.prepare('INSERT OR IGNORE INTO order_words (word, order_id) VALUES (?, ?)');
    // In batches: better-sqlite3 writes nothing while a read is still iterating on the connection.
    const next = db.prepare('SELECT id, customer_name FROM orders WHERE id > ? ORDER BY id LIMIT ?');
    for (let after = 0; ; ) {
      const rows = next.all(after, BATCH) as { id: number; customer_name: string }[];
      if (rows.length === 0) break;
      for (const row of rows) for (const word of nameWords(row.customer_name)) insert.run(word, row.id);
      after = rows.at(-1)!.id;
    }
  },
  async postgres(tx: SqlRunner) {
    await tx.run('CREATE TABLE order_words (word TEXT COLLATE "C" NOT NULL, order_id BIGINT NOT NULL REFERENCES orders(id), PRIMARY KEY (word, order_id))');
    await tx.run('CREATE INDEX order_words_order ON order_words (order_id, word)');
    for (let after = 0; ; ) {
      const rows = await tx.all<{ id: number; customer_name: string }>('SELECT id, customer_name FROM orders WHERE id > ? ORDER BY id LIMIT ?', [after, BATCH]);
      if (rows.length === 0) break;
      const pairs = rows.flatMap((r) => nameWords(r.customer_name).map((w) => [w, r.id] as const));
      if (pairs.length) await tx.run(`INSERT INTO order_words (word, order_id) VALUES ${pairs.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`, pairs.flat());
      after = rows.at(-1)!.id;
    }
  },
};
