/** Handlers of the institution settings. */
import { ok } from '../../../shared/result';
import { APPROVAL_ACTIONS } from '../../../shared/sensitive-views';
import type { DomainHandlers, Services } from './index';

export const settingsHandlers = (s: Services): DomainHandlers<'settings.'> => ({
  'settings.get': async () => ok(await s.institution.view()),
  // Four eyes guard their own removal: switching off an approval the institution requires is a sensitive action.
  'settings.update': async (input, { session }) => {
    const update = () => s.institution.update(session!, input);
    const asked = input.approvals;
    if (!asked) return update();
    // Read now, not from the snapshot (up to a second old): an approval switched on at another terminal a moment ago counts.
    await s.settings.refresh();
    const now = s.settings.get('approvals');
    return APPROVAL_ACTIONS.some((action) => now[action] && !asked[action]) ? s.sensitive.run(session!, 'approvalsOff', input, update) : update();
  },
  'settings.setSmsGateway': (input, { session }) => s.institution.setSmsGateway(session!, input),
  'settings.setLogo': (input, { session }) => s.institution.setLogo(session!, input.image),
  'settings.testSms': (input, { session }) => s.institution.testSms(session!, input.country, input.number),
  // The setting and its audit entry commit together.
  'settings.setMobileTicketUrl': (input, { session }) => s.institution.setMobileTicketUrl(session!, input.url),
});
