// Both store engines in one run: order lookup, delivery claims, and 4 gate processes at once (bench/engines-bench.ts).
import { runBundled } from './lib.mjs';

export async function run() {
  console.log('\n# One store, two engines (SQLite and PostgreSQL)');
  await runBundled('bench/engines-bench.ts');
}
