/** Handlers of terminal clocks. */
import { ok } from '../../../shared/result';
import type { DomainHandlers, Services } from './index';

export const clockHandlers = (s: Services): DomainHandlers<'clock.'> => ({
  'clock.terminals': async () => ok(await s.clockDrift.terminals()),
});
