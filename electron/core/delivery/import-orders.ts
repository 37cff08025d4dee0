/**
 * Order import (docs/IMPORT.md): JSON or CSV, checked row by row with zod. Any failing row stops the
 * whole import, and the error names each row and field; nothing is written unless everything is valid.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportReport } from '../../../shared/delivery-views';
import { text } from '../../../shared/text';
import { issueText } from '../../../shared/validation'; // also installs its messages for fields a row lacks
import { fail, ok, type Result } from '../../../shared/result';
import { isLocale, LOCALES, type Locale } from '../../../shared/i18n/locales';
import { text as local, translateText, type LocalText } from '../../../shared/i18n/translator';
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
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, 'coreData.import.timeZone').default('Europe/Zurich'),
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
  /** The customer's language (her PDFs and text messages): en, fr or de, any case; absent or empty: the institution's. */
  language: z
    .string()
    .trim()
    .transform((l) => l.toLowerCase())
    .refine((l) => l === '' || isLocale(l), { error: 'coreData.import.language', params: { languages: LOCALES.join(', ') } })
    .transform((l): Locale | null => (isLocale(l) ? l : null))
    .nullish(),
});
const fileSchema = z.object({ orders: z.array(z.unknown()).min(1, 'coreData.import.noOrders') });

type OrderInput = z.infer<typeof orderSchema>;
interface RowError {
  /** "order 2" (JSON) or "row 3" (CSV). */
  row: { kind: 'order' | 'row'; n: number };
  field: string;
  message: LocalText | string;
}

/**
 * `locale`: the language of the refusal that lists the wrong rows (the importing admin's); each row's message is
 * in it too, so the list reads as one text.
 */
export function parseImport(format: 'json' | 'csv', content: string, locale: Locale = 'en'): Result<OrderInput[]> {
  const raw = format === 'json' ? fromJson(content, locale) : fromCsv(content);
  if (!raw.ok) return raw;
  const errors: RowError[] = [];
  const orders: OrderInput[] = [];
  const numbers = new Map<string, RowError['row']>();
  raw.value.forEach(({ row, value }) => {
    const parsed = orderSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, field: issue.path.join('.') || '(order)', message: issueText(issue) });
      return;
    }
    if (!parsed.data.allowedModes.includes(parsed.data.checkoutMode)) errors.push({ row, field: 'checkoutMode', message: local('coreData.import.checkoutNotAllowed') });
    const number = parsed.data.number.toLowerCase();
    const first = numbers.get(number);
    if (first) errors.push({ row, field: 'number', message: local('coreData.import.numberRepeated', { firstKind: first.kind, first: String(first.n) }) });
    else numbers.set(number, row);
    orders.push(parsed.data);
  });
  if (errors.length) return fail('VALIDATION', describe(errors, locale), FILE);
  return ok(orders);
}

/**
 * Parses and checks the file (outside any transaction: it is the slow part), then writes every order
 * in one transaction, with `written` (the audit entry) in the same transaction. Order numbers already
 * taken — also by another terminal importing at the same moment — refuse the whole file.
 */
export async function importOrders(repo: OrdersRepo, format: 'json' | 'csv', content: string, now: number, written?: (report: ImportReport) => Promise<void>, locale: Locale = 'en'): Promise<Result<ImportReport>> {
  const parsed = parseImport(format, content, locale);
  if (!parsed.ok) return parsed;
  const orders = parsed.value.map(toNewOrder);
  return writeAll(repo, orders, now, written, async () => {
    const taken: string[] = [];
    for (const o of orders) if (await repo.orderNumberTaken(o.number)) taken.push(o.number);
    return taken.length ? local('coreData.import.numbersTaken', { numbers: taken.slice(0, 10).join(', '), more: Math.max(0, taken.length - 10), moreCount: String(Math.max(0, taken.length - 10)) }) : null;
  });
}

export type OrdersToWrite = (Omit<NewOrder, 'tickets'> & { tickets: (Omit<NewOrder['tickets'][number], 'eventId' | 'barcode'> & { event: { name: string; venue: string; startsAt: number; timeZone: string } })[] })[];

