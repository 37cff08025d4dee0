import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore, TEST_ENGINE } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { deliveryInvariants } from '../../../helpers/delivery-invariants';

// Bundled inside the project so the worker finds better-sqlite3 in node_modules (Node 20 cannot run TypeScript); pg is bundled (pure JS).
// One bundle per engine's project: the two projects may run at once.
const WORKER = path.resolve(`node_modules/.cache/box-office-tests/delivery-race-worker-${TEST_ENGINE}.cjs`);
const ROUNDS = 200;
const SLOT_MS = 60;

interface Line { round: number; id: number; mode: 'mobile' | 'print'; won: boolean; code: string | null; sha256: string | null }

beforeAll(async () => {
  fs.mkdirSync(path.dirname(WORKER), { recursive: true });
  await build({ entryPoints: ['test/helpers/delivery-race-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: WORKER, external: ['better-sqlite3', 'keytar', 'pg-native'], logLevel: 'warning' });
});

function side(args: string[]): Promise<Line[]> {
  const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').map((l) => JSON.parse(l) as Line)) : reject(new Error(`worker exited ${code}`)))),
  );
}

describe('two processes racing for the same ticket', () => {
  it(`${ROUNDS} contested rounds: exactly one winner each, the loser is told why, never both modes`, async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: ROUNDS });
    // Both processes open the test's store: its SQLite data folder, or its PostgreSQL database (the two race across connections).
    const location = t.databaseUrl ?? t.dataDir;
    const first = String(order.tickets[0]!.id);
    const startAt = String(Date.now() + 1_500);
    const [a, b] = await Promise.all([side([location, 'A', first, String(ROUNDS), startAt, String(SLOT_MS)]), side([location, 'B', first, String(ROUNDS), startAt, String(SLOT_MS)])]);
    expect(a).toHaveLength(ROUNDS);
    expect(b).toHaveLength(ROUNDS);

    const winners = { mobile: 0, print: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const pair = [a[round]!, b[round]!];
      expect(pair.filter((l) => l.won), `round ${round}`).toHaveLength(1);
      const [winner, loser] = pair[0]!.won ? pair : [pair[1]!, pair[0]!];
      if (winner!.mode !== loser!.mode) {
        // The other mode lost: refused with the lock, not silently.
        expect(loser!.code, `round ${round}`).toBe('DELIVERY_LOCKED');
        winners[winner!.mode] += 1;
      } else {
        // Same mode: the loser gets the winner's ticket — for print@home the very same stored bytes.
        expect(loser!.code, `round ${round}`).toBeNull();
        if (winner!.mode === 'print') expect(loser!.sha256, `round ${round}`).toBe(winner!.sha256);
      }
    }
    // The rounds really were contested: each mode won some of the mixed ones.
    expect(winners.mobile).toBeGreaterThan(0);
    expect(winners.print).toBeGreaterThan(0);

    const states = await deliveryInvariants(t.core.internals.sql);
    expect((states.mobile ?? 0) + (states.print_at_home ?? 0)).toBe(ROUNDS);
    expect(states.none).toBeUndefined();
    const view = await t.must('orders.get', { orderId: order.id, limit: 500 });
    expect(view.counts.mobile).toBe(a.concat(b).filter((l) => l.won && l.mode === 'mobile').length);
    console.log(`race: mixed rounds won by mobile ${winners.mobile}, by print@home ${winners.print}`);
  }, 60_000);
});
