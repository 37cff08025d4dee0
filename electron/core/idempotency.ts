/**
 * Request keys ("Idempotency-Key"): a retry after a lost answer returns the first answer and acts once.
 * The key is reserved in its own short transaction before the call runs (a second terminal sending the
 * same key at the same moment finds it reserved and waits for the first answer), the call runs exactly
 * as without a key (its own transactions, its own failures — a refused password still counts), and its
 * answer is stored on the key. Only a terminal that dies between the call and storing its answer leaves
 * a key without one: a retry then hears that the change may have happened, and never repeats it.
 */
import { text } from '../../shared/i18n/translator';
import { fail, type Result } from '../../shared/result';
import type { Sql } from './store/sql';

/** Long enough to be unguessable and unique per call; short and plain enough for a header. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
/** A retry comes within minutes; a day covers a terminal that was off overnight. */
export const KEEP_KEYS_MS = 24 * 3_600_000;
/** How long a repeat waits for the first call's answer before saying it is still being handled. */
const WAIT_FOR_FIRST_MS = 10_000;
const PENDING = '';

export class IdempotencyKeys {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async once(key: string, operatorId: number, channel: string, act: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    if (!IDEMPOTENCY_KEY.test(key)) return fail('VALIDATION', text('coreData.request.keyFormat'), { field: 'idempotencyKey' });
    const reserved = await this.sql.run('INSERT INTO idempotency_keys (key, operator_id, channel, answer, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING', [key, operatorId, channel, PENDING, this.now()]);
    if (reserved.changes === 0) return this.firstAnswer(key, operatorId, channel);
    let result: Result<unknown>;
    try {
      result = await act();
    } catch (error) {
      // Nothing was committed by a call that threw (each change is one transaction): the key is free again.
      await this.sql.run('DELETE FROM idempotency_keys WHERE key = ? AND answer = ?', [key, PENDING]).catch(() => undefined);
      throw error;
    }
    await this.sql.run('UPDATE idempotency_keys SET answer = ? WHERE key = ?', [JSON.stringify(result), key]);
    return result;
  }

  /** Keys older than a day go; called at start, not on every request. */
  async forgetOld(): Promise<void> {
    await this.sql.run('DELETE FROM idempotency_keys WHERE created_at < ?', [this.now() - KEEP_KEYS_MS]);
  }

  private async firstAnswer(key: string, operatorId: number, channel: string): Promise<Result<unknown>> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const row = await this.sql.get<{ operator_id: number; channel: string; answer: string }>('SELECT operator_id, channel, answer FROM idempotency_keys WHERE key = ?', [key]);
      if (!row) return fail('CONFLICT', text('coreData.request.failedBefore'));
      // A key is one call of one operator: reusing it for something else is a client bug, never someone else's answer.
      if (row.operator_id !== operatorId || row.channel !== channel) return fail('VALIDATION', text('coreData.request.keyReused'), { field: 'idempotencyKey' });
      if (row.answer !== PENDING) return JSON.parse(row.answer) as Result<unknown>;
      if (Date.now() > deadline) return fail('CONFLICT', text('coreData.request.pending'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
