/** Handlers of the institution settings. */
import { ok } from '../../../shared/result';
import type { DomainHandlers, Services } from './index';

export const settingsHandlers = (s: Services): DomainHandlers<'settings.'> => ({
  'settings.get': async () => ok(await s.institution.view()),
  'settings.update': (input, { session }) => s.institution.update(session!, input),
  'settings.setSmsGateway': (input, { session }) => s.institution.setSmsGateway(session!, input),
  'settings.testSms': (input, { session }) => s.institution.testSms(session!, input.country, input.number),
  'settings.setMobileTicketUrl': (input, { session }) => {
    s.settings.set('mobileTicketUrl', input.url);
    s.audit.append({ kind: 'settings.mobile-ticket-url', actorId: session!.operatorId, actorLogin: session!.login, detail: { url: input.url } });
    return ok({ mobileTicketUrl: input.url });
  },
});
