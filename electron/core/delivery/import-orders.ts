/**
 * Order import (docs/IMPORT.md): JSON or CSV, checked row by row with zod. Any failing row stops the
 * whole import, and the error names each row and field; nothing is written unless everything is valid.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportReport } from '../../../shared/delivery-views';
import { text } from '../../../shared/text';
import '../../../shared/validation'; // its messages for fields a row lacks
import { fail, ok, type Result } from '../../../shared/result';
import type { NewOrder, OrdersRepo } from '../store/orders-repo';
import { isUniqueViolation } from '../store/engine/errors';
import { newBarcode } from './barcode';

/** Every import error is about the file the person chose (the channel's `content`). */
const FILE = { field: 'content' } as const;
const mode = z.enum(['mobile', 'print_at_home']);
/** A zone Intl knows (so dates print), not free text. Valid ones are remembered: a file repeats a few zones thousands of times. */
const knownZones = new Set<string>();
const isTimeZone = (zone: string) => {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
};
// Free text goes through the contract's text schema: the same refusal of hidden characters as every channel.
const eventSchema = z.object({
  name: text({ max: 200 }),
  venue: text({ max: 200 }),
  startsAt: z.iso.datetime({ offset: true }),
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, 'Use an IANA time zone such as Europe/Zurich.').default('Europe/Zurich'),
});
const ticketSchema = z.object({
  event: eventSchema,
  seat: text({ max: 120 }),
  price: z.number().min(0).max(100_000),
  currency: z.string().regex(/^[A-Z]{3}$/).default('CHF'),
  holder: text({ min: 0, max: 200 }).nullish(),
});
const orderSchema = z.object({
  number: text({ max: 64 }),
  customer: z.object({ name: text({ max: 200 }), email: z.email(), phone: text({ min: 0, max: 32 }).nullish() }),
  allowedModes: z.array(mode).min(1).max(2),
  checkoutMode: mode,
  paid: z.boolean(),
  tickets: z.array(ticketSchema).min(1).max(20_000),
});
const fileSchema = z.object({ orders: z.array(z.unknown()).min(1, 'The file has no orders.') });

type OrderInput = z.infer<typeof orderSchema>;
interface RowError {
  row: string;
  field: string;
  message: string;
}

export function parseImport(format: 'json' | 'csv', content: string): Result<OrderInput[]> {
  const raw = format === 'json' ? fromJson(content) : fromCsv(content);
  if (!raw.ok) return raw;
  const errors: RowError[] = [];
  const orders: OrderInput[] = [];
  const numbers = new Map<string, string>();
  raw.value.forEach(({ row, value }) => {
    const parsed = orderSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, field: issue.path.join('.') || '(order)', message: issue.message });
      return;
    }
    if (!parsed.data.allowedModes.includes(parsed.data.checkoutMode)) errors.push({ row, field: 'checkoutMode', message: 'The mode chosen at checkout must be one the shop allows.' });
    const number = parsed.data.number.toLowerCase();
    if (numbers.has(number)) errors.push({ row, field: 'number', message: `Order number repeated (first at ${numbers.get(number)}).` });
    else numbers.set(number, row);
    orders.push(parsed.data);
  });
  if (errors.length) return fail('VALIDATION', describe(errors), FILE);
  return ok(orders);
}

/**
 * Parses and checks the file (outside any transaction: it is the slow part), then writes every order
 * in one transaction, with `written` (the audit entry) in the same transaction. Order numbers already
 * taken — also by another terminal importing at the same moment — refuse the whole file.
 */
export async function importOrders(repo: OrdersRepo, format: 'json' | 'csv', content: string, now: number, written?: (report: ImportReport) => Promise<void>): Promise<Result<ImportReport>> {
  const parsed = parseImport(format, content);
  if (!parsed.ok) return parsed;
  const orders = parsed.value.map(toNewOrder);
  return writeAll(repo, orders, now, written, async () => {
    const taken: string[] = [];
    for (const o of orders) if (await repo.orderNumberTaken(o.number)) taken.push(o.number);
    return taken.length ? `Nothing was imported: these order numbers exist already: ${taken.slice(0, 10).join(', ')}${taken.length > 10 ? ` and ${taken.length - 10} more` : ''}.` : null;
  });
}

export type OrdersToWrite = (Omit<NewOrder, 'tickets'> & { tickets: (Omit<NewOrder['tickets'][number], 'eventId' | 'barcode'> & { event: { name: string; venue: string; startsAt: number; timeZone: string } })[] })[];

/**
 * One transaction: `refusal` (read inside it) may refuse with CONFLICT; otherwise every order is
 * written and `written` runs. A unique violation (an order number another terminal wrote meanwhile)
 * rolls everything back and is a CONFLICT too.
 */
