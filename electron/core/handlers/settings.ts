/** Handlers of the institution settings. */
import { ok } from '../../../shared/result';
import type { DomainHandlers, Services } from './index';

export const settingsHandlers = (s: Services): DomainHandlers<'settings.'> => ({
  'settings.get': async () => ok(await s.institution.view()),
  // Four eyes guard their own removal: switching off an approval the institution requires is a sensitive action.
  'settings.update': (input, { session }) => {
    const now = s.settings.get('approvals');
    const off = input.approvals && (Object.keys(now) as (keyof typeof now)[]).some((action) => now[action] && !input.approvals![action]);
    return off ? s.sensitive.run(session!, 'approvalsOff', input, () => s.institution.update(session!, input)) : s.institution.update(session!, input);
  },
  'settings.setSmsGateway': (input, { session }) => s.institution.setSmsGateway(session!, input),
  'settings.setLogo': (input, { session }) => s.institution.setLogo(session!, input.image),
  'settings.testSms': (input, { session }) => s.institution.testSms(session!, input.country, input.number),
  // The setting and its audit entry commit together.
  'settings.setMobileTicketUrl': (input, { session }) => s.institution.setMobileTicketUrl(session!, input.url),
});
