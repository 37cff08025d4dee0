/**
 * Creating a venue and joining one: the two things a fresh terminal (no account yet) may do before it
 * has a database login of its own.
 *
 * Create: with the database owner's credentials (used for this call only, never kept) the empty
 * database gets the schema and the venue's roles and functions; this terminal makes the venue key and
 * joins as the first terminal through the same functions any other will use.
 * Join: as the venue's joining role (which can only call bo_join), with a code an admin made; the
 * terminal receives its own role and the wrapped venue key, and keeps both in its keychain.
 */
import { text } from '../../../shared/i18n/translator';
import crypto from 'node:crypto';
import pg from 'pg';
import { fail, ok, type Result } from '../../../shared/result';
import type { TerminalKind, VenueMembership } from '../../../shared/venue-views';
import { AuditLog } from '../audit/audit-log';
import { StoreError } from '../store/database';
import { DatabaseUrlError, poolConfig, redactedUrl } from '../store/engine/postgres-config';
import { PostgresEngine } from '../store/engine/postgres-engine';
import { isConnectionFailure, isCredentialRefused, isUniqueViolation } from '../store/engine/errors';
import { JOIN_ROLE_PASSWORD } from '../store/migrations/venue-postgres';
import { databasePasswordAccount } from '../store/open-store';
import { migratePostgres } from '../store/postgres-migrate';
import { SettingsRepo } from '../store/settings-repo';
import { Sql } from '../store/sql';
import type { Clock } from '../types';
import type { Keychain } from '../vault/keychain';
import { Vault } from '../vault/vault';
import { joinCodeHandle, joinCodeHash, newDatabasePassword, newJoinCode, scramVerifier, unwrapVenueKey, type VenueKey } from './join-code';
import { joinRoleName, withUser, writeVenueConfig, type VenueConfig } from './venue-config';
import { KeyFileError, openVenueKey } from './venue-key-file';

export interface SetupDeps {
  dataDir: string;
  keychain: Keychain;
  clock: Clock;
}

const membership = (config: VenueConfig): VenueMembership => ({ mode: 'venue', terminal: config.terminal });

function configFor(url: string, password: string) {
  try {
    return poolConfig(url, { password, applicationName: 'box-office-setup' });
  } catch (error) {
    if (error instanceof DatabaseUrlError) return error;
    throw error;
  }
}

const isRefusedLogin = isCredentialRefused;

/** Anything else on the way in — unreachable, TLS refused, a name that does not resolve — said with the server's words. */
function unreachable(url: string, error: unknown): Result<never> {
  return fail('STORE_UNAVAILABLE', text('coreData.venue.unreachable', { address: redactedUrl(url), reached: isConnectionFailure(error) ? 'no' : 'yes', problem: (error as Error).message }));
}

/** Setup and upgrade may run long statements (a schema's back-fill): not the terminals' 5-second limit. */
export const SETUP_STATEMENT_TIMEOUT_MS = 10 * 60_000;

export async function createVenue(input: { databaseUrl: string; ownerPassword: string; terminalName: string; kind: TerminalKind }, deps: SetupDeps): Promise<Result<VenueMembership>> {
  const config = configFor(input.databaseUrl, input.ownerPassword);
  if (config instanceof DatabaseUrlError) return fail('VALIDATION', config.text, { field: 'databaseUrl' });
  if (!config.user) return fail('VALIDATION', text('coreData.venue.ownerInAddress'), { field: 'databaseUrl' });
  const engine = new PostgresEngine(new pg.Pool({ ...config, max: 2, statement_timeout: SETUP_STATEMENT_TIMEOUT_MS }));
  try {
    try {
      const tables = await engine.get<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()");
      if ((tables?.n ?? 0) > 0) {
        const isVenue = await engine.get<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
        return fail('CONFLICT', text(isVenue?.t ? 'coreData.venue.alreadyVenue' : 'coreData.venue.otherTables'));
      }
    } catch (error) {
      if (isRefusedLogin(error)) return fail('AUTH_INVALID', text('coreData.venue.ownerRefused'), { field: 'ownerPassword' });
      return unreachable(input.databaseUrl, error);
    }
    try {
      await migratePostgres(engine);
    } catch (error) {
      if (error instanceof StoreError) return fail('STORE_UNAVAILABLE', error.text ?? error.message);
      if (String((error as { code?: unknown }).code) === '42501') return fail('STORE_UNAVAILABLE', text('coreData.venue.noCreateRole', { problem: (error as Error).message }));
      throw error;
    }
    const sql = new Sql(engine);
    const settings = new SettingsRepo(sql);
    const installationId = await settings.setOnce('installation.id', crypto.randomUUID());
    const vault = await Vault.open(deps.keychain, installationId, false, { venue: true });
    await settings.setOnce('vault.keyCheck', vault.keyCheck());
    await settings.set('vault.keyCreated', true);
    const joined = await joinAsOwner(engine, vault, input, deps.keychain);
    if (!joined.ok) return joined;
    const audit = new AuditLog(sql, deps.clock, input.terminalName, vault);
    await audit.append({ kind: 'venue.created', detail: { terminal: input.terminalName, kind: input.kind } });
    // The log's anchor goes into this keychain before the owner's connection closes.
    await audit.settled();
    writeVenueConfig(deps.dataDir, joined.value);
    return ok(membership(joined.value));
  } finally {
    await engine.close().catch(() => undefined);
  }
}

