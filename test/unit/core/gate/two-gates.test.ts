import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCore, makeSetUpCore, STRONG_PASSWORD, TEST_ENGINE } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { auditInvariants } from '../../../helpers/delivery-invariants';

// Its own bundle of the worker (per engine's project): other files build theirs at the same time.
const WORKER = path.resolve(`node_modules/.cache/box-office-tests/gate-worker-${TEST_ENGINE}.cjs`);

beforeAll(async () => {
  fs.mkdirSync(path.dirname(WORKER), { recursive: true });
  await build({ entryPoints: ['test/helpers/delivery-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: WORKER, external: ['better-sqlite3', 'keytar', 'pg-native'], logLevel: 'warning' });
});

function gateProcess(location: string, first: number, last: number, startAt: number): Promise<{ id: number; won: boolean }[]> {
  const child = spawn(process.execPath, [WORKER, location, 'gate', String(first), String(last), String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  // The worker's own error goes into the failure: a run in CI shows why, not only that it failed.
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').map((l) => JSON.parse(l) as { id: number; won: boolean })) : reject(new Error(`gate worker exited ${code}: ${err.trim()}`)))),
  );
}

describe('two gates on one store admit each ticket once', () => {
  it('two gate processes scanning the same tickets at the same moment: exactly one admission per ticket', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 60 });
    const location = t.databaseUrl ?? t.dataDir;
    const first = order.tickets[0]!.id;
    const last = order.tickets.at(-1)!.id;
    const startAt = Date.now() + 1_500;
    const [a, b] = await Promise.all([gateProcess(location, first, last, startAt), gateProcess(location, first, last, startAt)]);
    expect(a).toHaveLength(60);
    expect(b).toHaveLength(60);
    for (let i = 0; i < 60; i++) expect([a[i]!.won, b[i]!.won].filter(Boolean), `ticket ${a[i]!.id}`).toHaveLength(1);
    const sql = t.core.internals.sql;
    const admitted = await sql.all<{ ticket_id: number; n: number }>("SELECT ticket_id, count(*) AS n FROM scans WHERE result = 'valid' GROUP BY ticket_id");
    expect(admitted).toHaveLength(60);
    expect(admitted.every((r) => Number(r.n) === 1)).toBe(true);
    // Four scans a ticket (each gate scans it twice): one valid, three already scanned.
    expect(await sql.get('SELECT count(*) AS n FROM scans WHERE result = ?', ['alreadyScanned'])).toEqual({ n: 180 });
    await auditInvariants(sql);
  }, 60_000);

  // Two cores in one process: on PostgreSQL two terminals, each with its own connections, running at once; on SQLite
  // two connections to one file in one thread (SqliteEngine waits for the other's write lock asynchronously).
  it('two cores scanning the same barcode at once: one valid, the other already scanned', async () => {
    const gateA = await makeSetUpCore();
    const order = await importOrder(gateA, { tickets: 40 });
    const gateB = await makeCore({ dataDir: gateA.dataDir, ...(gateA.databaseUrl ? { databaseUrl: gateA.databaseUrl } : {}), clock: gateA.clock });
    await gateB.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const [event] = await gateA.must('gate.events', {});
    for (const ticket of order.tickets) {
      const [x, y] = await Promise.all([gateA.must('gate.scan', { eventId: event!.id, barcode: ticket.barcode }), gateB.must('gate.scan', { eventId: event!.id, barcode: ticket.barcode })]);
      expect([x.result, y.result].sort(), `ticket ${ticket.id}`).toEqual(['alreadyScanned', 'valid']);
    }
    expect(await gateA.core.internals.sql.get("SELECT CAST(count(*) AS INTEGER) AS n FROM scans WHERE result = 'valid'")).toEqual({ n: 40 });
  });
});
