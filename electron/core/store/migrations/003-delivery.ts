import type { Migration } from './registry';

/**
 * Events, orders, tickets, barcode history, print@home documents and gate scans. Lookups stay fast
 * at a million tickets: every search path (order number, customer name prefix, email, barcode) has
 * an index, and no query needs a leading wildcard.
 */
export const m003Delivery: Migration = {
  version: 3,
  name: 'delivery',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        venue TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        time_zone TEXT NOT NULL DEFAULT 'Europe/Zurich',
        UNIQUE (name, venue, starts_at)
      ) STRICT;

      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE COLLATE NOCASE,
        customer_name TEXT NOT NULL COLLATE NOCASE,
        customer_email TEXT NOT NULL COLLATE NOCASE,
        customer_phone TEXT,
        -- What the shop allows and what the customer chose at checkout; until a ticket is issued either allowed mode may still be chosen.
        allows_mobile INTEGER NOT NULL CHECK (allows_mobile IN (0, 1)),
        allows_print INTEGER NOT NULL CHECK (allows_print IN (0, 1)),
        checkout_mode TEXT NOT NULL CHECK (checkout_mode IN ('mobile', 'print_at_home')),
        paid INTEGER NOT NULL CHECK (paid IN (0, 1)),
        created_at INTEGER NOT NULL,
        CHECK (allows_mobile + allows_print > 0)
      ) STRICT;
      CREATE INDEX orders_customer_name ON orders(customer_name);
      CREATE INDEX orders_customer_email ON orders(customer_email);

      CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id),
        position INTEGER NOT NULL,
        event_id INTEGER NOT NULL REFERENCES events(id),
        seat TEXT NOT NULL,
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        currency TEXT NOT NULL DEFAULT 'CHF',
        holder TEXT,
        barcode TEXT NOT NULL UNIQUE,
        -- 1 for the original; each reissue adds one ("Duplicate #generation-1").
        generation INTEGER NOT NULL DEFAULT 1,
        delivery TEXT NOT NULL DEFAULT 'none' CHECK (delivery IN ('none', 'mobile', 'print_at_home')),
        issued_at INTEGER,
        issued_by INTEGER REFERENCES operators(id),
        issued_by_name TEXT,
        issued_terminal TEXT,
        UNIQUE (order_id, position),
        CHECK ((delivery = 'none') = (issued_at IS NULL))
      ) STRICT;
      CREATE INDEX tickets_event ON tickets(event_id);

      -- The print@home PDF of one generation, written in the same transaction as the ticket's state.
      CREATE TABLE ticket_documents (
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        generation INTEGER NOT NULL,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (ticket_id, generation)
      ) STRICT;

      -- Every barcode a ticket ever had; revoked ones stay so the gate can say why they fail.
      CREATE TABLE barcodes (
        barcode TEXT PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        generation INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        revoked_by INTEGER REFERENCES operators(id),
        revoke_reason TEXT
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX barcodes_ticket ON barcodes(ticket_id);

      CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        barcode TEXT NOT NULL,
        ticket_id INTEGER REFERENCES tickets(id),
        event_id INTEGER NOT NULL REFERENCES events(id),
        at INTEGER NOT NULL,
        gate TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        result TEXT NOT NULL CHECK (result IN ('valid', 'alreadyScanned', 'revoked', 'unknown', 'otherEvent', 'unpaid'))
      ) STRICT;
      CREATE INDEX scans_admitted ON scans(barcode) WHERE result = 'valid';
    `);
  },
};
