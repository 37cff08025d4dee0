/** Handlers of kiosk mode. */
import { ok } from '../../../shared/result';
import type { DomainHandlers, Services } from './index';

export const kioskHandlers = (s: Services): DomainHandlers<'kiosk.'> => ({
  'kiosk.quit': async (input) => {
    const authorized = await s.auth.authorizeKioskQuit(input.login, input.password);
    if (!authorized.ok) return authorized;
    s.quit();
    return ok({ quitting: true as const });
  },
});
