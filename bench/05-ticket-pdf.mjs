// The print@home renderer against reportlab, the Unicode path, bytes per PDF and per stored ticket:
// bundles bench/ticket-pdf-bench.ts into a temporary folder and runs it in its own process.
import { runBundled } from './lib.mjs';

export async function run() {
  console.log('\n# print@home PDF');
  await runBundled('bench/ticket-pdf-bench.ts');
}
