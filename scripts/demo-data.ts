/**
 * Loads the demo dataset into the store: the SQLite file of BOX_OFFICE_DATA_DIR, or the PostgreSQL
 * database of BOX_OFFICE_DATABASE_URL. The store only: the keychain is asked only for a database
 * password the URL does not carry (never on SQLite).
 */
import path from 'node:path';
import { loadDemoData } from '../electron/core/delivery/demo-data';
import { openStore } from '../electron/core/store/open-store';
import { OrdersRepo } from '../electron/core/store/orders-repo';
import { osKeychain } from '../electron/core/vault/keychain';
import { defaultDataDir } from '../electron/web/default-data-dir';

async function main() {
  const dataDir = path.resolve(process.env.BOX_OFFICE_DATA_DIR || defaultDataDir());
  const store = await openStore({ dataDir, databaseUrl: process.env.BOX_OFFICE_DATABASE_URL || undefined }, osKeychain);
  try {
    const result = await loadDemoData(new OrdersRepo(store.sql), Date.now());
    if (!result.ok) {
      console.error(result.error.message);
      process.exitCode = 1;
      return;
    }
    console.log(`Demo data loaded into ${store.location}: ${result.value.events} events, ${result.value.orders} orders, ${result.value.tickets} tickets.`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
