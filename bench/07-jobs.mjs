// Bulk work is a job: print@home for all of a 5,000-ticket order, its time and the longest event-loop stall meanwhile (bench/jobs-bench.ts).
import { runBundled } from './lib.mjs';

export async function run() {
  console.log('\n# Bulk print@home as a job (5,000 tickets)');
  await runBundled('bench/jobs-bench.ts');
}
