/**
 * A real core on a fresh data folder, with the real keychain of the test's Secret Service session, on
 * the engine the run names: SQLite by default, a fresh PostgreSQL database when BOX_OFFICE_TEST_ENGINE
 * is "postgres" (the unit-postgres project runs the core suites that way).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import type { Result } from '../../shared/result';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { TestClock } from './clock';
import type { EngineKind } from '../../electron/core/store/engine/types';
import { freshPostgresUrl } from './engines';

export const STRONG_PASSWORD = 'Tickets&Seats-2026';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export const TEST_ENGINE: EngineKind = process.env.BOX_OFFICE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export const tempDir = (prefix = 'box-office-'): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

export interface TestCore {
  core: Core;
  clock: TestClock;
  dataDir: string;
  /** Calls a channel as the given seat, typed by the contract. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>, seat?: string): Promise<Result<ChannelOutput<C>>>;
  /** Calls and asserts success. */
  must<C extends ChannelName>(channel: C, input: ChannelInput<C>, seat?: string): Promise<ChannelOutput<C>>;
  /** The PostgreSQL database of this core, when the run uses that engine. */
  databaseUrl: string | undefined;
  /** Closes this core and opens the same data folder (and database) again (as a kiosk, if asked). */
  reopen(options?: { kiosk?: boolean; quit?: () => void }): Promise<TestCore>;
}

export async function makeCore(options: { dataDir?: string; databaseUrl?: string; engine?: EngineKind; clock?: TestClock; kiosk?: boolean; quit?: () => void; terminal?: string } = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new TestClock();
  const databaseUrl = options.databaseUrl ?? ((options.engine ?? TEST_ENGINE) === 'postgres' ? await freshPostgresUrl() : undefined);
  const core = await createCore({ dataDir, databaseUrl, shell: 'web', kiosk: options.kiosk ?? false, terminal: options.terminal ?? 'Test terminal', clock, ...(options.quit ? { quit: options.quit } : {}) });
  let open = true;
  cleanups.push(async () => {
    if (open) await core.close();
  });
  const call = <C extends ChannelName>(channel: C, input: ChannelInput<C>, seat = 'seat-1') =>
    core.dispatch(channel, input, { seat }) as Promise<Result<ChannelOutput<C>>>;
  return {
    core,
    clock,
    dataDir,
    databaseUrl,
    call,
    async must(channel, input, seat) {
      const result = await call(channel, input, seat);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async reopen(reopenOptions: { kiosk?: boolean; quit?: () => void } = {}) {
      open = false;
      await core.close();
      // The same store: the same database, or the same SQLite file whichever engine the run names.
      return makeCore({ dataDir, clock, ...(databaseUrl ? { databaseUrl } : { engine: 'sqlite' as const }), ...reopenOptions });
    },
  };
}

/** A core with its first account (service + admin) created and signed in on seat-1. */
export async function makeSetUpCore(options: Parameters<typeof makeCore>[0] = {}) {
  const t = await makeCore(options);
  await t.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: STRONG_PASSWORD });
  return t;
}
