/**
 * Venue mode (issue "Venue mode", item 8): 8 terminal processes, each joined to one PostgreSQL venue with
 * its own code and database login, run mixed work at once for BENCH_VENUE_SECONDS (order lookups, issues
 * to mobile, gate scans) on a venue of BENCH_VENUE_TICKETS tickets. Printed: throughput and p99 per kind,
 * and the time from an issue's start at one terminal until another terminal (this process, waiting on
 * live.wait as an open order screen does) hears of it. Run by bench/08-venue.mjs; `terminal` mode is one worker.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createCore, startCore, type Core, type StartedCore } from '../electron/core/app';
import { poolConfig } from '../electron/core/store/engine/postgres-config';
import { postgresBinDir, startPostgres } from '../test/helpers/postgres-server';
import { fillTickets, print, stats } from './bench-kit';

const TERMINALS = 8;
const TICKETS = Number(process.env.BENCH_VENUE_TICKETS ?? 100_000);
const SECONDS = Number(process.env.BENCH_VENUE_SECONDS ?? 15);
const PER_ORDER = 10;
const PASSWORD = 'Tickets&Seats-2026';
const now = () => performance.timeOrigin + performance.now();

type Dispatching = Pick<Core, 'dispatch'> | StartedCore;
async function must<T>(core: Dispatching, channel: string, input: unknown, seat = 'bench'): Promise<T> {
  const result = await core.dispatch(channel, input, { seat });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

interface WorkerReport {
  latencies: Record<'lookup' | 'issue' | 'scan', number[]>;
  /** Each issue: its order and when the call started (epoch ms, sub-millisecond). */
  issues: { orderId: number; startedAt: number }[];
  seconds: number;
}

async function main(): Promise<void> {
  if (!postgresBinDir()) {
    console.log('venue: not measured — PostgreSQL is not installed (apt-get install postgresql).');
    return;
  }
  const server = startPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-venue-'));
  let core: Core | null = null;
  try {
    const admin = new pg.Client(poolConfig(server.url('postgres')));
    await admin.connect();
    await admin.query('CREATE DATABASE venue');
    await admin.end();
    const socket = `?host=${encodeURIComponent(server.socketDir)}&port=${server.port}`;
    // Desk 1 creates the venue as an admin would, then the bench fills it through desk 1's own login.
    const first = await startCore({ dataDir, shell: 'web', kiosk: false });
    await must(first, 'venue.create', { databaseUrl: `postgres://${server.user}@/venue${socket}`, ownerPassword: server.password, terminalName: 'Desk 1', kind: 'desk' });
    await must(first, 'setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: PASSWORD });
    await first.close();
    core = await createCore({ dataDir, shell: 'web', kiosk: false });
    await must(core, 'auth.signIn', { login: 'anna', password: PASSWORD });
    const filled = performance.now();
    await fillTickets(core.internals.sql, TICKETS, PER_ORDER);
    print(`venue: fill ${TICKETS.toLocaleString('en')} tickets (set-up)`, (performance.now() - filled) / 1000, 's');
    const codes: string[] = [];
    for (let i = 0; i < TERMINALS; i += 1) codes.push((await must<{ code: string }>(core, 'venue.addTerminal', { name: `Terminal ${i + 2}`, kind: i % 2 ? 'gate' : 'desk' })).code);

    // This terminal listens as an open screen would, recording when each order's change arrives.
    const heard = new Map<number, number[]>();
    let listening = true;
    const listener = (async () => {
      let cursor = (await must<{ cursor: number }>(core!, 'live.wait', { after: 0 })).cursor;
      while (listening) {
        const batch = await must<{ cursor: number; changes: { kind: string; ref: number | null }[] }>(core!, 'live.wait', { after: cursor });
        const at = now();
        for (const c of batch.changes) if (c.kind === 'order' && c.ref !== null) heard.set(c.ref, [...(heard.get(c.ref) ?? []), at]);
        cursor = batch.cursor;
      }
    })();

    const startAt = Date.now() + 4_000 + TERMINALS * 800;
    const reports = await Promise.all(codes.map((code, i) => worker(`postgres:///venue${socket}`, code, i, startAt)));
    await new Promise((r) => setTimeout(r, 1_500)); // the last notices arrive
    listening = false;

    const seconds = Math.max(...reports.map((r) => r.seconds));
    for (const kind of ['lookup', 'issue', 'scan'] as const) {
      const all = reports.flatMap((r) => r.latencies[kind]);
      print(`venue, ${TERMINALS} terminals: ${kind}s per second`, all.length / seconds, '/s');
      print(`venue, ${TERMINALS} terminals: ${kind} p99`, stats(all).p99, 'ms');
    }
    const notice: number[] = [];
    let unheard = 0;
    for (const issue of reports.flatMap((r) => r.issues)) {
      const at = (heard.get(issue.orderId) ?? []).find((t) => t >= issue.startedAt);
      if (at === undefined) unheard += 1;
      else notice.push(at - issue.startedAt);
    }
    print(`venue: issue at one terminal → notice at another, p50`, stats(notice).p50, 'ms');
    print(`venue: issue at one terminal → notice at another, p99`, stats(notice).p99, 'ms', { max: 200 });
    print(`venue: issues never heard of at the other terminal`, unheard, '', { max: 0 });
    await listener.catch(() => undefined);
  } finally {
    await core?.close();
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function worker(address: string, code: string, index: number, startAt: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, 'terminal', address, code, String(index), String(startAt)], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (c) => (c === 0 ? resolve(JSON.parse(out) as WorkerReport) : reject(new Error(`terminal ${index} exited ${c}`))));
  });
}

