/** SQL for events, orders and tickets: lookups, pages, and the compare-and-set writes of delivery. */
import type { DeliveryMode, DeliveryState, EventView, OrderSummary } from '../../../shared/delivery-views';
import type { Sql } from './sql';
import type { SqlValue } from './engine/types';
import { isLocale, type Locale } from '../../../shared/i18n/locales';
import { nameWords, prefixRange } from '../delivery/search-words';

export interface OrderRecord {
  id: number;
  number: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  allowsMobile: boolean;
  allowsPrint: boolean;
  checkoutMode: DeliveryMode;
  paid: boolean;
  /** The customer's language (her PDFs and text messages); null: the institution's default. */
  language: Locale | null;
}

export interface TicketRecord {
  id: number;
  orderId: number;
  position: number;
  eventId: number;
  eventName: string;
  venue: string;
  startsAt: number;
  timeZone: string;
  seat: string;
  priceMinor: number;
  currency: string;
  holder: string | null;
  barcode: string;
  generation: number;
  delivery: DeliveryState;
  issuedAt: number | null;
  issuedByName: string | null;
  issuedTerminal: string | null;
}

export interface NewOrder {
  number: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  allowsMobile: boolean;
  allowsPrint: boolean;
  checkoutMode: DeliveryMode;
  paid: boolean;
  language?: Locale | null;
  tickets: { eventId: number; seat: string; priceMinor: number; currency: string; holder: string | null; barcode: string }[];
}

const TICKET_SELECT = `SELECT t.*, e.name AS event_name, e.venue, e.starts_at, e.time_zone FROM tickets t JOIN events e ON e.id = t.event_id`;

interface TicketRow {
  id: number;
  order_id: number;
  position: number;
  event_id: number;
  event_name: string;
  venue: string;
  starts_at: number;
  time_zone: string;
  seat: string;
  price_minor: number;
  currency: string;
  holder: string | null;
  barcode: string;
  generation: number;
  delivery: DeliveryState;
  issued_at: number | null;
  issued_by_name: string | null;
  issued_terminal: string | null;
}

const toTicket = (r: TicketRow): TicketRecord => ({
  id: r.id,
  orderId: r.order_id,
  position: r.position,
  eventId: r.event_id,
  eventName: r.event_name,
  venue: r.venue,
  startsAt: r.starts_at,
  timeZone: r.time_zone,
  seat: r.seat,
  priceMinor: r.price_minor,
  currency: r.currency,
  holder: r.holder,
  barcode: r.barcode,
  generation: r.generation,
  delivery: r.delivery,
  issuedAt: r.issued_at,
  issuedByName: r.issued_by_name,
  issuedTerminal: r.issued_terminal,
});

interface OrderRow {
  id: number;
  number: string;
  customer_name: string;
  customer_email: string;
  customer_phone: string | null;
  allows_mobile: number;
  allows_print: number;
  checkout_mode: DeliveryMode;
  paid: number;
  language: string | null;
}

const toOrder = (r: OrderRow): OrderRecord => ({
  id: r.id,
  number: r.number,
  customerName: r.customer_name,
  customerEmail: r.customer_email,
  customerPhone: r.customer_phone,
  allowsMobile: r.allows_mobile === 1,
  allowsPrint: r.allows_print === 1,
  checkoutMode: r.checkout_mode,
  paid: r.paid === 1,
  language: isLocale(r.language) ? r.language : null,
});

interface EventRow {
  id: number;
  name: string;
  venue: string;
  starts_at: number;
  time_zone: string;
}

const toEvent = (e: EventRow): EventView => ({ id: e.id, name: e.name, venue: e.venue, startsAt: e.starts_at, timeZone: e.time_zone });

/** LIKE with the user's text taken literally, for an index-friendly prefix search. */
const likePrefix = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

/**
 * Rows per multi-row INSERT: one round trip for many tickets on PostgreSQL (a 5,000-ticket order is
 * 25 statements, not 10,000), well inside both engines' limits on bound parameters.
 */
