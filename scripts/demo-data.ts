/** Loads the demo dataset into the store of BOX_OFFICE_DATA_DIR (the store only: no keychain needed). */
import path from 'node:path';
import { loadDemoData } from '../electron/core/delivery/demo-data';
import { DATABASE_FILE, openDatabase } from '../electron/core/store/database';
import { OrdersRepo } from '../electron/core/store/orders-repo';
import { defaultDataDir } from '../electron/web/default-data-dir';

const dataDir = path.resolve(process.env.BOX_OFFICE_DATA_DIR || defaultDataDir());
const db = openDatabase(path.join(dataDir, DATABASE_FILE));
const result = loadDemoData(new OrdersRepo(db), Date.now());
db.close();
if (!result.ok) {
  console.error(result.error.message);
  process.exit(1);
}
console.log(`Demo data loaded into ${dataDir}: ${result.value.events} events, ${result.value.orders} orders, ${result.value.tickets} tickets.`);
