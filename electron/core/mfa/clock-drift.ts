/**
 * Is this terminal's clock off? Authenticator codes are worked out from the time, so a wrong clock makes
 * them fail for no visible reason. Two signs, kept per terminal in clock_checks:
 * - the last accepted codes all matched the same neighbouring 30-second step (the ±1 step of tolerance
 *   hides the drift until it grows a little more, and then every code fails);
 * - on PostgreSQL, this terminal's clock against the database server's, measured at start and then at
 *   most every few minutes when a screen asks. SQLite has no server to compare with.
 */
import type { ClockWarning, TerminalClockView } from '../../../shared/clock-views';
import type { ClockCheckRecord, ClockChecksRepo } from '../store/clock-checks-repo';
import type { Clock } from '../types';
import { TOTP_PERIOD_S } from './totp';

/** Offsets kept per terminal, newest last. */
export const KEPT_OFFSETS = 5;
/** This many accepted codes in a row on the same neighbouring step make a warning; one on the current step clears it. */
export const SAME_STEP_WARNS_AFTER = 3;
/** A difference from the server beyond this is worth a warning (codes tolerate one 30-second step). */
export const SERVER_TOLERANCE_MS = 15_000;
const MEASURE_EVERY_MS = 5 * 60_000;
/** Samples per measure: the one with the shortest round trip is kept (a first query may wait for a connection). */
const SAMPLES = 2;

export const timeStep = (nowMs: number): number => Math.floor(nowMs / 1000 / TOTP_PERIOD_S);

export class ClockDrift {
  /** Monotonic, so a clock set back by hours does not stop the measures. */
  private lastMeasure = -Infinity;

  constructor(
    private readonly d: {
      repo: ClockChecksRepo;
      clock: Clock;
      terminal: string;
      /** PostgreSQL: a server clock to compare with. */
      server: boolean;
    },
  ) {}

  /**
   * A TOTP code was accepted at this terminal: its matched step (matchTotp) against the step of this
   * terminal's clock. Call it inside the transaction that accepts the code (sign-in, enrollment, step-up).
   */
  async recordTotp(matchedStep: number): Promise<void> {
    const now = this.d.clock.now();
    await this.d.repo.addTotpOffset(this.d.terminal, matchedStep - timeStep(now), KEPT_OFFSETS, now);
  }

  /** This terminal's warning, for the code and enrollment screens. */
  async warning(): Promise<ClockWarning | null> {
    await this.measureIfDue();
    const row = await this.d.repo.get(this.d.terminal);
    return row ? warningOf(row) : null;
  }

  /** Every terminal whose clock looks off (each measures its own; the admin reads them all). */
  async terminals(): Promise<TerminalClockView[]> {
    await this.measureIfDue();
    const views: TerminalClockView[] = [];
    for (const row of await this.d.repo.all()) {
      const warning = warningOf(row);
      if (warning) views.push({ terminal: row.terminal, warning, checkedAt: row.updatedAt });
    }
    return views;
  }

  /** At start, then when asked, at most every few minutes. A failed measure never stops a sign-in. */
  async measureIfDue(): Promise<void> {
    if (!this.d.server) return;
    const at = performance.now();
    if (at - this.lastMeasure < MEASURE_EVERY_MS) return;
    this.lastMeasure = at;
    try {
      await this.d.repo.setServerOffset(this.d.terminal, await this.measure(), this.d.clock.now());
    } catch (error) {
      this.lastMeasure = -Infinity;
      console.error('[box-office] the clock check against the database server failed:', (error as Error).message);
    }
  }

  /** Terminal minus server (positive: this terminal is fast). The server read its clock about half-way through the round trip. */
  private async measure(): Promise<number> {
    let best: { roundTrip: number; offset: number } | null = null;
    for (let i = 0; i < SAMPLES; i++) {
      const before = this.d.clock.now();
      const server = await this.d.repo.serverNowMs();
      const after = this.d.clock.now();
      const sample = { roundTrip: after - before, offset: Math.round((before + after) / 2 - server) };
      if (!best || sample.roundTrip < best.roundTrip) best = sample;
    }
    return best!.offset;
  }
}

export function warningOf(row: ClockCheckRecord): ClockWarning | null {
  const server = row.serverOffsetMs;
  if (server !== null && Math.abs(server) > SERVER_TOLERANCE_MS) {
    return { source: 'server', direction: server > 0 ? 'fast' : 'slow', seconds: Math.round(Math.abs(server) / 1000) };
  }
  const last = row.totpOffsets.slice(-SAME_STEP_WARNS_AFTER);
  const step = last[0];
  if (last.length < SAME_STEP_WARNS_AFTER || !step || !last.every((o) => o === step)) return null;
  // The app's code belonged to a later step than this terminal's clock says: the terminal is behind, slow.
  return { source: 'codes', direction: step > 0 ? 'slow' : 'fast', seconds: TOTP_PERIOD_S };
}