const ROWS_PER_INSERT = 200;

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** `(?, ?, …), (?, ?, …)` for `rows` rows of `columns` values. */
const valuesList = (rows: number, columns: number) => {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
};

export class OrdersRepo {
  constructor(private readonly sql: Sql) {}

  /** One transaction (the store's): repository calls inside it, and the audit entry beside them, commit together. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  /** The event's id, creating it if new; two terminals importing the same event at once agree on one row. */
  async upsertEvent(event: { name: string; venue: string; startsAt: number; timeZone: string }): Promise<number> {
    const find = () => this.sql.get<{ id: number }>('SELECT id FROM events WHERE name = ? AND venue = ? AND starts_at = ?', [event.name, event.venue, event.startsAt]);
    const found = await find();
    if (found) return found.id;
    const inserted = await this.sql.get<{ id: number }>(
      'INSERT INTO events (name, venue, starts_at, time_zone) VALUES (?, ?, ?, ?) ON CONFLICT (name, venue, starts_at) DO NOTHING RETURNING id',
      [event.name, event.venue, event.startsAt, event.timeZone],
    );
    return inserted?.id ?? (await find())!.id;
  }

  /** Order numbers are case-insensitive (SQLite: a COLLATE NOCASE column; PostgreSQL: the unique index on lower(number)). */
  async orderNumberTaken(number: string): Promise<boolean> {
    const where = this.sql.kind === 'postgres' ? 'lower(number) = lower(?)' : 'number = ?';
    return (await this.sql.get(`SELECT 1 AS taken FROM orders WHERE ${where}`, [number])) !== undefined;
  }

