/**
 * Composition root: builds every service from a config. Both transports call startCore and then
 * only `dispatch`. Nothing here knows Electron or HTTP.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pkg from '../../package.json';
import { fail, type AppError, type Result } from '../../shared/result';
import { AuditLog } from './audit/audit-log';
import { AuthService } from './auth/auth-service';
import { SessionManager } from './auth/sessions';
import { SignInThrottle } from './auth/throttle';
import { StepUp } from './auth/step-up';
import { Approvals } from './auth/approval';
import { SensitiveActions } from './auth/sensitive-actions';
import { devClockFromEnv } from './dev-clock';
import { createDispatch, TERMINAL_REVOKED_MESSAGE } from './dispatch';
import { startVenue } from './venue/venue-runtime';
import { readVenueConfig } from './venue/venue-config';
import { blockedVenueCall } from './venue/blocked-calls';
import { IdempotencyKeys } from './idempotency';
import { buildHandlers, type SaveFile } from './handlers/index';
import { Jobs } from './jobs/jobs';
import { InstitutionSettings } from './settings/institution-settings';
import { SettingsService } from './settings/settings-service';
import { SmsToken } from './settings/sms-token';
import { BackupService } from './backup/backup-service';
import { StoreError, type Db } from './store/database';
import { openStore } from './store/open-store';
import type { EngineKind } from './store/engine/types';
import type { Sql } from './store/sql';
import { OperatorsRepo } from './store/operators-repo';
import { SettingsRepo } from './store/settings-repo';
import { ThrottleRepo } from './store/throttle-repo';
import { DevicesRepo } from './store/devices-repo';
import { MfaRepo } from './store/mfa-repo';
import { EmergencyRepo } from './store/emergency-repo';
import { EmergencyCodes } from './mfa/emergency-codes';
import { ClockChecksRepo } from './store/clock-checks-repo';
import { ClockDrift } from './mfa/clock-drift';
import type { MfaContext } from './mfa/context';
import { Enrollment } from './mfa/enrollment';
import { Factors } from './mfa/factors';
import { SecondFactorStep } from './mfa/second-factor-step';
import { SmsCodes } from './mfa/sms-codes';
import type { SmsGateway } from './mfa/sms/gateway';
import { HttpGateway } from './mfa/sms/http-gateway';
import { OutboxGateway } from './mfa/sms/outbox-gateway';
import { TrustedDevices } from './mfa/trusted-devices';
import { OperatorsService } from './operators/operators-service';
import { DeliveryService } from './delivery/delivery-service';
import { GateService } from './gate/gate-service';
import { GateRepo } from './store/gate-repo';
import { OrdersRepo } from './store/orders-repo';
import { osKeychain, VaultUnavailableError, VenueKeyMissingError, type Keychain } from './vault/keychain';
import { Vault } from './vault/vault';
import { systemClock, type Clock, type Dispatch } from './types';

export interface CoreConfig {
  dataDir: string;
  shell: 'electron' | 'web';
  kiosk: boolean;
  /** Shown in the audit log and on issued tickets; defaults to BOX_OFFICE_TERMINAL or the host name. */
  terminal?: string;
  clock?: Clock;
  keychain?: Keychain;
  /** A venue's PostgreSQL database; absent: this computer's SQLite file in dataDir. */
  databaseUrl?: string | undefined;
  /** Why the configured database address cannot be used (a password on the command line): shown, never used. */
  databaseUrlRefused?: string | undefined;
  /** Shows the SMS outbox through dev.smsOutbox (development only); default: BOX_OFFICE_DEV_OUTBOX=1. */
  devOutbox?: boolean;
  /** Kiosk: called after an administrator authorized leaving (kiosk.quit); the transport closes the app. */
  quit?: () => void;
  /** Electron: main's save dialog for a job's joined file (jobs.saveResult); absent in the web shell. */
  saveFile?: SaveFile;
  /** Set by startCore: closes this core and starts another from the same config (after create or join). */
  restart?: () => void;
}

/** A job's joined file for the web shell to stream: only to the session that owns the job. */
export type JobResultFile = (seat: string, jobId: string) => Result<{ file: string; fileName: string; bytes: number }>;

