/**
 * The demo dataset: three events, 300 orders of one to six tickets and one group order of 5,000,
 * so a new user sees real-looking data at once. Seeded, so every load looks the same.
 */
import { text } from '../../../shared/i18n/translator';
import type { ImportReport } from '../../../shared/delivery-views';
import { fail, type Result } from '../../../shared/result';
import type { OrdersRepo } from '../store/orders-repo';
import { writeAll, type OrdersToWrite } from './import-orders';

const FIRST = ['Anna', 'Luca', 'Mia', 'Noah', 'Lea', 'Elias', 'Sofia', 'David', 'Laura', 'Jonas', 'Emma', 'Marco', 'Chloé', 'Yannick', 'Zoë', 'Matteo'];
const LAST = ['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Rossi', 'Dubois', 'Favre', 'Bernasconi', 'Brunner', 'Gerber', 'Baumann', 'Fischer'];

/** A small deterministic generator (mulberry32), so demo orders are the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_ORDER_PREFIX = 'DEMO-';
const ALREADY = text('coreData.demo.alreadyLoaded');

/**
 * Writes the dataset in one transaction (multi-row INSERTs: the 5,000-ticket order is a few dozen
 * statements), with `written` (the audit entry) in it; refused if it is loaded already.
 */
export async function loadDemoData(repo: OrdersRepo, now: number, written?: (report: ImportReport) => Promise<void>): Promise<Result<ImportReport>> {
  if (await repo.orderNumberTaken(`${DEMO_ORDER_PREFIX}100001`)) return fail('CONFLICT', ALREADY);
  const rnd = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const day = 86_400_000;
  const start = Math.ceil(now / day) * day;
  const events = [
    { name: 'The Magic Flute', venue: 'Opera House, Main Stage', startsAt: start + 7 * day + 19.5 * 3_600_000, timeZone: 'Europe/Zurich', price: 95, area: 'Stalls' },
    { name: 'Winter Jazz Night', venue: 'Volkshaus, Hall 1', startsAt: start + 12 * day + 20 * 3_600_000, timeZone: 'Europe/Zurich', price: 48, area: 'Floor' },
    { name: 'Symphony No. 9', venue: 'Tonhalle, Grand Hall', startsAt: start + 30 * day + 19 * 3_600_000, timeZone: 'Europe/Zurich', price: 120, area: 'Parterre' },
  ];
  const seat = (area: string, n: number) => `${area} ${String.fromCharCode(65 + Math.floor(n / 30) % 26)}${(n % 30) + 1}`;
  const orders: OrdersToWrite = [];
  for (let i = 0; i < 300; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const event = pick(events);
    const count = 1 + Math.floor(rnd() * 6);
    const allowed = rnd() < 0.8 ? ['mobile', 'print_at_home'] : [pick(['mobile', 'print_at_home'] as const)];
    const seatStart = Math.floor(rnd() * 600);
    orders.push({
      number: `${DEMO_ORDER_PREFIX}${100001 + i}`,
      customerName: `${first} ${last}`,
      customerEmail: `${first}.${last}${i}@example.com`.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''),
      customerPhone: null,
      allowsMobile: allowed.includes('mobile'),
      allowsPrint: allowed.includes('print_at_home'),
      checkoutMode: allowed[0] as 'mobile' | 'print_at_home',
      paid: rnd() < 0.95,
      tickets: Array.from({ length: count }, (_, k) => ({ event, seat: seat(event.area, seatStart + k), priceMinor: event.price * 100, currency: 'CHF', holder: null })),
    });
  }
  const group = events[2]!;
  orders.push({
    number: `${DEMO_ORDER_PREFIX}GROUP-5000`,
    customerName: 'Zurich Schools Association',
    customerEmail: 'tickets@schools.example.com',
    customerPhone: null,
    allowsMobile: true,
    allowsPrint: true,
    checkoutMode: 'print_at_home' as const,
    paid: true,
    tickets: Array.from({ length: 5000 }, (_, k) => ({ event: group, seat: `Block ${Math.floor(k / 500) + 1}, seat ${(k % 500) + 1}`, priceMinor: 2500, currency: 'CHF', holder: null })),
  });
  // Checked again inside the transaction: two terminals loading at once load it once.
  const result = await writeAll(repo, orders, now, written, async () => ((await repo.orderNumberTaken(`${DEMO_ORDER_PREFIX}100001`)) ? ALREADY : null));
  return result.ok || result.error.code !== 'CONFLICT' ? result : fail('CONFLICT', ALREADY);
}
