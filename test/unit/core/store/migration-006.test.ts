import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';

const before = MIGRATIONS.filter((m) => m.version < 6);
const upTo6 = MIGRATIONS.filter((m) => m.version <= 6);

describe('migration 6 (clean stored text)', () => {
  it('is registered once, after 5, with versions unique and ascending', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions).toContain(6);
  });

  it('removes NUL, bidi overrides, zero-width characters and lone surrogates; normalises to NFC; keeps clean text as it was', () => {
    const db = new Database(':memory:');
    migrate(db, before);
    const op = (login: string, name: string) => db.prepare("INSERT INTO operators (login, display_name, password_hash, password_changed_at, created_at) VALUES (?, ?, 'h', 0, 0)").run(login, name).lastInsertRowid;
    const anna = op('anna', 'Anna\u0000 Admin');
    const zed = op('zed', '\u200b\u200b\u200b');
    const cafe = op('cafe', 'Cafe\u0301 Crème');
    const plain = op('plain', 'Plain Name');
    // Dirty values are bound, never spliced into SQL: SQLite's parser stops at a NUL.
    const event = db.prepare('INSERT INTO events (id, name, venue, starts_at) VALUES (?, ?, ?, 0)');
    event.run(1, 'Opera\u202e', 'Hall');
    event.run(2, 'Opera', 'Hall');
    const order = db.prepare("INSERT INTO orders (id, number, customer_name, customer_email, customer_phone, allows_mobile, allows_print, checkout_mode, paid, created_at) VALUES (?, ?, ?, 'c@example.com', ?, 1, 1, 'mobile', 1, 0)");
    order.run(1, 'SO-1\u200b', 'Clara\u0000', '\u0000');
    order.run(2, 'SO-1', 'Bob', null);
    const ticket = db.prepare('INSERT INTO tickets (id, order_id, position, event_id, seat, price_minor, holder, barcode) VALUES (?, ?, 1, ?, ?, 100, ?, ?)');
    ticket.run(1, 1, 1, 'A\u00001', '\u2066\u2069', 'B1');
    ticket.run(2, 2, 2, 'B2', 'Ann', 'B2');
    const barcode = db.prepare('INSERT INTO barcodes (barcode, ticket_id, generation, created_at, revoked_at, revoked_by, revoke_reason) VALUES (?, ?, 1, 0, 1, ?, ?)');
    barcode.run('OLD1', 1, anna, '\u0000\u0000\u0000');
    barcode.run('OLD2', 2, anna, 'Lost\u200b ticket');
    db.prepare("INSERT INTO trusted_devices (operator_id, token_hash, label, terminal, created_at, expires_at) VALUES (?, 'h1', ?, ?, 0, 1)").run(anna, '\ufeff', 'Desk\u00001');
    db.prepare("INSERT INTO settings (key, value) VALUES ('institution.name', ?), ('institution.smsGateway', ?)").run(JSON.stringify('Opera \u202eesuoH'), JSON.stringify({ kind: 'http', baseUrl: 'https://x', accountSid: 'AC1\u0000', from: '+41790000000' }));

    migrate(db, upTo6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const name = (id: number | bigint) => (db.prepare('SELECT display_name FROM operators WHERE id = ?').get(id) as { display_name: string }).display_name;
    expect(name(anna)).toBe('Anna Admin');
    expect(name(zed)).toBe('zed'); // nothing visible: the login stands in
    expect(name(cafe)).toBe('Café Crème');
    expect(name(plain)).toBe('Plain Name');
    expect(db.prepare('SELECT name FROM events ORDER BY id').all()).toEqual([{ name: 'Opera (2)' }, { name: 'Opera' }]);
    expect(db.prepare('SELECT number, customer_name, customer_phone FROM orders ORDER BY id').all()).toEqual([
      { number: 'SO-1 (2)', customer_name: 'Clara', customer_phone: null },
      { number: 'SO-1', customer_name: 'Bob', customer_phone: null },
    ]);
    expect(db.prepare('SELECT seat, holder FROM tickets ORDER BY id').all()).toEqual([{ seat: 'A1', holder: null }, { seat: 'B2', holder: 'Ann' }]);
    expect(db.prepare('SELECT revoke_reason FROM barcodes ORDER BY barcode').all()).toEqual([{ revoke_reason: 'No reason was recorded.' }, { revoke_reason: 'Lost ticket' }]);
    expect(db.prepare('SELECT label, terminal FROM trusted_devices').get()).toEqual({ label: 'Desk1', terminal: 'Desk1' });
    expect(JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'institution.name'").get() as { value: string }).value)).toBe('Opera esuoH');
    expect(JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'institution.smsGateway'").get() as { value: string }).value).accountSid).toBe('AC1');
    // No NUL is left anywhere in the cleaned tables.
    for (const [table, column] of [['operators', 'display_name'], ['orders', 'customer_name'], ['tickets', 'seat'], ['barcodes', 'revoke_reason']] as const) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE instr(CAST(${column} AS BLOB), x'00') > 0`).get(), table).toEqual({ n: 0 });
    }
    db.close();
  });

  it('drops an institution name with nothing visible, so the default applies', () => {
    const db = new Database(':memory:');
    migrate(db, before);
    db.prepare("INSERT INTO settings (key, value) VALUES ('institution.name', ?)").run(JSON.stringify('\u0000\u200b'));
    migrate(db, upTo6);
    expect(db.prepare("SELECT * FROM settings WHERE key = 'institution.name'").get()).toBeUndefined();
    db.close();
  });
});
