/**
 * `npm run store:password -- postgres://user@host/db` — stores a venue database password in this
 * computer's keychain (asked without echo, or read from standard input), where the app finds it.
 * `npm run store:copy -- --to postgres://owner@host/db [--data-dir DIR] [--terminal-name NAME] [--kind desk|gate]`
 * — copies this computer's SQLite store into an empty PostgreSQL database (as its owner, who needs
 * CREATEROLE), checks the counts and that the audit log still verifies, and joins this computer as the
 * venue's first terminal (the target may instead come from BOX_OFFICE_DATABASE_URL, password included,
 * for scripts).
 */
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/app';
import { openDatabase, DATABASE_FILE } from '../../electron/core/store/database';
import { copyToPostgres } from '../../electron/core/store/copy-to-postgres';
import { poolConfig, redactedUrl } from '../../electron/core/store/engine/postgres-config';
import { databasePasswordAccount, openStore } from '../../electron/core/store/open-store';
import { osKeychain } from '../../electron/core/vault/keychain';
import type { PostgresEngine } from '../../electron/core/store/engine/postgres-engine';
import { writeVenueConfig } from '../../electron/core/venue/venue-config';
import { joinAsOwner } from '../../electron/core/venue/venue-setup';
import { defaultDataDir } from '../../electron/web/default-data-dir';
import { readSecret } from '../read-secret.mjs';

const [command, ...args] = process.argv.slice(2);
const option = (name: string) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(name.length + 1) : args[i + 1];
};

async function password(): Promise<void> {
  const url = args.find((a) => /^postgres(ql)?:\/\//.test(a));
  if (!url) throw new Error('Name the database: npm run store:password -- postgres://user@host/database');
  if (poolConfig(url).password) throw new Error('Give the URL without its password; the password is asked for.');
  const secret = await readSecret(`Password of ${redactedUrl(url)}: `);
  if (!secret) throw new Error('No password given; nothing stored.');
  await osKeychain().set(databasePasswordAccount(url), secret);
  const store = await openStore({ dataDir: '', databaseUrl: url }, () => osKeychain()).catch((error: Error) => error);
  if (store instanceof Error) console.error(`Stored in the keychain, but the database does not accept it yet: ${store.message}`);
  else {
    await store.close();
    console.log(`Stored in the keychain; ${redactedUrl(url)} accepts it.`);
  }
}

async function copy(): Promise<void> {
  // As for the app: a password on the command line would show in the process list.
  const given = option('--to');
  if (given && poolConfig(given).password) throw new Error('Give --to without a password: store it with `npm run store:password -- <url>` first, or pass the whole URL in BOX_OFFICE_DATABASE_URL.');
  const to = given ?? process.env.BOX_OFFICE_DATABASE_URL;
  if (!to) throw new Error('Name the target: npm run store:copy -- --to postgres://user@host/database');
  const dataDir = path.resolve(option('--data-dir') ?? process.env.BOX_OFFICE_DATA_DIR ?? defaultDataDir());
  const source = openDatabase(path.join(dataDir, DATABASE_FILE));
  const target = await openStore({ dataDir, databaseUrl: to }, () => osKeychain());
  try {
    const report = await copyToPostgres(source, target.sql.engine, (table, rows) => console.log(`  ${table}: ${rows} rows`));
    console.log(`Copied ${report.totalRows} rows from ${dataDir} to ${target.location}.`);
  } finally {
    source.close();
    await target.close();
  }
  // The copied log must verify there with this computer's keys: the proof nothing was lost on the way.
  const core = await createCore({ dataDir, databaseUrl: to, shell: 'web', kiosk: false });
  try {
    const verdict = await core.internals.audit.check();
    if (verdict.firstBrokenId !== null) throw new Error(`The copied audit log does not verify (entry #${verdict.firstBrokenId}). Do not use the copy.`);
    console.log(`The audit log verifies: ${verdict.checked} entries.`);
    // This computer becomes the venue's first terminal, with a login of its own (the owner's is not kept).
    const name = option('--terminal-name') ?? os.hostname();
    const kind = option('--kind') ?? 'desk';
    if (kind !== 'desk' && kind !== 'gate') throw new Error(`--kind is desk or gate, not ${kind}.`);
    const joined = await joinAsOwner(core.internals.sql.engine as PostgresEngine, core.internals.vault, { databaseUrl: to, terminalName: name, kind }, osKeychain());
    if (!joined.ok) throw new Error(joined.error.message);
    await core.internals.audit.append({ kind: 'venue.created', detail: { terminal: name, kind, from: 'store:copy' } });
    await core.internals.audit.settled();
    writeVenueConfig(dataDir, joined.value);
    console.log(`This computer is now the venue's first terminal, "${name}". Start it as usual (npm start); add the other desks and gates from Admin → Terminals (docs/VENUE.md).`);
  } finally {
    await core.close();
  }
}

const commands: Record<string, () => Promise<void>> = { password, copy };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error('Usage: npm run store:password -- postgres://user@host/db | npm run store:copy -- --to postgres://owner@host/db [--data-dir DIR] [--terminal-name NAME] [--kind desk|gate]');
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
