import type { Migration } from './registry';

/**
 * Cleans free text stored before the contract refused invisible characters (issue 10): NUL and other
 * controls, format characters (bidi overrides, zero-width), line separators and unpaired surrogates go,
 * text becomes NFC. PostgreSQL refuses NUL, so a store must be clean before it can move there.
 * Text left with nothing visible gets a plain stand-in; a clash with a unique value gets " (2)", " (3)" …
 * The audit log is not touched: its entries are chained and MAC'ed, and its details are JSON-escaped.
 * The cleaning rule is written out here, not imported, so this migration never changes once shipped.
 */

const clean = (value: string): string =>
  value
    .replace(/\p{Cs}/gu, '')
    // Breaks and tabs become a space so words do not run together; every other hidden character goes.
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .normalize('NFC')
    .trim();

const hasVisible = (value: string) => /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u.test(value);

interface Column {
  table: string;
  key: string;
  column: string;
  /** SQL on the same row for text left empty; null: the column is nullable and becomes NULL. */
  fallback: string | null;
}

// Order matters where a fallback reads another column: a device's terminal before its label.
const COLUMNS: Column[] = [
  { table: 'operators', key: 'id', column: 'display_name', fallback: 'login' },
  { table: 'trusted_devices', key: 'id', column: 'terminal', fallback: "'Terminal'" },
  { table: 'trusted_devices', key: 'id', column: 'label', fallback: 'terminal' },
  { table: 'events', key: 'id', column: 'name', fallback: "'Event ' || id" },
  { table: 'events', key: 'id', column: 'venue', fallback: "'Venue'" },
  { table: 'events', key: 'id', column: 'time_zone', fallback: "'Europe/Zurich'" },
  { table: 'orders', key: 'id', column: 'number', fallback: "'order-' || id" },
  { table: 'orders', key: 'id', column: 'customer_name', fallback: "'Customer'" },
  { table: 'orders', key: 'id', column: 'customer_email', fallback: "'unknown@invalid'" },
  { table: 'orders', key: 'id', column: 'customer_phone', fallback: null },
  { table: 'tickets', key: 'id', column: 'seat', fallback: "'Seat ' || position" },
  { table: 'tickets', key: 'id', column: 'holder', fallback: null },
  { table: 'tickets', key: 'id', column: 'issued_by_name', fallback: null },
  { table: 'tickets', key: 'id', column: 'issued_terminal', fallback: null },
  { table: 'barcodes', key: 'barcode', column: 'revoke_reason', fallback: "'No reason was recorded.'" },
  { table: 'scans', key: 'id', column: 'gate', fallback: "'Gate'" },
];

export const m006CleanText: Migration = {
  version: 6,
  name: 'clean-text',
  up(db) {
    for (const { table, key, column, fallback } of COLUMNS) {
      // Only text with a character outside printable ASCII can need cleaning; GLOB stops at a NUL, the blob test does not.
      const rows = db
        .prepare(`SELECT ${key} AS k, ${column} AS v, ${fallback ?? 'NULL'} AS f FROM ${table} WHERE ${column} GLOB '*[^ -~]*' OR instr(CAST(${column} AS BLOB), x'00') > 0`)
        .all() as { k: unknown; v: string; f: string | null }[];
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
      for (const row of rows) {
        let next: string | null = clean(row.v);
        if (!hasVisible(next)) next = row.f === null ? null : clean(String(row.f)) || String(row.f);
        if (next === row.v) continue;
        setUnique(update, row.k, next);
      }
    }
    cleanSettings(db);
  },
};

/** A cleaned value may now equal another row's (orders.number, an event's name): number it instead of failing. */
function setUnique(update: { run: (...args: unknown[]) => unknown }, key: unknown, value: string | null): void {
  for (let n = 1; ; n += 1) {
    try {
      update.run(n === 1 || value === null ? value : `${value} (${n})`, key);
      return;
    } catch (error) {
      if (!/UNIQUE/.test(String((error as Error).message)) || n > 1000) throw error;
    }
  }
}

/** Settings are JSON: the institution name (the authenticator issuer) and the SMS account id. */
function cleanSettings(db: Parameters<Migration['up']>[0]): void {
  const read = (key: string) => db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  const write = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
  const name = read('institution.name');
  if (name) {
    const value = JSON.parse(name.value) as unknown;
    const cleaned = typeof value === 'string' ? clean(value) : '';
    // Nothing visible left: the default name applies again.
    if (!hasVisible(cleaned)) db.prepare("DELETE FROM settings WHERE key = 'institution.name'").run();
    else if (cleaned !== value) write.run(JSON.stringify(cleaned), 'institution.name');
  }
  const gateway = read('institution.smsGateway');
  if (gateway) {
    const value = JSON.parse(gateway.value) as { accountSid?: unknown };
    // Only the hidden characters go; an id with / or : stays visible in settings, and the gateway refuses to use it.
    if (typeof value.accountSid === 'string' && clean(value.accountSid) !== value.accountSid) write.run(JSON.stringify({ ...value, accountSid: clean(value.accountSid) }), 'institution.smsGateway');
  }
}