/** One terminal: joins with its code, signs in, waits for the common start, then works for SECONDS. */
async function terminal(address: string, code: string, index: number, startAt: number): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-venue-terminal-'));
  const core = await startCore({ dataDir, shell: 'web', kiosk: false });
  try {
    await must(core, 'venue.join', { databaseUrl: address, code });
    await must(core, 'auth.signIn', { login: 'anna', password: PASSWORD });
    const orders = Math.ceil(TICKETS / PER_ORDER);
    // Its own orders (order id ≡ index mod 8) to issue, so no two terminals issue in one order at once.
    const own = Array.from({ length: Math.floor(orders / TERMINALS) }, (_, k) => k * TERMINALS + index + 1).filter((id) => id <= orders);
    // Barcodes to scan: event 1's tickets (order id ≡ 0 mod 3) of its own orders, read before the start.
    const toScan: string[] = [];
    for (const orderId of own.filter((id) => id % 3 === 0).slice(0, 200)) {
      const order = await must<{ tickets: { barcode: string }[] }>(core, 'orders.get', { orderId, limit: 500 });
      toScan.push(...order.tickets.map((t) => t.barcode));
    }
    const report: WorkerReport = { latencies: { lookup: [], issue: [], scan: [] }, issues: [], seconds: SECONDS };
    while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 20));
    const until = Date.now() + SECONDS * 1000;
    let issued = 0;
    let scanned = 0;
    for (let i = 0; Date.now() < until; i += 1) {
      const kind = i % 10 < 6 ? 'lookup' : i % 10 < 8 ? 'issue' : 'scan';
      const t0 = now();
      if (kind === 'lookup') {
        await must(core, 'orders.search', { query: `B-${1 + Math.floor(Math.random() * orders)}` });
      } else if (kind === 'issue') {
        const orderId = own[issued % own.length]!;
        const ticketId = (orderId - 1) * PER_ORDER + 1 + Math.floor(issued / own.length);
        issued += 1;
        await must(core, 'delivery.issueMobile', { ticketIds: [ticketId] });
        report.issues.push({ orderId, startedAt: t0 });
      } else {
        await must(core, 'gate.scan', { eventId: 1, barcode: toScan[scanned++ % toScan.length]! });
      }
      report.latencies[kind].push(now() - t0);
    }
    process.stdout.write(JSON.stringify(report));
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
(mode === 'terminal' ? terminal(args[0]!, args[1]!, Number(args[2]), Number(args[3])) : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