  /** Inserts an order and its tickets (and their first barcodes), many rows a statement. Call inside a transaction. */
  async insertOrder(order: NewOrder, now: number): Promise<number> {
    const created = await this.sql.get<{ id: number }>(
      `INSERT INTO orders (number, customer_name, customer_email, customer_phone, allows_mobile, allows_print, checkout_mode, paid, created_at, language)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [order.number, order.customerName, order.customerEmail, order.customerPhone, order.allowsMobile ? 1 : 0, order.allowsPrint ? 1 : 0, order.checkoutMode, order.paid ? 1 : 0, now, order.language ?? null],
    );
    const orderId = created!.id;
    const words = nameWords(order.customerName);
    if (words.length) await this.sql.run(`INSERT INTO order_words (word, order_id) VALUES ${valuesList(words.length, 2)}`, words.flatMap((w) => [w, orderId]));
    const numbered = order.tickets.map((t, i) => ({ ...t, position: i + 1 }));
    for (const chunk of chunks(numbered, ROWS_PER_INSERT)) {
      const params: SqlValue[] = [];
      for (const t of chunk) params.push(orderId, t.position, t.eventId, t.seat, t.priceMinor, t.currency, t.holder, t.barcode);
      // RETURNING promises no order on either engine: each id is matched to its ticket by position.
      const rows = await this.sql.all<{ id: number; position: number }>(
        `INSERT INTO tickets (order_id, position, event_id, seat, price_minor, currency, holder, barcode) VALUES ${valuesList(chunk.length, 8)} RETURNING id, position`,
        params,
      );
      const idAt = new Map(rows.map((r) => [r.position, r.id]));
      const barcodes: SqlValue[] = [];
      for (const t of chunk) barcodes.push(t.barcode, idAt.get(t.position)!, 1, now);
      await this.sql.run(`INSERT INTO barcodes (barcode, ticket_id, generation, created_at) VALUES ${valuesList(chunk.length, 4)}`, barcodes);
    }
    return orderId;
  }

  async order(id: number): Promise<OrderRecord | undefined> {
    const row = await this.sql.get<OrderRow>('SELECT * FROM orders WHERE id = ?', [id]);
    return row && toOrder(row);
  }

  /**
   * Exact matches first (order number, ticket barcode, email), then order numbers and emails starting
   * with the query, then customers any word of whose name starts with each word of the query, accents
   * and case aside ("anna mül" finds "Anna Müller"). Returns up to `end` rows (deduplicated); the caller
   * slices its page. Every path is an index lookup on either engine: SQLite's columns are COLLATE NOCASE
   * (so `=` and `LIKE` use their indexes as written); PostgreSQL compares lower(…) with its indexes on
   * lower(number) and lower(…) text_pattern_ops; names go through order_words, a word a row, in byte order.
   */
  async search(query: string, end: number): Promise<OrderSummary[]> {
    const q = query.trim();
    const limit = end;
    const pg = this.sql.kind === 'postgres';
    // The event of the order's first ticket (an order is almost always for one event), its count, and the tickets.
    const base = `SELECT o.id, o.number, o.customer_name, o.customer_email, o.paid,
        (SELECT count(*) FROM tickets t WHERE t.order_id = o.id) AS n,
        (SELECT count(DISTINCT t.event_id) FROM tickets t WHERE t.order_id = o.id) AS events,
        e.id AS event_id, e.name AS event_name, e.venue AS event_venue, e.starts_at AS event_starts_at, e.time_zone AS event_time_zone
      FROM orders o LEFT JOIN events e ON e.id = (SELECT t.event_id FROM tickets t WHERE t.order_id = o.id ORDER BY t.position LIMIT 1)`;
    const like = (column: string) => (pg ? `lower(${column}) LIKE lower(?) ESCAPE '\\'` : `${column} LIKE ? ESCAPE '\\'`);
    const byNumber = await this.sql.all<SearchRow>(`${base} WHERE ${pg ? 'lower(o.number) = lower(?)' : 'o.number = ?'}`, [q]);
    const byBarcode = await this.sql.all<SearchRow>(`${base} WHERE o.id = (SELECT t.order_id FROM barcodes b JOIN tickets t ON t.id = b.ticket_id WHERE b.barcode = ?)`, [q.replace(/[\s-]/g, '').toUpperCase()]);
    // Ordered as the prefix's own index is (PostgreSQL: text_pattern_ops sorts with ~<~), so the limit reads only
    // the first matches; ordered by id, the planner walks the primary key and filters a million rows.
    const inIndexOrder = (column: string) => (pg ? `lower(${column}) USING ~<~, o.id` : `${column}, o.id`);
    const byEmail = q.includes('@') ? await this.sql.all<SearchRow>(`${base} WHERE ${like('o.customer_email')} ORDER BY ${inIndexOrder('o.customer_email')} LIMIT ?`, [likePrefix(q), limit]) : [];
    const byNumberPrefix = /\s/.test(q) ? [] : await this.sql.all<SearchRow>(`${base} WHERE ${like('o.number')} ORDER BY ${inIndexOrder('o.number')} LIMIT ?`, [likePrefix(q), limit]);
    const ids = await this.orderIdsByWords(nameWords(q), limit);
    const rows = ids.length ? await this.sql.all<SearchRow>(`${base} WHERE o.id IN (${ids.map(() => '?').join(', ')})`, ids) : [];
    const byName = ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
    const seen = new Set<number>();
    return [...byNumber, ...byBarcode, ...byEmail, ...byNumberPrefix, ...byName].filter((r) => !seen.has(r.id) && seen.add(r.id)).map(toSummary);
  }

  /**
   * Orders with a name word starting with each query word. The rarest word (fewest index entries, counted
   * up to 1,000) leads, read in index order so a common prefix reads only `limit` entries; every other
   * word is an EXISTS on (order_id, word). Ordered by the leading word, then order id: stable for paging.
   */
  private async orderIdsByWords(words: string[], limit: number): Promise<number[]> {
    if (words.length === 0) return [];
    const sized = await Promise.all(
      words.map(async (word) => ({ word, n: (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM order_words WHERE word >= ? AND word < ? LIMIT 1000) x', prefixRange(word)))!.n })),
    );
    sized.sort((a, b) => Number(a.n) - Number(b.n));
    if (Number(sized[0]!.n) === 0) return [];
    const [lead, ...rest] = sized;
    const also = rest.map(() => ' AND EXISTS (SELECT 1 FROM order_words x WHERE x.order_id = w.order_id AND x.word >= ? AND x.word < ?)').join('');
    // A name may have two words that start with the leading one ("Anna Annabel"): a few more, then one of each.
    const rows = await this.sql.all<{ order_id: number }>(`SELECT w.order_id FROM order_words w WHERE w.word >= ? AND w.word < ?${also} ORDER BY w.word, w.order_id LIMIT ?`, [
      ...prefixRange(lead!.word),
      ...rest.flatMap((r) => prefixRange(r.word)),
      limit * 2,
    ]);
    return [...new Set(rows.map((r) => Number(r.order_id)))].slice(0, limit);
  }

  async ticketCounts(orderId: number): Promise<Record<DeliveryState, number>> {
    const counts: Record<DeliveryState, number> = { none: 0, mobile: 0, print_at_home: 0 };
    const rows = await this.sql.all<{ delivery: DeliveryState; n: number }>('SELECT delivery, count(*) AS n FROM tickets WHERE order_id = ? GROUP BY delivery', [orderId]);
    for (const row of rows) counts[row.delivery] = Number(row.n);
    return counts;
  }

  async ticketsPage(orderId: number, offset: number, limit: number): Promise<TicketRecord[]> {
    return (await this.sql.all<TicketRow>(`${TICKET_SELECT} WHERE t.order_id = ? ORDER BY t.position LIMIT ? OFFSET ?`, [orderId, limit, offset])).map(toTicket);
  }

  async ticket(id: number): Promise<TicketRecord | undefined> {
    const row = await this.sql.get<TicketRow>(`${TICKET_SELECT} WHERE t.id = ?`, [id]);
    return row && toTicket(row);
  }

  /** Several tickets in one query (a job's batch), in no particular order; missing ids are left out. */
  async ticketsByIds(ids: readonly number[]): Promise<TicketRecord[]> {
    if (ids.length === 0) return [];
    return (await this.sql.all<TicketRow>(`${TICKET_SELECT} WHERE t.id IN (${ids.map(() => '?').join(', ')})`, ids)).map(toTicket);
  }

  async unissuedTicketIds(orderId: number): Promise<number[]> {
    return (await this.sql.all<{ id: number }>("SELECT id FROM tickets WHERE order_id = ? AND delivery = 'none' ORDER BY position", [orderId])).map((r) => r.id);
  }

  /**
   * Compare-and-set: succeeds only for a ticket still free at this generation. One statement decides,
   * on either engine: on PostgreSQL a second terminal's UPDATE waits for the first's row lock, then
   * re-checks the condition on the committed row and writes nothing.
   */
  async claim(ticketId: number, generation: number, mode: DeliveryMode, by: { id: number; name: string; terminal: string }, now: number): Promise<boolean> {
    const { changes } = await this.sql.run(
      "UPDATE tickets SET delivery = ?, issued_at = ?, issued_by = ?, issued_by_name = ?, issued_terminal = ? WHERE id = ? AND generation = ? AND delivery = 'none'",
      [mode, now, by.id, by.name, by.terminal, ticketId, generation],
    );
    return changes === 1;
  }

  async saveDocument(ticketId: number, generation: number, pdf: Uint8Array, sha256: string, now: number): Promise<void> {
    await this.sql.run('INSERT INTO ticket_documents (ticket_id, generation, pdf, sha256, created_at) VALUES (?, ?, ?, ?, ?)', [ticketId, generation, Buffer.from(pdf), sha256, now]);
  }

  /** The stored PDF (SQLite BLOB, PostgreSQL BYTEA) as a Buffer. */
  async document(ticketId: number, generation: number): Promise<{ pdf: Buffer; sha256: string } | undefined> {
    const row = await this.sql.get<{ pdf: Uint8Array; sha256: string }>('SELECT pdf, sha256 FROM ticket_documents WHERE ticket_id = ? AND generation = ?', [ticketId, generation]);
    return row && { pdf: Buffer.isBuffer(row.pdf) ? row.pdf : Buffer.from(row.pdf), sha256: row.sha256 };
  }

  /** The ticket's delivery state, read under its row lock (PostgreSQL; SQLite's write transactions are serialised). Call inside a transaction. */
  async lockedDelivery(ticketId: number): Promise<DeliveryState | undefined> {
    const row = await this.sql.get<{ delivery: DeliveryState }>(`SELECT delivery FROM tickets WHERE id = ?${this.sql.kind === 'postgres' ? ' FOR UPDATE' : ''}`, [ticketId]);
    return row?.delivery;
  }

  /**
   * Revokes the ticket's current barcode and gives it a new one, a generation higher, free to deliver
   * again. Call inside a transaction. The ticket row is read under a lock (PostgreSQL: FOR UPDATE;
   * SQLite's write transactions are serialised), so two terminals reissuing at once each revoke the
   * barcode that is current when they run — never leaving two unrevoked barcodes — and a claim or gate
   * admission waits for the reissue to commit. Undefined when the ticket does not exist.
   */
  async reissue(ticketId: number, newBarcode: string, by: number, reason: string, now: number): Promise<{ generation: number; previousState: DeliveryState } | undefined> {
    const current = await this.sql.get<{ barcode: string; generation: number; delivery: DeliveryState }>(
      `SELECT barcode, generation, delivery FROM tickets WHERE id = ?${this.sql.kind === 'postgres' ? ' FOR UPDATE' : ''}`,
      [ticketId],
    );
    if (!current) return undefined;
    const generation = current.generation + 1;
    await this.sql.run('UPDATE barcodes SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE barcode = ? AND revoked_at IS NULL', [now, by, reason, current.barcode]);
    await this.sql.run('INSERT INTO barcodes (barcode, ticket_id, generation, created_at) VALUES (?, ?, ?, ?)', [newBarcode, ticketId, generation, now]);
    await this.sql.run(
      "UPDATE tickets SET barcode = ?, generation = ?, delivery = 'none', issued_at = NULL, issued_by = NULL, issued_by_name = NULL, issued_terminal = NULL WHERE id = ?",
      [newBarcode, generation, ticketId],
    );
    return { generation, previousState: current.delivery };
  }

  async events(): Promise<EventView[]> {
    return (await this.sql.all<EventRow>('SELECT id, name, venue, starts_at, time_zone FROM events ORDER BY starts_at, id')).map(toEvent);
  }

  async event(id: number): Promise<EventView | undefined> {
    const row = await this.sql.get<EventRow>('SELECT id, name, venue, starts_at, time_zone FROM events WHERE id = ?', [id]);
    return row && toEvent(row);
  }
}

interface SearchRow {
  id: number;
  number: string;
  customer_name: string;
  customer_email: string;
  paid: number;
  n: number;
  events: number;
  event_id: number | null;
  event_name: string | null;
  event_venue: string | null;
  event_starts_at: number | null;
  event_time_zone: string | null;
}

const toSummary = (r: SearchRow): OrderSummary => ({
  id: r.id,
  number: r.number,
  customerName: r.customer_name,
  customerEmail: r.customer_email,
  paid: r.paid === 1,
  ticketCount: Number(r.n),
  event: r.event_id === null ? null : { id: r.event_id, name: r.event_name!, venue: r.event_venue!, startsAt: r.event_starts_at!, timeZone: r.event_time_zone! },
  otherEvents: Math.max(0, Number(r.events) - 1),
});
