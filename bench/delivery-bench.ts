/**
 * Delivery and gate figures on a store of 1,000,000 tickets, through the same dispatch the
 * transports use. Run by bench/02-delivery.mjs (bundled with esbuild) inside a keyring session.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/app';
import { newBarcode } from '../electron/core/delivery/barcode';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const PER_ORDER = 10;
const PASSWORD = 'Tickets&Seats-2026';

const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
};
/** The same line as bench/lib.mjs print: the figure, then its goal and whether it was met. */
const print = (label: string, value: number, unit: string, goal?: { max: number } | { min: number } | string) => {
  const digits = Math.abs(value) < 10 ? 2 : 0;
  const shown = value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  let target = typeof goal === 'string' ? goal : '—';
  let verdict = '';
  if (goal && typeof goal === 'object') {
    target = 'max' in goal ? `≤ ${goal.max.toLocaleString('en')} ${unit}` : `≥ ${goal.min.toLocaleString('en')} ${unit}`;
    verdict = ('max' in goal ? value <= goal.max : value >= goal.min) ? '  ok' : '  MISSED';
  }
  console.log(`${label.padEnd(64)} ${`${shown} ${unit}`.padStart(16)}   goal: ${target}${verdict}`);
};

/** The longest gap between 1 ms timer ticks: how long other calls would have waited. */
function stallProbe() {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(worst, performance.now() - last);
    },
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-delivery-'));
  let core: Awaited<ReturnType<typeof createCore>> | undefined;
  try {
    core = await createCore({ dataDir, shell: 'web', kiosk: false, terminal: 'Bench' });
    await measure(core, dataDir);
  } finally {
    core?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(core: Awaited<ReturnType<typeof createCore>>, dataDir: string) {
  const call = async (channel: string, input: unknown) => {
    const r = await core.dispatch(channel, input, { seat: 'bench' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as never;
  };
  await call('setup.createFirstAccount', { login: 'bench', displayName: 'Bench', password: PASSWORD });

  // Fill the store: one event, TICKETS tickets in orders of PER_ORDER, in one transaction.
  const db = core.internals.db;
  let t0 = performance.now();
  db.prepare("INSERT INTO events (name, venue, starts_at) VALUES ('Bench Night', 'Bench Hall', ?)").run(Date.now() + 86_400_000);
  const order = db.prepare("INSERT INTO orders (number, customer_name, customer_email, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES (?, ?, ?, 1, 1, 'mobile', 1, 0)");
  const ticket = db.prepare('INSERT INTO tickets (order_id, position, event_id, seat, price_minor, barcode) VALUES (?, ?, 1, ?, 5000, ?)');
  const barcode = db.prepare('INSERT INTO barcodes (barcode, ticket_id, generation, created_at) VALUES (?, ?, 1, 0)');
  const sample: string[] = [];
  db.transaction(() => {
    for (let o = 0; o < TICKETS / PER_ORDER; o++) {
      const orderId = Number(order.run(`B-${o}`, `Customer ${o}`, `c${o}@example.com`).lastInsertRowid);
      for (let p = 1; p <= PER_ORDER; p++) {
        const code = newBarcode();
        const ticketId = Number(ticket.run(orderId, p, `Seat ${p}`, code).lastInsertRowid);
        barcode.run(code, ticketId);
        if (ticketId % Math.floor(TICKETS / 20_000) === 0) sample.push(code); // 20,000 distinct tickets: every bench scan is a first admission
      }
    }
  })();
  print(`store filled with ${TICKETS.toLocaleString('en')} tickets`, (performance.now() - t0) / 1000, 's', 'set-up, not a goal');

  // print@home, first issue and reopen; issue to mobile.
  const first: number[] = [];
  const reopen: number[] = [];
  for (let id = 1; id <= 50; id++) {
    t0 = performance.now();
    await call('delivery.printAtHome', { ticketId: id });
    first.push(performance.now() - t0);
    t0 = performance.now();
    await call('delivery.printAtHome', { ticketId: id });
    reopen.push(performance.now() - t0);
  }
  print('print@home first issue through the service (p50 of 50)', stats(first).p50, 'ms', { max: 10 });
  print('print@home reopen, same bytes (p50 of 50)', stats(reopen).p50, 'ms', { max: 5 });
  const mobile: number[] = [];
  for (let id = 1001; id <= 1200; id++) {
    t0 = performance.now();
    await call('delivery.issueMobile', { ticketIds: [id] });
    mobile.push(performance.now() - t0);
  }
  print('issue to mobile (p50 of 200)', stats(mobile).p50, 'ms', { max: 5 });

  // Lookups at a million tickets.
  const lookups: number[] = [];
  for (const q of ['B-77777', 'Customer 4242', 'c31337@example.com', sample[17]!]) {
    t0 = performance.now();
    await call('orders.search', { query: q });
    lookups.push(performance.now() - t0);
  }
  print('order lookup by number / name / email / barcode (max of 4)', Math.max(...lookups), 'ms', { max: 100 });

  // The gate.
  const scans: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 20_000; i++) {
    const code = sample[i % sample.length]!;
    t0 = performance.now();
    await call('gate.scan', { eventId: 1, barcode: code });
    scans.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  const s = stats(scans);
  print('gate validations per second (20,000 distinct tickets)', 20_000 / seconds, '/s', { min: 1000 });
  print('gate validation p50', s.p50, 'ms', { max: 2 });
  print('gate validation p99', s.p99, 'ms', { max: 10 });
  print(`resident memory of the core process (${TICKETS.toLocaleString('en')} tickets)`, process.memoryUsage().rss / 1024 / 1024, 'MiB', { max: 500 });
  print('store size on disk', fs.statSync(path.join(dataDir, 'box-office.sqlite')).size / 1024 / 1024, 'MiB', 'information');

  // Backup and restore of this store, and how long each holds the event loop (other calls wait that long).
  let probe = stallProbe();
  t0 = performance.now();
  const backup = (await call('backup.create', {})) as { path: string; bytes: number };
  print('backup of the store (SQLite online backup)', (performance.now() - t0) / 1000, 's', 'a job (DESIGN: long work)');
  print('longest event-loop stall during the backup', probe.stop(), 'ms', { max: 50 });
  probe = stallProbe();
  t0 = performance.now();
  await call('backup.restore', { path: backup.path, password: PASSWORD });
  print('restore (check, migrate, safety copy, replace)', (performance.now() - t0) / 1000, 's', 'a job (DESIGN: long work)');
  print('longest event-loop stall during the restore', probe.stop(), 'ms', { max: 50 });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
