/**
 * The same figures on both engines in one run (issue "One store, two engines", item 9): order lookup p99,
 * delivery claims per second, and the gate with 4 terminal processes scanning at once (scans/s, p99), on
 * a store of BENCH_TICKETS tickets (1,000,000 by default). PostgreSQL is a temporary cluster on a Unix
 * socket, started the way the tests start theirs. Run by bench/06-engines.mjs; a worker mode runs one gate.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core/app';
import type { EngineKind } from '../electron/core/store/engine/types';
import { fillTickets, onBothEngines, print } from './bench-kit';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const PER_ORDER = 10;
const GATES = 4;
const SCANS_PER_GATE = Number(process.env.BENCH_SCANS ?? 1_500);
const PASSWORD = 'Tickets&Seats-2026';

const p = (samples: number[], q: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;

async function must<T>(core: Core, channel: string, input: unknown, seat: string): Promise<T> {
  const result = await core.dispatch(channel, input, { seat });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function measure(engine: EngineKind, databaseUrl: string | undefined): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-engines-${engine}-`));
  const core = await createCore({ dataDir, databaseUrl, shell: 'web', kiosk: false, terminal: 'Bench desk' });
  try {
    await must(core, 'setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: PASSWORD }, 'desk');
    const started = performance.now();
    await fillTickets(core.internals.sql, TICKETS, PER_ORDER);
    print(`${engine}: fill ${TICKETS.toLocaleString('en')} tickets (set-up)`, (performance.now() - started) / 1000, 's');
    const orders = Math.ceil(TICKETS / PER_ORDER);

    const lookups: number[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      const t0 = performance.now();
      await must(core, 'orders.search', { query: `B-${1 + Math.floor(Math.random() * orders)}` }, 'desk');
      lookups.push(performance.now() - t0);
    }
    print(`${engine}: order lookup by number, p99`, p(lookups, 0.99), 'ms', engine === 'postgres' ? { max: 10 } : undefined);

    const claimsStart = performance.now();
    const CLAIMS = 1_000;
    for (let i = 0; i < CLAIMS; i += 1) await must(core, 'delivery.issueMobile', { ticketIds: [TICKETS - i] }, 'desk');
    print(`${engine}: delivery claims (mobile, one ticket a call)`, CLAIMS / ((performance.now() - claimsStart) / 1000), '/s');

    // 4 gate terminals at once, each its own process on the same store, each scanning tickets of its own.
    const gateStart = performance.now();
    const results = await Promise.all(Array.from({ length: GATES }, (_, g) => gateWorker(engine === 'sqlite' ? dataDir : databaseUrl!, g)));
    const seconds = (performance.now() - gateStart - Math.max(...results.map((r) => r.setupMs))) / 1000;
    const latencies = results.flatMap((r) => r.latencies);
    print(`${engine}: gate, ${GATES} processes at once: scans per second`, latencies.length / seconds, '/s');
    print(`${engine}: gate, ${GATES} processes at once: scan p99`, p(latencies, 0.99), 'ms', engine === 'postgres' ? { max: 5 } : undefined);
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One gate process: signs in, then scans its share of barcodes; reports each scan's time. */
function gateWorker(store: string, gate: number): Promise<{ latencies: number[]; setupMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, 'gate', store, String(gate)], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { latencies: number[]; setupMs: number }) : reject(new Error(`gate ${gate} exited ${code}`))));
  });
}

async function gate(store: string, index: number): Promise<void> {
  const t0 = performance.now();
  const isUrl = store.startsWith('postgres');
  const dataDir = isUrl ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gate-')) : store;
  const core = await createCore({ dataDir, databaseUrl: isUrl ? store : undefined, shell: 'web', kiosk: false, terminal: `Gate ${index + 1}` });
  try {
    await must(core, 'auth.signIn', { login: 'anna', password: PASSWORD }, 'gate');
    const [event] = await must<{ id: number }[]>(core, 'gate.events', {}, 'gate');
    const rows = await core.internals.sql.all<{ barcode: string }>('SELECT barcode FROM tickets WHERE event_id = ? AND id % ? = ? ORDER BY id LIMIT ?', [event!.id, GATES, index, SCANS_PER_GATE]);
    const setupMs = performance.now() - t0;
    const latencies: number[] = [];
    for (const { barcode } of rows) {
      const s = performance.now();
      await must(core, 'gate.scan', { eventId: event!.id, barcode }, 'gate');
      latencies.push(performance.now() - s);
    }
    process.stdout.write(JSON.stringify({ latencies, setupMs }));
  } finally {
    await core.close();
    if (isUrl) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const main = () => onBothEngines('bench', (url) => measure(url ? 'postgres' : 'sqlite', url));

const [mode, ...args] = process.argv.slice(2);
(mode === 'gate' ? gate(args[0]!, Number(args[1])) : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
