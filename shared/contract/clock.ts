/** Channels about terminal clocks (authenticator codes fail at a terminal whose clock is off). */
import type { TerminalClockView } from '../clock-views';
import { channel, empty } from './define';

export const clockChannels = {
  'clock.terminals': channel<TerminalClockView[]>()({
    input: empty,
    access: 'operators.manage',
    summary:
      'Every terminal whose clock looks off: its last accepted authenticator codes all matched the same neighbouring time step, or (PostgreSQL) its clock differs from the database server\'s by more than 15 s. This terminal measures its own clock again first when its last measure is a few minutes old.',
    returns: '`TerminalClockView[]` (terminal name, direction and seconds, source, when checked)',
    errors: [],
  }),
} as const;
