/**
 * Venue mode inside a running core: which venue and terminal this is, create and join for a fresh
 * terminal, the terminals list, the live feed, the "last seen" beat, and what happens once the venue
 * revokes this terminal (every session ends, every call is refused without touching the store).
 */
import { fail, ok } from '../../../shared/result';
import type { LiveBatch, VenueMembership } from '../../../shared/venue-views';
import type { AuditLog } from '../audit/audit-log';
import type { SessionManager } from '../auth/sessions';
import type { CoreConfig } from '../app';
import { NOT_FRESH, type VenueServices } from '../handlers/venue';
import type { OpenedStore } from '../store/open-store';
import type { Sql } from '../store/sql';
import type { Clock } from '../types';
import type { Keychain } from '../vault/keychain';
import type { Vault } from '../vault/vault';
import { CHANGE_LOG_KEEP_MS, LiveFeed } from './live-feed';
import type { VenueConfig } from './venue-config';
import { createVenue, joinVenue, recoverVenue } from './venue-setup';
import { NOT_A_VENUE, Terminals } from './terminals';

const BEAT_MS = 60_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface VenueRuntime {
  services: VenueServices;
  revoked: { now(): boolean; mark(): void };
  close(): Promise<void>;
}

export function startVenue(d: {
  config: CoreConfig;
  store: OpenedStore;
  sql: Sql;
  audit: AuditLog;
  vault: Vault;
  sessions: SessionManager;
  clock: Clock;
  keychain: () => Keychain;
  databaseUrl: string | null;
  venueConfig: VenueConfig | null;
  setupPending: () => Promise<boolean>;
  /** Another terminal changed a setting. */
  settingsChanged: () => void;
}): VenueRuntime {
  const onVenue = d.store.kind === 'postgres';
  const terminals = new Terminals({ sql: d.sql, audit: d.audit, vault: d.vault, databaseUrl: d.databaseUrl });
  let revoked = false;
  let feed: LiveFeed | null = null;
  const timers: NodeJS.Timeout[] = [];

  const markRevoked = () => {
    if (revoked) return;
    revoked = true;
    d.sessions.endAll();
    console.error('[box-office] this terminal was revoked from its venue: every call is refused from now on.');
    void feed?.close();
  };

  if (onVenue && d.store.connection) {
    feed = new LiveFeed({ connection: d.store.connection, now: () => Date.now(), onRevoked: markRevoked, onChange: (change) => change.kind === 'settings' && d.settingsChanged() });
    feed.start();
    const beat = () => void terminals.touch().catch(() => undefined);
    beat();
    timers.push(setInterval(beat, BEAT_MS));
    // Any terminal prunes the change log; a terminal away longer than it keeps reloads its screens.
    const prune = () => void d.sql.run('DELETE FROM change_log WHERE at < bo_now_ms() - ?', [CHANGE_LOG_KEEP_MS]).catch(() => undefined);
    timers.push(setInterval(prune, PRUNE_EVERY_MS));
    for (const t of timers) t.unref();
  }

  const membership = (): VenueMembership =>
    d.venueConfig ? { mode: 'venue', terminal: d.venueConfig.terminal } : onVenue ? { mode: 'venue', terminal: null } : { mode: 'local', terminal: null };

  const setupDeps = () => ({ dataDir: d.config.dataDir, keychain: d.keychain(), clock: d.clock });

  const services: VenueServices = {
    membership,
    async whenFresh(work) {
      if (onVenue || d.venueConfig || !(await d.setupPending())) return fail('CONFLICT', NOT_FRESH);
      const done = await work();
      // The core starts again, on the venue; calls that arrive meanwhile wait for it (startCore).
      if (done.ok) d.config.restart?.();
      return done;
    },
    create: (input) => createVenue(input, setupDeps()),
    join: (input) => joinVenue(input, setupDeps()),
    recover: (input) => recoverVenue(input, setupDeps()),
    async exportKey(by, passphrase) {
      if (!onVenue) return fail('CONFLICT', NOT_A_VENUE);
      const content = await d.vault.sealedKeyFile(passphrase);
      await d.audit.append({ kind: 'venue.key-exported', actorId: by.operatorId, actorLogin: by.login });
      return ok({ fileName: `venue-key-${new Date(d.clock.now()).toISOString().slice(0, 10)}.json`, content });
    },
    terminals,
    async wait(after, timeoutMs): Promise<LiveBatch> {
      if (feed) return feed.wait(after, timeoutMs);
      // This computer only: nobody else changes anything; answer after the wait, as a venue would.
      if (after > 0) await new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      return { cursor: after, changes: [], reload: false };
    },
  };

  return {
    services,
    revoked: { now: () => revoked, mark: markRevoked },
    async close() {
      for (const t of timers) clearInterval(t);
      await feed?.close();
    },
  };
}

