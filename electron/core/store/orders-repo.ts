/** SQL for events, orders and tickets: lookups, pages, and the compare-and-set writes of delivery. */
import type { DeliveryMode, DeliveryState, EventView, OrderSummary } from '../../../shared/delivery-views';
import type { Db } from './database';

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
});

/** LIKE with the user's text taken literally, for an index-friendly prefix search. */
const likePrefix = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

export class OrdersRepo {
  constructor(private readonly db: Db) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  upsertEvent(event: { name: string; venue: string; startsAt: number; timeZone: string }): number {
    const found = this.db.prepare('SELECT id FROM events WHERE name = ? AND venue = ? AND starts_at = ?').get(event.name, event.venue, event.startsAt) as { id: number } | undefined;
    if (found) return found.id;
    return Number(this.db.prepare('INSERT INTO events (name, venue, starts_at, time_zone) VALUES (?, ?, ?, ?)').run(event.name, event.venue, event.startsAt, event.timeZone).lastInsertRowid);
  }

  orderNumberTaken(number: string): boolean {
    return this.db.prepare('SELECT 1 FROM orders WHERE number = ?').get(number) !== undefined;
  }

  /** Inserts an order and its tickets (and their first barcodes). Call inside a transaction. */
  insertOrder(order: NewOrder, now: number): number {
    const orderId = Number(
      this.db
        .prepare(
          `INSERT INTO orders (number, customer_name, customer_email, customer_phone, allows_mobile, allows_print, checkout_mode, paid, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(order.number, order.customerName, order.customerEmail, order.customerPhone, order.allowsMobile ? 1 : 0, order.allowsPrint ? 1 : 0, order.checkoutMode, order.paid ? 1 : 0, now)
        .lastInsertRowid,
    );
    const ticket = this.db.prepare('INSERT INTO tickets (order_id, position, event_id, seat, price_minor, currency, holder, barcode) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const barcode = this.db.prepare('INSERT INTO barcodes (barcode, ticket_id, generation, created_at) VALUES (?, ?, 1, ?)');
    order.tickets.forEach((t, i) => {
      const ticketId = Number(ticket.run(orderId, i + 1, t.eventId, t.seat, t.priceMinor, t.currency, t.holder, t.barcode).lastInsertRowid);
      barcode.run(t.barcode, ticketId, now);
    });
    return orderId;
  }

  order(id: number): OrderRecord | undefined {
    const row = this.db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
    return row && toOrder(row);
  }

  /**
   * Exact matches (number, barcode, email) first, then customer names starting with the query.
   * Returns up to `end` rows (deduplicated); the caller slices its page.
   */
  search(query: string, end: number): OrderSummary[] {
    const q = query.trim();
    const limit = end;
    const base = `SELECT o.id, o.number, o.customer_name, o.customer_email, o.paid, (SELECT count(*) FROM tickets t WHERE t.order_id = o.id) AS n FROM orders o`;
    type Row = { id: number; number: string; customer_name: string; customer_email: string; paid: number; n: number };
    const rows = [
      ...(this.db.prepare(`${base} WHERE o.number = ?`).all(q) as Row[]),
      ...(this.db.prepare(`${base} WHERE o.id = (SELECT t.order_id FROM barcodes b JOIN tickets t ON t.id = b.ticket_id WHERE b.barcode = ?)`).all(q.replace(/[\s-]/g, '').toUpperCase()) as Row[]),
      ...(q.includes('@') ? (this.db.prepare(`${base} WHERE o.customer_email = ? LIMIT ?`).all(q, limit) as Row[]) : []),
      ...(this.db.prepare(`${base} WHERE o.customer_name LIKE ? ESCAPE '\\' ORDER BY o.customer_name, o.id LIMIT ?`).all(likePrefix(q), limit) as Row[]),
    ];
    const seen = new Set<number>();
    return rows
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r) => ({ id: r.id, number: r.number, customerName: r.customer_name, customerEmail: r.customer_email, paid: r.paid === 1, ticketCount: r.n }));
  }

  ticketCounts(orderId: number): Record<DeliveryState, number> {
    const counts: Record<DeliveryState, number> = { none: 0, mobile: 0, print_at_home: 0 };
    for (const row of this.db.prepare('SELECT delivery, count(*) AS n FROM tickets WHERE order_id = ? GROUP BY delivery').all(orderId) as { delivery: DeliveryState; n: number }[]) counts[row.delivery] = row.n;
    return counts;
  }

  ticketsPage(orderId: number, offset: number, limit: number): TicketRecord[] {
    return (this.db.prepare(`${TICKET_SELECT} WHERE t.order_id = ? ORDER BY t.position LIMIT ? OFFSET ?`).all(orderId, limit, offset) as TicketRow[]).map(toTicket);
  }

  ticket(id: number): TicketRecord | undefined {
    const row = this.db.prepare(`${TICKET_SELECT} WHERE t.id = ?`).get(id) as TicketRow | undefined;
    return row && toTicket(row);
  }

  unissuedTicketIds(orderId: number): number[] {
    return (this.db.prepare("SELECT id FROM tickets WHERE order_id = ? AND delivery = 'none' ORDER BY position").all(orderId) as { id: number }[]).map((r) => r.id);
  }

  /** Compare-and-set: succeeds only for a ticket still free at this generation. */
  claim(ticketId: number, generation: number, mode: DeliveryMode, by: { id: number; name: string; terminal: string }, now: number): boolean {
    return (
      this.db
        .prepare("UPDATE tickets SET delivery = ?, issued_at = ?, issued_by = ?, issued_by_name = ?, issued_terminal = ? WHERE id = ? AND generation = ? AND delivery = 'none'")
        .run(mode, now, by.id, by.name, by.terminal, ticketId, generation).changes === 1
    );
  }

  saveDocument(ticketId: number, generation: number, pdf: Uint8Array, sha256: string, now: number): void {
    this.db.prepare('INSERT INTO ticket_documents (ticket_id, generation, pdf, sha256, created_at) VALUES (?, ?, ?, ?, ?)').run(ticketId, generation, Buffer.from(pdf), sha256, now);
  }

  document(ticketId: number, generation: number): { pdf: Buffer; sha256: string } | undefined {
    return this.db.prepare('SELECT pdf, sha256 FROM ticket_documents WHERE ticket_id = ? AND generation = ?').get(ticketId, generation) as { pdf: Buffer; sha256: string } | undefined;
  }

  /** Revokes the current barcode and gives the ticket a new one, a generation higher, free to deliver again. */
  reissue(ticketId: number, newBarcode: string, by: number, reason: string, now: number): number {
    const t = this.ticket(ticketId)!;
    this.db.prepare('UPDATE barcodes SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE barcode = ?').run(now, by, reason, t.barcode);
    this.db.prepare('INSERT INTO barcodes (barcode, ticket_id, generation, created_at) VALUES (?, ?, ?, ?)').run(newBarcode, ticketId, t.generation + 1, now);
    this.db
      .prepare("UPDATE tickets SET barcode = ?, generation = generation + 1, delivery = 'none', issued_at = NULL, issued_by = NULL, issued_by_name = NULL, issued_terminal = NULL WHERE id = ?")
      .run(newBarcode, ticketId);
    return t.generation + 1;
  }

  events(): EventView[] {
    return (this.db.prepare('SELECT id, name, venue, starts_at, time_zone FROM events ORDER BY starts_at').all() as { id: number; name: string; venue: string; starts_at: number; time_zone: string }[]).map((e) => ({
      id: e.id,
      name: e.name,
      venue: e.venue,
      startsAt: e.starts_at,
      timeZone: e.time_zone,
    }));
  }

  event(id: number): EventView | undefined {
    return this.events().find((e) => e.id === id);
  }
}
