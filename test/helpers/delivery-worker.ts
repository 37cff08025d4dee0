/**
 * A second process issuing tickets on the same database file, for the race and crash tests.
 * argv: <db file> <mobile|print> <first ticket id> <last ticket id> <start at epoch ms>
 * Prints one JSON line per ticket: { id, won }.
 */
import { AuditLog } from '../../electron/core/audit/audit-log';
import type { Session } from '../../electron/core/auth/sessions';
import { DeliveryService } from '../../electron/core/delivery/delivery-service';
import { InstitutionSettings } from '../../electron/core/settings/institution-settings';
import { openDatabase } from '../../electron/core/store/database';
import { OperatorsRepo } from '../../electron/core/store/operators-repo';
import { OrdersRepo } from '../../electron/core/store/orders-repo';
import { SettingsRepo } from '../../electron/core/store/settings-repo';
import { systemClock } from '../../electron/core/types';

const [file, mode, first, last, startAt] = process.argv.slice(2);
const db = openDatabase(file!);
const terminal = `Worker ${process.pid}`;
const service = new DeliveryService({
  orders: new OrdersRepo(db),
  operators: new OperatorsRepo(db),
  audit: new AuditLog(db, systemClock, terminal),
  settings: new InstitutionSettings(new SettingsRepo(db)),
  clock: systemClock,
  terminal,
});
const session = { operatorId: 1, login: 'anna', roles: ['admin'], stage: 'active' } as Session;

async function main() {
  while (Date.now() < Number(startAt)) {
    /* both processes start together */
  }
  for (let id = Number(first); id <= Number(last); id++) {
    const won = mode === 'mobile' ? (() => { const r = service.issueMobile(session, { ticketIds: [id] }); return r.ok && r.value.issued === 1; })() : await service.printAtHome(session, id).then((r) => r.ok && !r.value.reopened);
    process.stdout.write(JSON.stringify({ id, won }) + '\n');
  }
  db.close();
}
void main();
