/** Handlers of operator administration. */
import { fail, ok } from '../../../shared/result';
import { text } from '../../../shared/i18n/translator';
import type { DomainHandlers, Services } from './index';
import { emergencyHandlers } from './emergency';

export const operatorsHandlers = (s: Services): DomainHandlers<'operators.'> => ({
  ...emergencyHandlers(s),
  'operators.list': async () => ok(await s.operators.list()),
  'operators.create': (input, { session }) => s.operators.create(session!, input),
  // Releasing is switching two-step off for her: step-up, and a supervisor's approval when the institution asks.
  'operators.setMfaRequired': (input, { session }) => {
    const change = () => s.operators.setMfaRequired(session!, input.operatorId, input.required, input.graceSignIns);
    return input.required ? change() : s.sensitive.run(session!, 'twoStepOff', input, change);
  },
  'operators.setDisabled': (input, { session }) => s.operators.setDisabled(session!, input.operatorId, input.disabled),
  'operators.setRoles': (input, { session }) => s.operators.setRoles(session!, input.operatorId, input.roles),
  // Removing someone's factors: step-up (never an approval: the settings offer none for it).
  'operators.resetMfa': (input, { session }) => s.sensitive.run(session!, 'resetFactors', input, () => s.operators.resetMfa(session!, input.operatorId)),
  'operators.resetPassword': (input, { session }) => s.operators.resetPassword(session!, input.operatorId, input.password),
  'operators.liftThrottle': (input, { session }) => s.operators.liftThrottle(session!, input.operatorId),
  'operators.devices': async (input) =>
    (await s.operators.exists(input.operatorId)) ? ok(await s.mfa.devices.list(input.operatorId)) : fail('NOT_FOUND', text('coreAccess.operators.notFound')),
  'operators.revokeDevice': async (input, { session }) => {
    if (!(await s.mfa.devices.revoke(input.operatorId, input.deviceId, session!.operatorId))) return fail('NOT_FOUND', text('coreAccess.devices.notRemembered'));
    return ok(await s.mfa.devices.list(input.operatorId));
  },
});
