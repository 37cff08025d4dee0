import type { SqlRunner } from '../engine/types';
import type { Migration } from './registry';

/**
 * Languages: an operator's own (null follows the institution's default, a setting) and an order's customer's,
 * which her print@home tickets and text messages are written in (null: the institution's default).
 * The values are checked in core (shared/i18n/locales.ts); the store keeps whatever core wrote.
 */
export const m010Languages: Migration = {
  version: 10,
  name: 'languages',
  up(db) {
    db.exec('ALTER TABLE operators ADD COLUMN language TEXT');
    db.exec('ALTER TABLE orders ADD COLUMN language TEXT');
  },
  async postgres(tx: SqlRunner) {
    await tx.run('ALTER TABLE operators ADD COLUMN language TEXT');
    await tx.run('ALTER TABLE orders ADD COLUMN language TEXT');
  },
};
