// Venue mode: 8 terminal processes on one PostgreSQL venue, mixed work, and live notices (bench/venue-bench.ts).
import { runBundled } from './lib.mjs';

export async function run() {
  console.log('\n# Venue mode: 8 terminals on one database');
  await runBundled('bench/venue-bench.ts');
}
