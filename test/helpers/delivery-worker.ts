/**
 * A second process issuing tickets (or scanning them at the gate) on the same database file, for the crash test
 * (the race has its own worker). Builds the services as core does, with this installation's vault (audit MACs).
 * argv: <db file> <mobile|print|gate> <first ticket id> <last ticket id> <start at epoch ms>
 * Prints one JSON line per ticket: { id, won } (gate: won = admitted).
 */
import { GateService } from '../../electron/core/gate/gate-service';
import { GateRepo } from '../../electron/core/store/gate-repo';
import { OrdersRepo } from '../../electron/core/store/orders-repo';
import { systemClock } from '../../electron/core/types';
import { workerDeliveryService } from './worker-delivery-service';

const [file, mode, first, last, startAt] = process.argv.slice(2);

async function main() {
  const { db, service, session, audit } = await workerDeliveryService(file!, `Worker ${process.pid}`);
  const orders = new OrdersRepo(db);
  const gate = new GateService({ gate: new GateRepo(db), orders, audit, clock: systemClock, terminal: `Gate ${process.pid}` });
  while (Date.now() < Number(startAt)) {
    /* both processes start together */
  }
  for (let id = Number(first); id <= Number(last); id++) {
    let won: boolean;
    if (mode === 'gate') {
      // Twice: an admission, then a refusal (already scanned), which is summarised at once.
      const ticket = orders.ticket(id)!;
      const r = gate.scan(session, ticket.eventId, ticket.barcode);
      gate.scan(session, ticket.eventId, ticket.barcode);
      won = r.ok && r.value.result === 'valid';
    } else if (mode === 'mobile') {
      const r = service.issueMobile(session, { ticketIds: [id] });
      won = r.ok && r.value.issued === 1;
    } else {
      const r = await service.printAtHome(session, id);
      won = r.ok && !r.value.reopened;
    }
    process.stdout.write(JSON.stringify({ id, won }) + '\n');
  }
  await audit.settled();
  db.close();
}
void main();
