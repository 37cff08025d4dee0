/**
 * A second process issuing tickets on the same database file, for the crash test (the race has its own worker).
 * argv: <db file> <mobile|print> <first ticket id> <last ticket id> <start at epoch ms>
 * Prints one JSON line per ticket: { id, won }.
 */
import { workerDeliveryService } from './worker-delivery-service';

const [file, mode, first, last, startAt] = process.argv.slice(2);
const { db, service, session } = workerDeliveryService(file!, `Worker ${process.pid}`);

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
