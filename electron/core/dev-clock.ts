/**
 * A clock end-to-end tests can move: the system clock plus an offset in milliseconds read from a file
 * (BOX_OFFICE_DEV_CLOCK_FILE), so a test can let "6 minutes pass" in a running web shell without
 * waiting. Development only: honoured only beside the outbox switch (BOX_OFFICE_DEV_OUTBOX=1) that
 * the end-to-end tests already use, so a normal start never has a clock anyone but the system sets.
 */
import fs from 'node:fs';
import type { Clock } from './types';

export function devClockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock | null {
  const file = env.BOX_OFFICE_DEV_CLOCK_FILE;
  if (!file || env.BOX_OFFICE_DEV_OUTBOX !== '1') return null;
  console.warn(`[box-office] development clock: the system time plus the offset in ${file}`);
  return { now: () => Date.now() + offsetIn(file) };
}

/** Read at every call (a few bytes, development only): a test's write applies to the very next call. */
function offsetIn(file: string): number {
  try {
    const offset = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    // No file yet: no offset.
    return 0;
  }
}
