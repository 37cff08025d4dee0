/** What the bundled TypeScript benches share: statistics, one printed line per figure with its goal, the stall probe (the tests' own), both engines. */
import pg from 'pg';
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
