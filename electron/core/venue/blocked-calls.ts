/**
 * The two calls a terminal blocked by its venue may still make (no core runs, so no session exists):
 * a revoked terminal leaves the venue (forgets its address and database login), and an outdated one is
 * upgraded with the database owner's credentials, used for this call only. Anything else: the block.
 */
import { text } from '../../../shared/i18n/translator';
import pg from 'pg';
import { contract } from '../../../shared/contract';
import { fail, ok, type AppError, type Result } from '../../../shared/result';
import { describeValidation } from '../../../shared/validation';
import type { CoreConfig } from '../app';
import { StoreError } from '../store/database';
import { isCredentialRefused } from '../store/engine/errors';
import { poolConfig } from '../store/engine/postgres-config';
import { PostgresEngine } from '../store/engine/postgres-engine';
import { databasePasswordAccount } from '../store/open-store';
import { migratePostgres } from '../store/postgres-migrate';
import { osKeychain } from '../vault/keychain';
import { Vault } from '../vault/vault';
import { forgetVenueConfig, readVenueConfig, withUser } from './venue-config';
import { SETUP_STATEMENT_TIMEOUT_MS } from './venue-setup';

export async function blockedVenueCall(channel: unknown, input: unknown, failure: AppError, config: CoreConfig): Promise<Result<unknown> | null> {
  if (channel === 'venue.leave' && failure.code === 'TERMINAL_REVOKED') {
    const venue = readVenueConfig(config.dataDir);
    if (!venue) return fail('CONFLICT', text('coreData.venue.ownAddress'));
    // Its login opens nothing any more; the venue key and the log's anchor leave this keychain with it.
    const keychain = config.keychain ?? osKeychain();
    await keychain.delete(databasePasswordAccount(venue.databaseUrl)).catch(() => false);
    if (venue.installationId) await Vault.forgetVenueKey(keychain, venue.installationId);
    forgetVenueConfig(config.dataDir);
    return ok({ mode: 'local', terminal: null });
  }
  if (channel === 'venue.upgrade' && failure.code === 'VENUE_UPGRADE_REQUIRED') {
    const parsed = contract['venue.upgrade'].input.safeParse(input ?? {});
    if (!parsed.success) return fail('VALIDATION', describeValidation(parsed.error, 'venue.upgrade').message);
    const url = config.databaseUrl ?? readVenueConfig(config.dataDir)?.databaseUrl;
    if (!url) return fail('CONFLICT', text('coreData.venue.notJoined'));
    const engine = new PostgresEngine(
      new pg.Pool({ ...poolConfig(withUser(url, parsed.data.ownerLogin), { password: parsed.data.ownerPassword, applicationName: 'box-office-upgrade' }), max: 1, statement_timeout: SETUP_STATEMENT_TIMEOUT_MS }),
    );
    try {
      return ok({ version: await migratePostgres(engine) });
    } catch (error) {
      if (isCredentialRefused(error)) return fail('AUTH_INVALID', text('coreData.venue.ownerRefused'), { field: 'ownerPassword' });
      if (error instanceof StoreError) return fail('STORE_UNAVAILABLE', error.text ?? error.message);
      return fail('STORE_UNAVAILABLE', text('coreData.venue.upgradeFailed', { problem: (error as Error).message }));
    } finally {
      await engine.close().catch(() => undefined);
    }
  }
  if (channel === 'venue.membership' && failure.code === 'TERMINAL_REVOKED') {
    const venue = readVenueConfig(config.dataDir);
    return ok({ mode: 'venue', terminal: venue?.terminal ?? null });
  }
  return null;
}
