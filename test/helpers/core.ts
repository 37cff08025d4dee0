/** A real core on a fresh data folder, with the real keychain of the test's Secret Service session. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import type { Result } from '../../shared/result';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { TestClock } from './clock';

export const STRONG_PASSWORD = 'Tickets&Seats-2026';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

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
  /** Closes this core and opens the same data folder again (as a kiosk, if asked). */
  reopen(options?: { kiosk?: boolean; quit?: () => void }): Promise<TestCore>;
}

export async function makeCore(options: { dataDir?: string; clock?: TestClock; kiosk?: boolean; quit?: () => void } = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new TestClock();
  const core = await createCore({ dataDir, shell: 'web', kiosk: options.kiosk ?? false, terminal: 'Test terminal', clock, ...(options.quit ? { quit: options.quit } : {}) });
  let open = true;
  cleanups.push(() => open && core.close());
  const call = <C extends ChannelName>(channel: C, input: ChannelInput<C>, seat = 'seat-1') =>
    core.dispatch(channel, input, { seat }) as Promise<Result<ChannelOutput<C>>>;
  return {
    core,
    clock,
    dataDir,
    call,
    async must(channel, input, seat) {
      const result = await call(channel, input, seat);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async reopen(reopenOptions: { kiosk?: boolean; quit?: () => void } = {}) {
      core.close();
      open = false;
      return makeCore({ dataDir, clock, ...reopenOptions });
    },
  };
}

/** A core with its first account (service + admin) created and signed in on seat-1. */
export async function makeSetUpCore(options: Parameters<typeof makeCore>[0] = {}) {
  const t = await makeCore(options);
  await t.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: STRONG_PASSWORD });
  return t;
}
