/**
 * The print@home renderer against reportlab drawing the same ticket (bench/ticket-reportlab.py), the
 * Unicode path, the bytes of each PDF, and what a stored ticket costs the store (database + WAL).
 * Run by bench/05-ticket-pdf.mjs (bundled with esbuild) inside a keyring session.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/app';
import { newBarcode } from '../electron/core/delivery/barcode';
import { renderTicketPdf, type TicketPdfInput } from '../electron/core/delivery/ticket-pdf';

const ROOT = process.cwd();
const N = Number(process.env.BENCH_PDF_TICKETS ?? 1000);
const REPORTLAB_N = Math.max(50, Math.round(N / 5));
const STORE_N = 1_000;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const print = (label: string, value: number | string, unit: string, goal?: { max: number } | { min: number } | string) => {
  const digits = typeof value === 'number' && Math.abs(value) < 10 ? 2 : 0;
  const shown = typeof value === 'number' ? value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : value;
  let target = typeof goal === 'string' ? goal : '—';
  let verdict = '';
  if (goal && typeof goal === 'object') {
    target = 'max' in goal ? `≤ ${goal.max.toLocaleString('en')} ${unit}` : `≥ ${goal.min.toLocaleString('en')} ${unit}`;
    if (typeof value === 'number') verdict = ('max' in goal ? value <= goal.max : value >= goal.min) ? '  ok' : '  MISSED';
  }
  console.log(`${label.padEnd(64)} ${`${shown} ${unit}`.padStart(16)}   goal: ${target}${verdict}`);
};

const base: Omit<TicketPdfInput, 'barcode' | 'holder'> = {
  institution: 'Théâtre du Lac',
  event: 'La Traviata',
  venue: 'Grande Salle',
  startsAt: Date.UTC(2026, 5, 12, 18, 30),
  timeZone: 'Europe/Zurich',
  seat: 'Parterre, row 7, seat 12',
  orderNumber: 'ORD-2026-000417',
  generation: 1,
  price: 'CHF 85.00',
  issuedAt: Date.UTC(2026, 2, 1, 9, 15),
};
const LATIN_NAMES = ['Zoë Dupont', 'Jürgen Müller', 'Ana María Núñez', 'François Lefèvre', 'Søren Kierkegaard'];
const UNICODE = [
  { holder: 'Анна Каренина', event: 'Лебединое озеро' },
  { holder: 'Ιωάννης Παπαδόπουλος', venue: 'Μέγαρο Μουσικής' },
  { holder: 'محمد بن علي', seat: 'Balcon, rang 2' },
  { holder: 'Łukasz Żółkiewski' },
  { holder: 'דוד בן־גוריון' },
];
const latin = (i: number): TicketPdfInput => ({ ...base, holder: LATIN_NAMES[i % LATIN_NAMES.length]!, barcode: newBarcode() });
const unicode = (i: number): TicketPdfInput => ({ ...base, ...UNICODE[i % UNICODE.length]!, barcode: newBarcode() });

async function time(inputs: TicketPdfInput[]) {
  const ms: number[] = [];
  const bytes: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    const pdf = await renderTicketPdf(input);
    ms.push(performance.now() - t0);
    bytes.push(pdf.length);
  }
  return { ms, bytes };
}

/** Debian's Python with python3-reportlab (scripts/setup.mjs BENCH_PACKAGES); null when there is none. */
function reportlabPython(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import reportlab'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

function reportlab(python: string, inputs: TicketPdfInput[]) {
  const run = spawnSync(python, [path.join(ROOT, 'bench', 'ticket-reportlab.py')], { input: JSON.stringify({ tickets: inputs, warmup: 20 }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`reportlab bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { ms: number[]; bytes: number[] };
}

/** Print@home through the real service into a real SQLite store: what each ticket adds on disk, the WAL included. */
async function storeCost() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pdf-store-'));
  const core = await createCore({ dataDir, shell: 'web', kiosk: false, terminal: 'Bench' });
  try {
    const call = async (channel: string, input: unknown) => {
      const r = await core.dispatch(channel, input, { seat: 'bench' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    };
    await call('setup.createFirstAccount', { login: 'bench', displayName: 'Bench', password: 'Tickets&Seats-2026' });
    const event = { name: 'La Traviata', venue: 'Grande Salle', startsAt: '2026-12-05T19:30:00+01:00', timeZone: 'Europe/Zurich' };
    const order = {
      number: 'PDF-1',
      customer: { name: 'Zoë Dupont', email: 'zoe@example.com', phone: null },
      allowedModes: ['mobile', 'print_at_home'],
      checkoutMode: 'print_at_home',
      paid: true,
      tickets: Array.from({ length: STORE_N }, (_, i) => ({ event, seat: `Parterre, row ${1 + Math.floor(i / 20)}, seat ${1 + (i % 20)}`, price: 85 })),
    };
    await call('orders.import', { format: 'json', content: JSON.stringify({ orders: [order] }) });
    const found = (await call('orders.search', { query: 'PDF-1' })) as { orders: { id: number }[] };
    const view = (await call('orders.get', { orderId: found.orders[0]!.id, limit: 500 })) as { tickets: { id: number }[] };
    const files = () => ['box-office.sqlite', 'box-office.sqlite-wal'].reduce((sum, f) => sum + (fs.existsSync(path.join(dataDir, f)) ? fs.statSync(path.join(dataDir, f)).size : 0), 0);
    // At rest: every page written back to the database file and the WAL emptied, before and after.
    const atRest = () => {
      core.internals.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
      return files();
    };
    const restingBefore = atRest();
    const before = files();
    let pdfBytes = 0;
    let walPeak = 0;
    for (const ticket of view.tickets) {
      const doc = (await call('delivery.printAtHome', { ticketId: ticket.id })) as { pdfBase64: string };
      pdfBytes += Buffer.from(doc.pdfBase64, 'base64').length;
      walPeak = Math.max(walPeak, fs.existsSync(path.join(dataDir, 'box-office.sqlite-wal')) ? fs.statSync(path.join(dataDir, 'box-office.sqlite-wal')).size : 0);
    }
    const n = view.tickets.length;
    const running = (files() - before) / n;
    return { pdfBytes: pdfBytes / n, storeBytes: (atRest() - restingBefore) / n, runningBytes: running, walPeak };
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  // Warm up (module loading, JIT), then the measured runs.
  await time(Array.from({ length: 50 }, (_, i) => latin(i)));
  const inputs = Array.from({ length: N }, (_, i) => latin(i));
  const ours = await time(inputs);
  const ourMedian = median(ours.ms);
  print(`print@home renderer, first issue, Latin names (median of ${N})`, ourMedian, 'ms', { max: 1.1 });

  const python = reportlabPython();
  if (python) {
    const theirs = reportlab(python, inputs.slice(0, REPORTLAB_N));
    const theirMedian = median(theirs.ms);
    print(`reportlab, the same ticket, vector QR code (median of ${REPORTLAB_N})`, theirMedian, 'ms', 'the yardstick');
    print('renderer speed relative to reportlab (same run)', theirMedian / ourMedian, '×', { min: 10 });
    print('reportlab PDF bytes (median, for comparison)', median(theirs.bytes), 'B', 'information');
  } else {
    print('reportlab, the same ticket', 'not available', '', 'install python3-reportlab (apt-get install python3-reportlab)');
    print('renderer speed relative to reportlab (same run)', 'n/a', '', '≥ 10 × (not measured: no reportlab)');
  }

  const coldStart = performance.now();
  await renderTicketPdf(unicode(0));
  print('first non-Latin ticket of a process (reads, parses the font)', performance.now() - coldStart, 'ms', 'once per process');
  const uni = await time(Array.from({ length: 100 }, (_, i) => unicode(i)));
  print('non-Latin ticket: Cyrillic, Greek, Arabic, Hebrew… (median of 100)', median(uni.ms), 'ms', { max: 30 });

  const latinBytes = median(ours.bytes);
  print('PDF bytes, standard fonts, no logo (median)', latinBytes, 'B', { max: 4096 });
  print('PDF bytes with an embedded DejaVu Sans subset (median)', median(uni.bytes), 'B', 'information');
  print('extra bytes an embedded font subset adds (median)', median(uni.bytes) - latinBytes, 'B', 'information');
  print('PDF bytes before this renderer (test/fixtures/ticket-pdf-v1.pdf)', fs.statSync(path.join(ROOT, 'test', 'fixtures', 'ticket-pdf-v1.pdf')).size, 'B', 'the old figure');

  const store = await storeCost();
  print(`stored print@home PDF, through the service (mean of ${STORE_N})`, store.pdfBytes, 'B', { max: 4096 });
  print(`store per print@home ticket at rest, DB + WAL (${STORE_N}, checkpointed)`, store.storeBytes, 'B', { max: 6144 });
  print(`store per ticket while issuing, DB + WAL as they stand (${STORE_N})`, store.runningBytes, 'B', 'information: the WAL is the journal');
  print('largest WAL while issuing (checkpoint at ~4 MiB; ≤ 8 MiB kept)', store.walPeak / 1024, 'KiB', 'information');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
