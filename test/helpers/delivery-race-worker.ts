/**
 * One side of the two-process delivery race. Both sides start round i at the same wall-clock slot
 * (startAt + i * slotMs) on the same ticket, so every round is contested.
 * argv: <store: SQLite data folder or postgres:// URL> <A|B> <first ticket id> <rounds> <start at epoch ms> <slot ms>
 * Prints one JSON line per round: { round, id, mode, won, code, sha256 }.
 */
import { workerDeliveryService } from './worker-delivery-service';
import { raceMode } from './delivery-race-plan';

const [location, side, first, rounds, startAt, slot] = process.argv.slice(2);

const waitUntil = (at: number) => {
  while (Date.now() < at) {
    /* spin: a timer is too coarse to line two processes up */
  }
};

async function main() {
  const { store, service, session, audit } = await workerDeliveryService(location!, `Box ${side}`);
  for (let round = 0; round < Number(rounds); round++) {
    const id = Number(first) + round;
    const { mode, delayMs } = raceMode(round, side as 'A' | 'B');
    waitUntil(Number(startAt) + round * Number(slot) + delayMs);
    let line: { won: boolean; code: string | null; sha256: string | null };
    if (mode === 'mobile') {
      const r = await service.issueMobile(session, { ticketIds: [id] });
      line = { won: r.ok && r.value.issued === 1, code: r.ok ? null : r.error.code, sha256: null };
    } else {
      const r = await service.printAtHome(session, id);
      line = { won: r.ok && !r.value.reopened, code: r.ok ? null : r.error.code, sha256: r.ok ? r.value.sha256 : null };
    }
    process.stdout.write(JSON.stringify({ round, id, mode, ...line }) + '\n');
  }
  await audit.settled();
  await store.close();
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
