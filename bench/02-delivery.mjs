// Delivery and gate at 1,000,000 tickets: bundles bench/delivery-bench.ts into a temporary folder and runs it in its own process.
import { CORE_V8_FLAGS } from '../scripts/v8-flags.mjs';
import { runBundled } from './lib.mjs';

export async function run() {
  console.log('\n# Delivery and gate');
  // The measured core runs with the V8 flags the app's core process starts with (scripts/v8-flags.mjs).
  await runBundled('bench/delivery-bench.ts', { nodeArgs: [...CORE_V8_FLAGS, ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROFILE] : [])] });
}
