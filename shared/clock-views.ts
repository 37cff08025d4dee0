/** What screens see of a terminal whose clock looks off (authenticator codes depend on it). */
import type { LocalText } from './i18n/translator';

export interface ClockWarning {
  /** Fast: this terminal's clock is ahead of the true time; slow: behind. */
  direction: 'fast' | 'slow';
  /**
   * Where the figure comes from. `server`: measured against the venue database server's clock
   * (PostgreSQL), `seconds` is the difference. `codes`: the last authenticator codes accepted here all
   * matched the same neighbouring 30-second step; `seconds` is then the step (30), a rough figure.
   */
  source: 'server' | 'codes';
  seconds: number;
}

/** A terminal of the store whose clock looks off, for the admin. */
export interface TerminalClockView {
  terminal: string;
  warning: ClockWarning;
  /** When that terminal last measured its clock or had a code accepted (epoch ms, its own clock). */
  checkedAt: number;
}

/** A figure people read: seconds up to two minutes, then minutes, hours, days (a wrong time zone is hours off, not 7,200 s). */
export function clockAmount(seconds: number): { amount: number; unit: 's' | 'min' | 'h' | 'd' } {
  const s = Math.round(Math.abs(seconds));
  if (s < 120) return { amount: s, unit: 's' };
  if (s < 120 * 60) return { amount: Math.round(s / 60), unit: 'min' };
  if (s < 48 * 3600) return { amount: Math.round(s / 3600), unit: 'h' };
  return { amount: Math.round(s / 86_400), unit: 'd' };
}

/** The operator's notice at this terminal ("This computer's clock is 47 s fast; …"). */
export const clockWarningText = (w: ClockWarning): LocalText =>
  w.source === 'server' ? { key: 'clock.warning.server', values: { ...clockAmount(w.seconds), direction: w.direction } } : { key: 'clock.warning.codes', values: { direction: w.direction } };

/** One line of the admin's list ("Box 2: clock 47 s fast …"); `when` is already formatted. */
export const terminalClockText = (v: TerminalClockView, when: string): LocalText =>
  v.warning.source === 'server'
    ? { key: 'clock.admin.server', values: { terminal: v.terminal, ...clockAmount(v.warning.seconds), direction: v.warning.direction, when } }
    : { key: 'clock.admin.codes', values: { terminal: v.terminal, direction: v.warning.direction, when } };