/**
 * Disaster recovery: every terminal of the venue is lost (or revoked), but the admin kept the venue key
 * file and knows the database owner's credentials. The key must be the one the venue's data is sealed
 * with (its keyed check in the store); this terminal then joins as any new one, through bo_join.
 */
export async function recoverVenue(
  input: { databaseUrl: string; ownerPassword: string; keyFile: string; passphrase: string; terminalName: string; kind: TerminalKind },
  deps: SetupDeps,
): Promise<Result<VenueMembership>> {
  let key;
  try {
    key = await openVenueKey(input.keyFile, input.passphrase);
  } catch (error) {
    if (error instanceof KeyFileError) return fail('VALIDATION', error.text, { field: error.text.key === 'coreData.venue.wrongPassphrase' ? 'passphrase' : 'keyFile' });
    throw error;
  }
  const config = configFor(input.databaseUrl, input.ownerPassword);
  if (config instanceof DatabaseUrlError) return fail('VALIDATION', config.text, { field: 'databaseUrl' });
  if (!config.user) return fail('VALIDATION', text('coreData.venue.ownerInAddress'), { field: 'databaseUrl' });
  const engine = new PostgresEngine(new pg.Pool({ ...config, max: 2, statement_timeout: SETUP_STATEMENT_TIMEOUT_MS }));
  try {
    return await recoverWith(engine, key, input, deps);
  } catch (error) {
    if (error instanceof StoreError) return fail('STORE_UNAVAILABLE', error.text ?? error.message);
    return unreachable(input.databaseUrl, error);
  } finally {
    await engine.close().catch(() => undefined);
  }
}

async function recoverWith(
  engine: PostgresEngine,
  key: VenueKey,
  input: { databaseUrl: string; terminalName: string; kind: TerminalKind },
  deps: SetupDeps,
): Promise<Result<VenueMembership>> {
  let installationId: string | undefined;
  try {
    const isVenue = await engine.get<{ t: string | null }>("SELECT to_regclass('terminals')::text AS t");
    if (!isVenue?.t) return fail('CONFLICT', text('coreData.venue.notAVenueDatabase'));
    installationId = await new SettingsRepo(new Sql(engine)).get<string>('installation.id');
  } catch (error) {
    if (isRefusedLogin(error)) return fail('AUTH_INVALID', text('coreData.venue.ownerRefused'), { field: 'ownerPassword' });
    return unreachable(input.databaseUrl, error);
  }
  if (installationId !== key.installationId) return fail('CONFLICT', text('coreData.venue.otherVenueKey'), { field: 'keyFile' });
  await migratePostgres(engine);
  const sql = new Sql(engine);
  // Checked against the store's keyed check before this keychain holds it: a wrong key is never kept.
  const vault = await Vault.open(heldKeychain(deps.keychain, key), key.installationId, true, { venue: true });
  if ((await new SettingsRepo(sql).get<string>('vault.keyCheck')) !== vault.keyCheck()) return fail('CONFLICT', text('coreData.venue.wrongKey'), { field: 'keyFile' });
  await Vault.storeVenueKey(deps.keychain, key.installationId, key.masterKey);
  const joined = await joinAsOwner(engine, vault, input, deps.keychain);
  if (!joined.ok) return joined;
  const audit = new AuditLog(sql, deps.clock, input.terminalName, vault);
  await audit.append({ kind: 'venue.recovered', detail: { terminal: input.terminalName, kind: input.kind } });
  await audit.settled();
  writeVenueConfig(deps.dataDir, joined.value);
  return ok(membership(joined.value));
}

