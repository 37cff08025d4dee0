/** What the bundled TypeScript benches share: statistics, one printed line per figure with its goal, the stall probe (the tests' own), both engines. */
import pg from 'pg';
import { newBarcode } from '../electron/core/delivery/barcode';
import type { Sql } from '../electron/core/store/sql';
import { poolConfig } from '../electron/core/store/engine/postgres-config';
import { postgresBinDir, startPostgres } from '../test/helpers/postgres-server';

export { stallProbe } from '../test/helpers/stall-probe';

export const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
};

/** The same line as bench/lib.mjs print: the figure, then its goal and whether it was met. */
export function print(label: string, value: number, unit: string, goal?: { max: number } | { min: number } | string): void {
  const digits = Math.abs(value) < 10 ? 2 : 0;
  const shown = value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  let target = typeof goal === 'string' ? goal : '—';
  let verdict = '';
  if (goal && typeof goal === 'object') {
    target = 'max' in goal ? `≤ ${goal.max.toLocaleString('en')} ${unit}` : `≥ ${goal.min.toLocaleString('en')} ${unit}`;
    verdict = ('max' in goal ? value <= goal.max : value >= goal.min) ? '  ok' : '  MISSED';
  }
  console.log(`${label.padEnd(64)} ${`${shown} ${unit}`.padStart(16)}   goal: ${target}${verdict}`);
}

/** Runs `measure` on SQLite, then on a fresh database of a temporary PostgreSQL cluster (started as the tests start theirs). */
export async function onBothEngines(database: string, measure: (databaseUrl: string | undefined) => Promise<void>): Promise<void> {
  await measure(undefined);
  if (!postgresBinDir()) {
    console.log('postgres: not measured — PostgreSQL is not installed (apt-get install postgresql).');
    return;
  }
  const server = startPostgres();
  try {
    const admin = new pg.Client(poolConfig(server.url('postgres')));
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    await measure(server.url(database));
  } finally {
    server.stop();
  }
}

// Orders per statement: 400 orders are 4,000 tickets × 6 values, under SQLite's 32,766 variables a statement.
const FILL_BATCH = 400;

/**
 * Three events, then `tickets` tickets in orders of `perOrder` (order n is number B-n; ticket ids follow
 * the orders), each with its barcode — written directly in batches: the fill is set-up, not a figure.
 */
export async function fillTickets(sql: Sql, tickets: number, perOrder: number): Promise<void> {
  const now = Date.now();
  for (let e = 1; e <= 3; e += 1) await sql.run('INSERT INTO events (id, name, venue, starts_at, time_zone) VALUES (?, ?, ?, ?, ?)', [e, `Bench event ${e}`, 'Bench Hall', now + e * 86_400_000, 'Europe/Zurich']);
  const orders = Math.ceil(tickets / perOrder);
  for (let first = 1; first <= orders; first += FILL_BATCH) {
    const ids = Array.from({ length: Math.min(FILL_BATCH, orders - first + 1) }, (_, i) => first + i);
    await sql.transaction(async () => {
      await sql.run(`INSERT INTO orders (id, number, customer_name, customer_email, customer_phone, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES ${ids.map(() => '(?, ?, ?, ?, NULL, 1, 1, ?, 1, ?)').join(', ')}`, ids.flatMap((id) => [id, `B-${id}`, `Customer ${id}`, `c${id}@example.com`, 'mobile', now]));
      // The words of each name, as the app writes them with an order (search by any word).
      await sql.run(`INSERT INTO order_words (word, order_id) VALUES ${ids.map(() => '(?, ?), (?, ?)').join(', ')}`, ids.flatMap((id) => ['customer', id, String(id), id]));
      const rows = ids.flatMap((orderId) => Array.from({ length: perOrder }, (_, i) => ({ id: (orderId - 1) * perOrder + i + 1, orderId, position: i + 1, barcode: newBarcode() })));
      await sql.run(`INSERT INTO tickets (id, order_id, position, event_id, seat, price_minor, currency, barcode) VALUES ${rows.map(() => "(?, ?, ?, ?, ?, 5000, 'CHF', ?)").join(', ')}`, rows.flatMap((t) => [t.id, t.orderId, t.position, (t.orderId % 3) + 1, `Row ${t.position}`, t.barcode]));
      await sql.run(`INSERT INTO barcodes (barcode, ticket_id, generation, created_at) VALUES ${rows.map(() => '(?, ?, 1, ?)').join(', ')}`, rows.flatMap((t) => [t.barcode, t.id, now]));
    });
  }
}
