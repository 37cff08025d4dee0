/** Handlers of what a sensitive action's dialog asks before the action (the actions check again themselves). */
import { ok } from '../../../shared/result';
import type { DomainHandlers, Services } from './index';

export const sensitiveHandlers = (s: Services): DomainHandlers<'sensitive.'> => ({
  'sensitive.check': async (input, { session }) => ok(await s.sensitive.view(session!, input.action)),
  'sensitive.sendStepUpSms': (_input, { session }) => s.sensitive.stepUp.sendSms(session!),
  'sensitive.sendApprovalSms': (input, { session }) => s.sensitive.approvals.sendSms(session!, input.action, input.login, input.password),
});