/**
 * One transaction: `refusal` (read inside it) may refuse with CONFLICT; otherwise every order is
 * written and `written` runs. A unique violation (an order number another terminal wrote meanwhile)
 * rolls everything back and is a CONFLICT too.
 */
export async function writeAll(repo: OrdersRepo, orders: OrdersToWrite, now: number, written: ((report: ImportReport) => Promise<void>) | undefined, refusal: () => Promise<LocalText | string | null>): Promise<Result<ImportReport>> {
  try {
    return await repo.transaction(async (): Promise<Result<ImportReport>> => {
      const refused = await refusal();
      if (refused) return fail('CONFLICT', refused);
      const report = await writeOrders(repo, orders, now);
      await written?.(report);
      return ok(report);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('CONFLICT', local('coreData.import.raced'));
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
  language: o.language ?? null,
  tickets: o.tickets.map((t) => ({
    event: { name: t.event.name, venue: t.event.venue, startsAt: Date.parse(t.event.startsAt), timeZone: t.event.timeZone },
    seat: t.seat,
    priceMinor: Math.round(t.price * 100),
    currency: t.currency,
    holder: t.holder || null,
  })),
});

function fromJson(content: string, locale: Locale): Result<{ row: RowError['row']; value: unknown }[]> {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return fail('VALIDATION', local('coreData.import.notJson', { problem: (error as Error).message }), FILE);
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    const issue = file.error.issues[0];
    const problem = !issue ? '' : typeof issueText(issue) === 'string' ? issue.message : translateText(locale, issueText(issue) as LocalText);
    return fail('VALIDATION', local('coreData.import.notOrdersList', { problem }), FILE);
  }
  return ok(file.data.orders.map((value, i) => ({ row: { kind: 'order' as const, n: i + 1 }, value })));
}

const CSV_COLUMNS = ['order_number', 'customer_name', 'customer_email', 'customer_phone', 'allowed_modes', 'checkout_mode', 'paid', 'event_name', 'venue', 'starts_at', 'time_zone', 'seat', 'price', 'currency', 'holder', 'language'] as const;

/** One CSV row per ticket; the rows of an order are grouped by order number and must agree on the order's fields. */
function fromCsv(content: string): Result<{ row: RowError['row']; value: unknown }[]> {
  let records: Record<string, string>[];
  try {
    records = parseCsv(content, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    return fail('VALIDATION', local('coreData.import.csvUnreadable', { problem: (error as Error).message }), FILE);
  }
  if (records.length === 0) return fail('VALIDATION', local('coreData.import.csvEmpty'), FILE);
  const missing = CSV_COLUMNS.filter((c) => !['customer_phone', 'time_zone', 'currency', 'holder', 'language'].includes(c) && !(c in records[0]!));
  if (missing.length) return fail('VALIDATION', local('coreData.import.csvColumnsMissing', { columns: missing.join(', ') }), FILE);
  const byNumber = new Map<string, { row: RowError['row']; value: { [k: string]: unknown; tickets: unknown[] } }>();
  records.forEach((r, i) => {
    const line = { kind: 'row' as const, n: i + 2 }; // row 1 is the header
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
        ...(r.language ? { language: r.language } : {}),
      },
    });
  });
  return ok([...byNumber.values()]);
}

/** The refusal as one text in `locale`: each wrong row (the first eight) with its field and message, and how many more. */
function describe(errors: RowError[], locale: Locale): string {
  const shown = errors.slice(0, 8).map((e) => {
    const message = typeof e.message === 'string' ? e.message : translateText(locale, e.message);
    return translateText(locale, local('coreData.import.rowError', { rowKind: e.row.kind, row: String(e.row.n), field: e.field, message }));
  });
  return translateText(locale, local('coreData.import.refused', { errors: shown.join('; '), more: errors.length - shown.length, moreCount: String(errors.length - shown.length) }));
}
