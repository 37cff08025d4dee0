/**
 * A second process issuing tickets (or scanning them at the gate) on the same store, for the crash test
 * (the race has its own worker). Builds the services as core does, with this installation's vault (audit MACs).
 * argv: <store: SQLite data folder or postgres:// URL> <mobile|print|gate> <first ticket id> <last ticket id> <start at epoch ms>
 * Prints one JSON line per ticket: { id, won } (gate: won = admitted).
 */
import { GateService } from '../../electron/core/gate/gate-service';
import { GateRepo } from '../../electron/core/store/gate-repo';
import { systemClock } from '../../electron/core/types';
import { workerDeliveryService } from './worker-delivery-service';

const [location, mode, first, last, startAt] = process.argv.slice(2);

async function main() {
  const { store, sql, orders, service, session, audit, settings } = await workerDeliveryService(location!, `Worker ${process.pid}`);
  const gate = new GateService({ sql, gate: new GateRepo(sql), orders, audit, clock: systemClock, terminal: `Gate ${process.pid}`, settings });
  while (Date.now() < Number(startAt)) {
    /* both processes start together */
  }
  for (let id = Number(first); id <= Number(last); id++) {
    let won: boolean;
    if (mode === 'gate') {
      // Twice, by two stewards of this gate (one steward's second read within 3 s would be a scanner's
      // double read, repeated and not recorded): an admission, then a refusal, summarised at once.
      const ticket = (await orders.ticket(id))!;
      const r = await gate.scan({ ...session, id: `${process.pid}-first` }, ticket.eventId, ticket.barcode);
      await gate.scan({ ...session, id: `${process.pid}-second` }, ticket.eventId, ticket.barcode);
      won = r.ok && r.value.result === 'valid';
    } else if (mode === 'mobile') {
      const r = await service.issueMobile(session, { ticketIds: [id] });
      won = r.ok && r.value.issued === 1;
    } else {
      const r = await service.printAtHome(session, id);
      won = r.ok && !r.value.reopened;
    }
    process.stdout.write(JSON.stringify({ id, won }) + '\n');
  }
  await audit.settled();
  await store.close();
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
