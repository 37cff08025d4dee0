import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore, STRONG_PASSWORD, TEST_ENGINE } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { auditInvariants, deliveryInvariants, withStore } from '../../../helpers/delivery-invariants';

// Bundled inside the project so the worker finds better-sqlite3 in node_modules; pg is bundled (pure JS).
// One bundle per engine's project: the two projects may run at once.
const WORKER = path.resolve(`node_modules/.cache/box-office-tests/delivery-worker-${TEST_ENGINE}.cjs`);

beforeAll(async () => {
  fs.mkdirSync(path.dirname(WORKER), { recursive: true });
  await build({ entryPoints: ['test/helpers/delivery-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: WORKER, external: ['better-sqlite3', 'keytar', 'pg-native'], logLevel: 'warning' });
});

function worker(location: string, mode: 'mobile' | 'print' | 'gate', first: number, last: number, startAt: number) {
  const child = spawn(process.execPath, [WORKER, location, mode, String(first), String(last), String(startAt)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: { id: number; won: boolean }[] = [];
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const p of parts) if (p) lines.push(JSON.parse(p) as { id: number; won: boolean });
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, done };
}

describe('delivery across processes', () => {
  // The 200-round race of two processes is in race.test.ts (contested rounds, all four pairings).

  // On either engine: the worker opens the same store, the SQLite data folder or the PostgreSQL database.
  it('a process killed in the middle of issuing or scanning leaves whole issues or none, each with its audit entry, and every scan counted', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 600 });
    const location = t.databaseUrl ?? t.dataDir;
    const reopen = t.reopen.bind(t);
    await t.core.close();
    const ids = order.tickets.map((ticket) => ticket.id);
    // Print@home, mobile and the gate each get their own slice of tickets, killed at several moments.
    const slices = { print: ids.slice(0, 250), mobile: ids.slice(250, 450), gate: ids.slice(0, 250) };
    for (const [mode, slice] of Object.entries(slices) as ['print' | 'mobile' | 'gate', number[]][]) {
      let first = slice[0]!;
      for (const after of [5, 23, 41]) {
        const w = worker(location, mode, first, slice.at(-1)!, 0);
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            if (w.lines.length >= after) {
              clearInterval(timer);
              w.child.kill('SIGKILL');
              resolve();
            }
          }, 1);
        });
        await w.done;
        await withStore(location, async (sql) => {
          await deliveryInvariants(sql);
          await auditInvariants(sql);
        });
        first = Math.max(first, ...w.lines.map((l) => l.id)) + 1;
      }
    }
    const states = await withStore(location, deliveryInvariants);
    expect(states.print_at_home).toBeGreaterThanOrEqual(5 + 23 + 41);
    expect(states.mobile).toBeGreaterThanOrEqual(5 + 23 + 41);
    // Killed writers left a sound log, and their anchors (moved only forward) raise no false alarm.
    const again = await reopen();
    await again.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(await again.must('audit.verify', {})).toMatchObject({ intact: true, problem: null });
    await auditInvariants(again.core.internals.sql);
  }, 120_000);
});
