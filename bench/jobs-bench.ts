/**
 * Print@home for every ticket of a 5,000-ticket order as a job, through the same dispatch the transports use:
 * the job's time (start to the joined file written) and the longest event-loop stall while it runs, on SQLite
 * and on PostgreSQL (a temporary server, as engines-bench.ts starts it). Run by bench/07-jobs.mjs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/app';
import { onBothEngines, print, stallProbe } from './bench-kit';

const TICKETS = Number(process.env.BENCH_JOB_TICKETS ?? 5000);
const PASSWORD = 'Tickets&Seats-2026';

const main = () => onBothEngines('bench_jobs', measure);

async function measure(databaseUrl: string | undefined) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-jobs-'));
  const core = await createCore({ dataDir, databaseUrl, shell: 'web', kiosk: false, terminal: 'Bench' });
  try {
    const call = async (channel: string, input: unknown) => {
      const r = await core.dispatch(channel, input, { seat: 'bench' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    };
    await call('setup.createFirstAccount', { login: 'bench', displayName: 'Bench', password: PASSWORD });
    const event = { name: 'Symphony No. 9', venue: 'Tonhalle', startsAt: '2027-03-01T19:30:00+01:00', timeZone: 'Europe/Zurich' };
    const order = (n: string, tickets: number) => ({
      number: n,
      customer: { name: 'Zurich Schools Association', email: 'tickets@schools.example.com', phone: null },
      allowedModes: ['mobile', 'print_at_home'],
      checkoutMode: 'print_at_home',
      paid: true,
      tickets: Array.from({ length: tickets }, (_, k) => ({ event, seat: `Block ${Math.floor(k / 500) + 1}, seat ${(k % 500) + 1}`, price: 25 })),
    });
    await call('orders.import', { format: 'json', content: JSON.stringify({ orders: [order('WARM-1', 4), order('GROUP-5000', TICKETS)] }) });
    const id = async (n: string) => ((await call('orders.search', { query: n })) as { orders: { id: number }[] }).orders[0]!.id;
    const jobs = core.internals.jobs;
    // The worker threads start with the first job: a small one first, so the figure is the work itself.
    await jobs.settled(((await call('jobs.startPrintAtHome', { orderId: await id('WARM-1') })) as { jobId: string }).jobId);

    const orderId = await id('GROUP-5000');
    const probe = stallProbe();
    const t0 = performance.now();
    const { jobId } = (await call('jobs.startPrintAtHome', { orderId })) as { jobId: string };
    const answered = performance.now() - t0;
    await jobs.settled(jobId);
    const seconds = (performance.now() - t0) / 1000;
    const stall = probe.stop();
    const { job } = (await call('jobs.status', { jobId })) as { job: { state: string; issued: number; result: { pages: number; bytes: number } | null } };
    if (job.state !== 'done' || job.issued !== TICKETS || job.result?.pages !== TICKETS) throw new Error(`the job ended ${job.state} with ${job.issued} issued, ${job.result?.pages ?? 0} pages`);
    const engine = core.internals.engine === 'postgres' ? 'PostgreSQL' : 'SQLite';
    print(`jobs.startPrintAtHome answers (${engine})`, answered, 'ms', 'at once');
    print(`print@home job, ${TICKETS.toLocaleString('en')} tickets, to the joined file (${engine}, ${os.availableParallelism()} workers)`, seconds, 's', { max: 15 });
    print(`longest event-loop stall during the job (${engine})`, stall, 'ms', { max: 50 });
    print(`joined file tickets-GROUP-5000.pdf (${engine})`, job.result.bytes / 1024 / 1024, 'MiB', 'information');
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
