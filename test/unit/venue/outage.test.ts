/**
 * The venue database stopped and started under a running terminal (issue "One store, two engines",
 * item 6): a clear answer within 5 s, nothing half-written, and the terminal reconnects by itself.
 * This test runs its own PostgreSQL server, so stopping it touches no other test.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolConfig } from '../../../electron/core/store/engine/postgres-config';
import { makeSetUpCore } from '../../helpers/core';
import { ONE_TIME_PASSWORD } from '../../helpers/mfa';
import { startPostgres, type PostgresServer } from '../../helpers/postgres-server';

let server: PostgresServer;
beforeAll(() => {
  server = startPostgres();
});
afterAll(() => server.stop());

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client(poolConfig(server.url('postgres')));
  await admin.connect();
  await admin.query('CREATE DATABASE outage');
  await admin.end();
  return server.url('outage');
}

describe('the venue database goes away and comes back', () => {
  it('answers STORE_UNREACHABLE within 5 s, writes nothing half-way, and works again once the server is back', async () => {
    const t = await makeSetUpCore({ databaseUrl: await freshDatabase() });
    expect((await t.must('app.info', {})).store).toEqual({ engine: 'postgres', location: expect.not.stringContaining(server.password) });
    server.pause();
    try {
      for (const attempt of [
        () => t.call('operators.list', {}),
        () => t.call('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD }),
      ]) {
        const started = Date.now();
        const answer = await attempt();
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(answer).toMatchObject({ ok: false, error: { code: 'STORE_UNREACHABLE', message: expect.stringMatching(/cannot be reached.*Try again/) } });
      }
    } finally {
      server.resume();
    }
    // Back: the same core answers again without a restart, and the refused change left nothing behind.
    const operators = await t.must('operators.list', {});
    expect(operators.map((o) => o.login)).toEqual(['anna']);
    expect((await t.must('audit.list', { kind: 'operators.created' })).total).toBe(0);
    expect((await t.must('audit.verify', {})).firstBrokenId).toBeNull();
    await t.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD });
  });
});
