import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { checkDeliveryInvariants } from '../../../helpers/delivery-invariants';

// Bundled inside the project so the worker finds better-sqlite3 in node_modules.
const WORKER = path.resolve('node_modules/.cache/box-office-tests/delivery-worker.cjs');

beforeAll(async () => {
  fs.mkdirSync(path.dirname(WORKER), { recursive: true });
  await build({ entryPoints: ['test/helpers/delivery-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: WORKER, external: ['better-sqlite3', 'keytar'], logLevel: 'warning' });
});

function worker(file: string, mode: 'mobile' | 'print', first: number, last: number, startAt: number) {
  const child = spawn(process.execPath, [WORKER, file, mode, String(first), String(last), String(startAt)], { stdio: ['ignore', 'pipe', 'inherit'] });
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

  it('a process killed in the middle of issuing leaves whole issues or none, never a state without its PDF', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 400 });
    const file = path.join(t.dataDir, 'box-office.sqlite');
    t.core.close();
    let first = order.tickets[0]!.id;
    const last = order.tickets.at(-1)!.id;
    // Several kills at different moments.
    for (const after of [5, 23, 41]) {
      const w = worker(file, 'print', first, last, 0);
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
      checkDeliveryInvariants(file);
      first = Math.max(first, ...w.lines.map((l) => l.id)) + 1;
    }
    const states = checkDeliveryInvariants(file);
    expect(states.print_at_home).toBeGreaterThanOrEqual(5 + 23 + 41);
  });
});
