// Delivery and gate at 1,000,000 tickets: bundles bench/delivery-bench.ts into a temporary folder and runs it in its own process.
import { runBundled } from './lib.mjs';

export async function run() {
  console.log('\n# Delivery and gate');
  await runBundled('bench/delivery-bench.ts');
}
