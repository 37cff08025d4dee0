import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devClockFromEnv } from '../../../electron/core/dev-clock';
import { tempDir } from '../../helpers/core';

describe('the development clock (end-to-end tests move it)', () => {
  it('is never there without the development switch, and reads its offset at every call when it is', () => {
    const file = path.join(tempDir(), 'clock-offset');
    fs.writeFileSync(file, String(6 * 60_000));
    expect(devClockFromEnv({ BOX_OFFICE_DEV_CLOCK_FILE: file })).toBeNull();
    expect(devClockFromEnv({ BOX_OFFICE_DEV_CLOCK_FILE: file, BOX_OFFICE_DEV_OUTBOX: '0' })).toBeNull();
    expect(devClockFromEnv({ BOX_OFFICE_DEV_OUTBOX: '1' })).toBeNull();
    const clock = devClockFromEnv({ BOX_OFFICE_DEV_CLOCK_FILE: file, BOX_OFFICE_DEV_OUTBOX: '1' })!;
    const ahead = clock.now() - Date.now();
    expect(ahead).toBeGreaterThanOrEqual(6 * 60_000 - 1_000);
    expect(ahead).toBeLessThanOrEqual(6 * 60_000 + 1_000);
    fs.writeFileSync(file, '0');
    expect(Math.abs(clock.now() - Date.now())).toBeLessThanOrEqual(1_000);
    fs.rmSync(file);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThanOrEqual(1_000);
  });
});
