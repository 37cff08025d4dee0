import type { Migration } from './registry';

/**
 * Request keys: a call that carries one is answered from here when it comes again (a retry after a
 * lost answer), so it acts once. The answer is kept with the operator and channel it belongs to.
 */
const TABLE = (time: string) => `
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    operator_id ${time} NOT NULL,
    channel TEXT NOT NULL,
    answer TEXT NOT NULL,
    created_at ${time} NOT NULL
  )`;

export const m007IdempotencyKeys: Migration = {
  version: 7,
  name: 'idempotency-keys',
  up(db) {
    db.exec(`${TABLE('INTEGER')} STRICT; CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);`);
  },
  async postgres(tx) {
    await tx.run(TABLE('BIGINT'));
    await tx.run('CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at)');
  },
};