export interface Core {
  dispatch: Dispatch;
  close(): Promise<void>;
  /** Moves a seat's session to a new seat id (the web shell rotates its cookie after each sign-in step). */
  reseat(from: string, to: string): void;
  /** The joined file of a job (GET /api/jobs/<id>/result in the web shell). */
  jobResult: JobResultFile;
  /** For tests and benchmarks in Node; transports use only dispatch and jobResult. */
  internals: {
    /** The store, engine-neutral: what tests use for SQL of their own. */
    sql: Sql;
    engine: EngineKind;
    /** The SQLite connection (file-level tests: backup, modes); null on PostgreSQL. */
    sqlite: Db | null;
    vault: Vault;
    audit: AuditLog;
    sessions: SessionManager;
    settings: InstitutionSettings;
    clock: Clock;
    outbox: OutboxGateway;
    jobs: Jobs;
  };
}

export const PRODUCT_NAME = 'Box Office';

/** Builds the core; throws StoreError or VaultUnavailableError when it cannot run. */
export async function createCore(config: CoreConfig): Promise<Core> {
  // A development-only clock end-to-end tests can move (dev-clock.ts); never without BOX_OFFICE_DEV_OUTBOX=1.
  const clock = config.clock ?? devClockFromEnv() ?? systemClock;
  if (config.databaseUrlRefused) throw new StoreError('unopenable', config.databaseUrlRefused);
  // A terminal that joined a venue: its address and its name were assigned at join (venue.json).
  const venueConfig = config.databaseUrl ? null : readVenueConfig(config.dataDir);
  const databaseUrl = config.databaseUrl ?? venueConfig?.databaseUrl;
  const terminal = venueConfig?.terminal.name ?? config.terminal ?? process.env.BOX_OFFICE_TERMINAL ?? os.hostname();
  const keychain = () => (config.keychain ??= osKeychain());
  const store = await openStore({ dataDir: config.dataDir, databaseUrl }, keychain);
  const { sql } = store;
  try {
    const settingsRepo = new SettingsRepo(sql);
    const vault = await openVault(settingsRepo, keychain(), store.kind === 'postgres');
    // The SMS gateway's token is the venue's, sealed in the store; one an earlier version kept in this keychain moves there.
    const smsToken = new SmsToken(settingsRepo, vault);
    await smsToken.moveFromKeychain();
    const settings = new InstitutionSettings(settingsRepo);
    await settings.refresh();
    const audit = new AuditLog(sql, clock, terminal, vault);
    // A log from before entries carried a MAC is sealed now that the key is there (if its chain is sound).
    const sealed = await audit.sealLegacy();
    if (sealed && 'refused' in sealed) console.error(`[box-office] the audit log was not sealed: ${sealed.refused}. Verify names the entry.`);
    // A kiosk signs out after its idle time: nobody would be there to unlock it.
    const sessions = new SessionManager(clock, () => ({ ...settings.get('sessionLimits'), ...(config.kiosk ? { idleSignOutMs: settings.get('kioskIdleMs') } : {}) }));
    const operators = new OperatorsRepo(sql);
    const mfaRepo = new MfaRepo(sql);
    const devicesRepo = new DevicesRepo(sql);
    const outbox = new OutboxGateway(config.dataDir, clock);
    const smsGateway = (): SmsGateway => {
      const gateway = settings.get('smsGateway');
      return gateway.kind === 'http' ? new HttpGateway(gateway, () => smsToken.forGateway()) : outbox;
    };
    const clockDrift = new ClockDrift({ repo: new ClockChecksRepo(sql), clock, terminal, server: store.kind === 'postgres' });
    const mfaContext: MfaContext = { repo: mfaRepo, devices: devicesRepo, operators, vault, audit, settings, sessions, clock, sms: smsGateway, kiosk: config.kiosk, terminal, clockDrift };
    const factors = new Factors(mfaContext);
    const trusted = new TrustedDevices(mfaContext);
    const smsCodes = new SmsCodes(mfaContext);
    const emergencyRepo = new EmergencyRepo(sql);
    const emergency = new EmergencyCodes({ repo: emergencyRepo, operators, factors, vault, audit, clock });
    const throttle = new SignInThrottle(new ThrottleRepo(sql), clock);
    const sensitive = new SensitiveActions(
      new StepUp({ ctx: mfaContext, sms: smsCodes, factors, throttle }),
      new Approvals({ ctx: mfaContext, sms: smsCodes, factors, throttle }),
      audit,
    );
    const auth = new AuthService({ operators, sessions, throttle, audit, settings, clock, factors, devices: trusted, clockDrift, kiosk: config.kiosk });
    const ordersRepo = new OrdersRepo(sql);
    const devOutbox = config.devOutbox ?? process.env.BOX_OFFICE_DEV_OUTBOX === '1';
    const delivery = new DeliveryService({ sql, orders: ordersRepo, operators, audit, settings, clock, terminal, sms: smsGateway });
    const jobs = new Jobs({ orders: ordersRepo, delivery, audit, sessions, clock, dir: path.join(config.dataDir, 'jobs') });
    const gate = new GateService({ sql, gate: new GateRepo(sql), orders: ordersRepo, audit, clock, terminal, settings });
    // Scan counts a crash left unsummarised reach the audit log now.
    await gate.summarise();
    // This terminal's clock against the venue database server's, once at start (PostgreSQL only).
    await clockDrift.measureIfDue();
    const venue = startVenue({ config, store, sql, audit, vault, sessions, clock, keychain, databaseUrl: databaseUrl ?? null, venueConfig, setupPending: () => auth.setupPending(), settingsChanged: () => settings.markStale() });
    const handlers = buildHandlers({
      auth,
      sessions,
      settings,
      institution: new SettingsService({ sql, settings, smsToken, audit, sms: smsGateway, terminal }),
      backup: new BackupService({ sql, sqlite: store.sqlite, dbFile: store.sqliteFile, databaseUrl, dataDir: config.dataDir, audit, sessions, settingsRepo, clock }),
      audit,
      vault,
      operatorsRepo: operators,
      operators: new OperatorsService({ sql, operators, mfa: mfaRepo, devices: devicesRepo, factors, trusted, settings, audit, clock, sessions, throttle, emergency: emergencyRepo }),
      emergency,
      mfa: {
        repo: mfaRepo,
        factors,
        devices: trusted,
        sms: smsCodes,
        step: new SecondFactorStep(mfaContext, smsCodes, trusted, emergency),
        enrollment: new Enrollment(mfaContext, smsCodes, factors),
      },
      clock,
      sms: smsGateway,
      ordersRepo,
      delivery,
      gate,
      jobs,
      clockDrift,
      sensitive,
      venue: venue.services,
      saveFile: config.saveFile,
      devOutbox: () => (devOutbox && settings.get('smsGateway').kind === 'outbox' ? outbox : null),
      appInfo: () => ({ product: PRODUCT_NAME, version: pkg.version, kiosk: config.kiosk, shell: config.shell, terminal, store: { engine: store.kind, location: store.location } }),
      // After the answer has gone out, so the page can say goodbye.
      quit: () => setTimeout(() => config.quit?.(), 50),
    });
    const idempotency = new IdempotencyKeys(sql, () => clock.now());
    await idempotency.forgetOld();
    const dispatch = createDispatch(handlers, sessions, {
      kiosk: config.kiosk,
      // Another terminal's change to a setting applies here within a second (or at once, heard on the venue's feed).
      beforeCall: () => settings.refreshIfDue(),
      idempotency,
      sessionStands: async (session) => {
        const standing = await operators.sessionStanding(session.operatorId);
        return !!standing && !standing.disabled && standing.epoch === session.epoch;
      },
      revoked: venue.revoked,
      language: () => settings.get('language'),
      onInternalError: (channel, error) => console.error(`[box-office] ${channel} failed:`, error),
    });
    let closed = false;
    return {
      dispatch,
      reseat: (from, to) => sessions.reseat(from, to),
      jobResult: (seat, jobId) => {
        const found = sessions.lookup(seat);
        if (found.status === 'locked') return fail('SESSION_LOCKED', 'This terminal is locked. Enter your password to unlock it.');
        if (found.status !== 'active') return fail('AUTH_REQUIRED', 'Sign in first.');
        return jobs.resultFile(found.session, jobId);
      },
      close: async () => {
        if (closed) return;
        closed = true;
        // Jobs stop after their current batch and audit their end while the store is still open.
        await jobs.close();
        await venue.close();
        await audit.settled();
        await store.close();
      },
      internals: { sql, engine: store.kind, sqlite: store.sqlite, vault, audit, sessions, settings, clock, outbox, jobs },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The installation id names this store's keys in the keychain; a store that has used a key never gets a new one silently.
 * On a venue database the key is the venue's: the first terminal to set up the empty database creates it, and a terminal
 * whose keychain lacks it (or holds another) is refused: it has not joined the venue (VenueKeyMissingError).
 */
async function openVault(settings: SettingsRepo, keychain: Keychain, venue: boolean): Promise<Vault> {
  // Two terminals setting up one empty venue database at once agree on the first id written.
  const installationId = await settings.setOnce('installation.id', crypto.randomUUID());
  const vault = await Vault.open(keychain, installationId, (await settings.get<boolean>('vault.keyCreated')) === true, { venue });
  // The first key to be recorded is the store's; a terminal that made another one at the same moment is refused.
  if ((await settings.setOnce('vault.keyCheck', vault.keyCheck())) !== vault.keyCheck()) {
    if (venue) throw new VenueKeyMissingError(installationId, 'different');
    throw new VaultUnavailableError(`the data key of this installation (${installationId}) in the keychain is not the one its data was sealed with; restore the keychain or reset the installation`);
  }
  await settings.set('vault.keyCreated', true);
  return vault;
}

export interface StartedCore {
  dispatch: Dispatch;
  close(): Promise<void>;
  reseat(from: string, to: string): void;
  jobResult: JobResultFile;
  /** The reason the core is not running, or null once it runs. */
  failure(): AppError | null;
}

/**
 * Never throws: a missing keychain or a refused store becomes a blocking answer the screen shows.
 * While blocked, an `app.info` call (the screen's "Try again") tries to start the core again, so
 * unlocking the keychain does not need a restart.
 */
export async function startCore(config: CoreConfig): Promise<StartedCore> {
  let core: Core | null = null;
  let failure: AppError | null = null;
  let attempt: Promise<void> | null = null;
  let restarting: Promise<void> | null = null;
  // After a terminal created or joined a venue (or left one): the same config now opens the venue.
  const restart = () => {
    restarting ??= (async () => {
      const old = core;
      core = null;
      await old?.close().catch((error: unknown) => console.error('[box-office] closing before the restart failed:', error));
      await tryStart();
    })().finally(() => {
      restarting = null;
    });
  };
  const coreConfig: CoreConfig = { ...config, restart };
  const tryStart = () =>
    (attempt ??= createCore(coreConfig)
      .then((created) => {
        core = created;
        failure = null;
      })
      .catch((error: unknown) => {
        failure = startupFailure(error);
        console.error(`[box-office] ${failure.code}: ${failure.message}`);
      })
      .finally(() => {
        attempt = null;
      }));
  await tryStart();
  return {
    dispatch: async (channel, input, caller) => {
      if (restarting) await restarting;
      if (!core && channel === 'app.info') await tryStart();
      if (core) {
        const answer = await core.dispatch(channel, input, caller);
        // Revoked while running: this core stops, and the terminal is blocked as if it had started revoked.
        if (!answer.ok && answer.error.code === 'TERMINAL_REVOKED' && core) {
          failure = answer.error;
          const old = core;
          core = null;
          void old.close().catch(() => undefined);
        }
        return answer;
      }
      // Blocked: a revoked terminal may leave its venue, an outdated one may be upgraded; then start again.
      const blocked = await blockedVenueCall(channel, input, failure!, config);
      if (blocked) {
        if (blocked.ok) restart();
        return blocked;
      }
      return { ok: false, error: failure! };
    },
    close: async () => {
      await core?.close();
    },
    reseat: (from, to) => core?.reseat(from, to),
    jobResult: (seat, jobId) => (core ? core.jobResult(seat, jobId) : { ok: false, error: failure! }),
    failure: () => failure,
  };
}

function startupFailure(error: unknown): AppError {
  if (error instanceof VaultUnavailableError) return fail('VAULT_UNAVAILABLE', error.message).error;
  if (error instanceof StoreError && error.reason === 'revoked') return fail('TERMINAL_REVOKED', TERMINAL_REVOKED_MESSAGE).error;
  if (error instanceof StoreError && error.reason === 'outdated') return fail('VENUE_UPGRADE_REQUIRED', error.message).error;
  if (error instanceof StoreError) return fail('STORE_UNAVAILABLE', error.message).error;
  return fail('INTERNAL', `Box Office could not start: ${(error as Error).message}`).error;
}
