/** Handlers of emergency codes (Admin → Operators); joined into the operators' table. */
import { ok } from '../../../shared/result';
import type { HandlerTable } from '../dispatch';
import type { Services } from './index';

type EmergencyChannel = 'operators.issueEmergencyCode' | 'operators.emergencyCodes' | 'operators.revokeEmergencyCode';

export const emergencyHandlers = (s: Services): Pick<HandlerTable, EmergencyChannel> => ({
  // As good as her second factor for one sign-in: the admin proves herself again as for resetting factors.
  'operators.issueEmergencyCode': (input, { session }) => s.sensitive.run(session!, 'emergencyCode', input, () => s.emergency.issue(session!, input.operatorId)),
  'operators.emergencyCodes': async () => ok(await s.emergency.list()),
  'operators.revokeEmergencyCode': (input, { session }) => s.emergency.revoke(session!, input.codeId),
});