export async function writeAll(repo: OrdersRepo, orders: OrdersToWrite, now: number, written: ((report: ImportReport) => Promise<void>) | undefined, refusal: () => Promise<string | null>): Promise<Result<ImportReport>> {
  try {
    return await repo.transaction(async (): Promise<Result<ImportReport>> => {
      const refused = await refusal();
      if (refused) return fail('CONFLICT', refused);
      const report = await writeOrders(repo, orders, now);
      await written?.(report);
      return ok(report);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('CONFLICT', 'Nothing was imported: another terminal imported some of these order numbers at the same moment. Search for them, then import the rest again.');
    throw error;
  }
}

/** Writes validated orders; events are matched by name, venue and start. Call inside a transaction. */
export async function writeOrders(repo: OrdersRepo, orders: OrdersToWrite, now: number): Promise<ImportReport> {
  const events = new Map<string, number>();
  let tickets = 0;
  for (const order of orders) {
    const withEvents: NewOrder['tickets'] = [];
    for (const t of order.tickets) {
      const key = `${t.event.name}\u0000${t.event.venue}\u0000${t.event.startsAt}`;
      let eventId = events.get(key);
      if (eventId === undefined) events.set(key, (eventId = await repo.upsertEvent(t.event)));
      withEvents.push({ eventId, seat: t.seat, priceMinor: t.priceMinor, currency: t.currency, holder: t.holder, barcode: newBarcode() });
    }
    await repo.insertOrder({ ...order, tickets: withEvents }, now);
    tickets += order.tickets.length;
  }
  return { events: events.size, orders: orders.length, tickets };
}

const toNewOrder = (o: OrderInput) => ({
  number: o.number,
  customerName: o.customer.name,
  customerEmail: o.customer.email,
  customerPhone: o.customer.phone || null,
  allowsMobile: o.allowedModes.includes('mobile'),
  allowsPrint: o.allowedModes.includes('print_at_home'),
  checkoutMode: o.checkoutMode,
  paid: o.paid,
  tickets: o.tickets.map((t) => ({
    event: { name: t.event.name, venue: t.event.venue, startsAt: Date.parse(t.event.startsAt), timeZone: t.event.timeZone },
    seat: t.seat,
    priceMinor: Math.round(t.price * 100),
    currency: t.currency,
    holder: t.holder || null,
  })),
});

function fromJson(content: string): Result<{ row: string; value: unknown }[]> {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return fail('VALIDATION', `The file is not valid JSON (${(error as Error).message}). Nothing was imported.`, FILE);
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) return fail('VALIDATION', `The file must be an object with an "orders" list (${file.error.issues[0]?.message}). Nothing was imported.`, FILE);
  return ok(file.data.orders.map((value, i) => ({ row: `order ${i + 1}`, value })));
}

const CSV_COLUMNS = ['order_number', 'customer_name', 'customer_email', 'customer_phone', 'allowed_modes', 'checkout_mode', 'paid', 'event_name', 'venue', 'starts_at', 'time_zone', 'seat', 'price', 'currency', 'holder'] as const;

/** One CSV row per ticket; the rows of an order are grouped by order number and must agree on the order's fields. */
function fromCsv(content: string): Result<{ row: string; value: unknown }[]> {
  let records: Record<string, string>[];
  try {
    records = parseCsv(content, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    return fail('VALIDATION', `The CSV file cannot be read (${(error as Error).message}). Nothing was imported.`, FILE);
  }
  if (records.length === 0) return fail('VALIDATION', 'The CSV file has no rows. Nothing was imported.', FILE);
  const missing = CSV_COLUMNS.filter((c) => !['customer_phone', 'time_zone', 'currency', 'holder'].includes(c) && !(c in records[0]!));
  if (missing.length) return fail('VALIDATION', `The CSV file lacks the column(s) ${missing.join(', ')} (see docs/IMPORT.md). Nothing was imported.`, FILE);
  const byNumber = new Map<string, { row: string; value: { [k: string]: unknown; tickets: unknown[] } }>();
  records.forEach((r, i) => {
    const line = `row ${i + 2}`; // row 1 is the header
    const price = Number(r.price);
    const ticket = {
      event: { name: r.event_name, venue: r.venue, startsAt: r.starts_at, ...(r.time_zone ? { timeZone: r.time_zone } : {}) },
      seat: r.seat,
      price: r.price === '' || Number.isNaN(price) ? r.price : price,
      ...(r.currency ? { currency: r.currency } : {}),
      holder: r.holder || null,
    };
    const existing = byNumber.get(r.order_number ?? '');
    if (existing) {
      existing.value.tickets.push(ticket);
      return;
    }
    byNumber.set(r.order_number ?? '', {
      row: line,
      value: {
        number: r.order_number,
        customer: { name: r.customer_name, email: r.customer_email, phone: r.customer_phone || null },
        allowedModes: (r.allowed_modes ?? '').split('|').map((m) => m.trim()).filter(Boolean),
        checkoutMode: r.checkout_mode,
        paid: r.paid === 'true' || r.paid === 'yes' || r.paid === '1' ? true : r.paid === 'false' || r.paid === 'no' || r.paid === '0' ? false : r.paid,
        tickets: [ticket],
      },
    });
  });
  return ok([...byNumber.values()]);
}

function describe(errors: RowError[]): string {
  const shown = errors.slice(0, 8).map((e) => `${e.row}, ${e.field}: ${e.message}`);
  const more = errors.length > shown.length ? ` … and ${errors.length - shown.length} more.` : '';
  return `Nothing was imported. Fix these and import again — ${shown.join('; ')}${more}`;
}