/** The keychain as it would be with the venue key in it, without writing it there yet. */
function heldKeychain(keychain: Keychain, key: VenueKey): Keychain {
  const account = `${key.installationId}:master-key`;
  return {
    get: async (name) => (name === account ? key.masterKey : keychain.get(name)),
    set: (name, secret) => keychain.set(name, secret),
    delete: (name) => keychain.delete(name),
  };
}

/** The owner's own join: a code made and used at once, through the same functions any terminal uses. */
export async function joinAsOwner(engine: PostgresEngine, vault: Vault, input: { databaseUrl: string; terminalName: string; kind: TerminalKind }, keychain: Keychain): Promise<Result<VenueConfig>> {
  const code = newJoinCode();
  const hash = joinCodeHash(code);
  await engine.get('SELECT bo_create_join_code(?, ?, ?, ?, ?, ?) AS expires_at', [joinCodeHandle(code), hash, vault.wrapForJoin(code), input.terminalName, input.kind, null]);
  return callJoin(engine, code, keychain, input.databaseUrl);
}

export async function joinVenue(input: { databaseUrl: string; code: string }, deps: SetupDeps): Promise<Result<VenueMembership>> {
  const database = configFor(input.databaseUrl, JOIN_ROLE_PASSWORD);
  if (database instanceof DatabaseUrlError) return fail('VALIDATION', database.text, { field: 'databaseUrl' });
  const joinUrl = withUser(input.databaseUrl, joinRoleName(database.database!));
  const engine = new PostgresEngine(new pg.Pool({ ...poolConfig(joinUrl, { password: JOIN_ROLE_PASSWORD, applicationName: 'box-office-join' }), max: 1 }));
  try {
    const joined = await callJoin(engine, input.code, deps.keychain, input.databaseUrl);
    if (!joined.ok) return joined;
    writeVenueConfig(deps.dataDir, joined.value);
    return ok(membership(joined.value));
  } catch (error) {
    if (isRefusedLogin(error)) return fail('JOIN_REFUSED', text('coreData.venue.noJoiningLogin'), { field: 'databaseUrl' });
    return unreachable(input.databaseUrl, error);
  } finally {
    await engine.close().catch(() => undefined);
  }
}

const REFUSALS: Record<string, Result<never>> = {
  wrong: fail('JOIN_REFUSED', text('coreData.venue.codeWrong'), { field: 'code' }),
  used: fail('JOIN_REFUSED', text('coreData.venue.codeUsed'), { field: 'code' }),
  expired: fail('JOIN_REFUSED', text('coreData.venue.codeExpired'), { field: 'code' }),
};

/** bo_join with the code's hash and a new password's verifier; the key and the password go to this keychain. */
async function callJoin(engine: PostgresEngine, code: string, keychain: Keychain, databaseUrl: string): Promise<Result<VenueConfig>> {
  const password = newDatabasePassword();
  let row;
  try {
    row = await engine.get<{ outcome: string; terminal_id: number | null; role_name: string | null; wrapped_key: string | null; name: string | null; kind: TerminalKind | null }>(
      'SELECT * FROM bo_join(?, ?, ?)',
      [joinCodeHandle(code), joinCodeHash(code), scramVerifier(password)],
    );
  } catch (error) {
    // Two codes for one name, or a recovery under the name of a terminal still active: the name is in use.
    if (isUniqueViolation(error)) return fail('CONFLICT', text('coreData.venue.nameInUse'), { field: 'terminalName' });
    throw error;
  }
  if (!row) throw new Error('bo_join answered nothing');
  if (row.outcome === 'throttled') return fail('AUTH_THROTTLED', text('coreData.venue.codeThrottled'));
  if (row.outcome !== 'joined') return REFUSALS[row.outcome] ?? REFUSALS.wrong!;
  const key = unwrapVenueKey(code, row.wrapped_key!);
  await Vault.storeVenueKey(keychain, key.installationId, key.masterKey);
  const terminalUrl = withUser(databaseUrl, row.role_name!);
  await keychain.set(databasePasswordAccount(terminalUrl), password);
  return ok({ databaseUrl: terminalUrl, terminal: { id: row.terminal_id!, name: row.name!, kind: row.kind! }, installationId: key.installationId });
}

