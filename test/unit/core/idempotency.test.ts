/** A retry after a lost answer returns the first answer and acts once (issue "One store, two engines", item 4). */
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { makeCore, makeSetUpCore } from '../../helpers/core';
import { enrollTotp, ONE_TIME_PASSWORD, STRONG_PASSWORD, storeText } from '../../helpers/mfa';

const KEY = 'retry-after-lost-answer-0001';

describe('request keys', () => {
  it('answers a repeated call with its first answer and acts once', async () => {
    const t = await makeSetUpCore();
    const create = () => t.core.dispatch('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD }, { seat: 'seat-1', idempotencyKey: KEY }) as Promise<Result<{ id: number }>>;
    const first = await create();
    const again = await create();
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    const operators = await t.must('operators.list', {});
    expect(operators.filter((o) => o.login === 'olga')).toHaveLength(1);
    expect((await t.must('audit.list', { kind: 'operators.created' })).total).toBe(1);
    // Without a key, the same call is a new call: the login is taken now.
    expect(await t.call('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a key reused for another request, and a malformed key', async () => {
    const t = await makeSetUpCore();
    await t.core.dispatch('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD }, { seat: 'seat-1', idempotencyKey: KEY });
    expect(await t.core.dispatch('operators.list', {}, { seat: 'seat-1', idempotencyKey: KEY })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'idempotencyKey' } });
    expect(await t.core.dispatch('operators.list', {}, { seat: 'seat-1', idempotencyKey: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'idempotencyKey' } });
  });

  it('acts once when two terminals send the same key at the same moment', async () => {
    const a = await makeSetUpCore();
    const b = await makeCore({ dataDir: a.dataDir, ...(a.databaseUrl ? { databaseUrl: a.databaseUrl } : {}), clock: a.clock });
    await b.must('auth.signIn', { login: 'anna', password: 'Tickets&Seats-2026' }, 'seat-b');
    const input = { login: 'olga', displayName: 'Olga', roles: ['operator' as const], password: ONE_TIME_PASSWORD };
    const [fromA, fromB] = await Promise.all([
      a.core.dispatch('operators.create', input, { seat: 'seat-1', idempotencyKey: KEY }),
      b.core.dispatch('operators.create', input, { seat: 'seat-b', idempotencyKey: KEY }),
    ]);
    expect(fromA).toEqual(fromB);
    expect(fromA.ok).toBe(true);
    expect((await a.must('operators.list', {})).filter((o) => o.login === 'olga')).toHaveLength(1);
  });

  it('never keeps an answer that holds a secret: new recovery codes, a new authenticator key', async () => {
    const t = await makeSetUpCore();
    await enrollTotp(t, 'seat-1');
    /** A call with a request key, as a client retrying after a lost answer would send it. */
    const keyed = async <C extends 'mfa.regenerateRecoveryCodes' | 'mfa.startTotp'>(channel: C, key: string): Promise<ChannelOutput<C>> => {
      const r = (await t.core.dispatch(channel, { password: STRONG_PASSWORD }, { seat: 'seat-1', idempotencyKey: key })) as Result<ChannelOutput<C>>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
      return r.value;
    };
    const first = await keyed('mfa.regenerateRecoveryCodes', 'regenerate-recovery-codes-01');
    const again = await keyed('mfa.regenerateRecoveryCodes', 'regenerate-recovery-codes-01');
    // A retry with the same key acts anew (the first codes were never stored to be replayed): new codes.
    expect(again.codes).not.toEqual(first.codes);
    const enrolling = await keyed('mfa.startTotp', 'start-authenticator-key-01');
    const stored = await storeText(t);
    for (const code of [...first.codes, ...again.codes]) expect(stored).not.toContain(code);
    expect(stored.replace(/\s/g, '')).not.toContain(enrolling.manualKey.replace(/\s/g, ''));
    expect(await t.core.internals.sql.all('SELECT key FROM idempotency_keys')).toEqual([]);
  });
});
