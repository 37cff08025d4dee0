/** Handlers of the second factor. Security changes of one's own ask for the password again after an hour. */
import { fail, ok } from '../../../shared/result';
import { can } from '../../../shared/roles';
import type { MfaPolicyView } from '../../../shared/mfa-views';
import type { Session } from '../auth/sessions';
import { REAUTH_AFTER_MS } from '../auth/auth-service';
import { phoneContext } from '../mfa/context';
import { RECOVERY_WARNING_AT } from '../mfa/recovery-codes';
import type { DomainHandlers, Services } from './index';

export const mfaHandlers = (s: Services): DomainHandlers<'mfa.' | 'dev.'> => {
  const { mfa } = s;

  const policy = (session: Session): MfaPolicyView => {
    const enabled = s.settings.get('mfaEnabled');
    const canSwitch = can(session.roles, 'mfa.feature');
    return {
      enabled,
      canSwitch,
      rememberDeviceDays: s.settings.get('rememberDeviceDays'),
      message: enabled
        ? 'Two-step verification is on: operators created from now on must use it, and you can require or release it for each operator.'
        : canSwitch
          ? 'Two-step verification is off for this institution. Switch it on once your operators know the new sign-in.'
          : 'Two-step verification is off for this institution. Ask the service team to switch it on.',
    };
  };

  return {
    'mfa.verify': async (input, call) => {
      const done = await mfa.step.verify(call.seat, call.session!, input);
      return done.ok ? ok(s.auth.view(call.session)) : done;
    },
    'mfa.sendSms': async (_input, { session }) => {
      const phone = mfa.repo.phone(session!.operatorId);
      if (!phone?.confirmedAt) return fail('NOT_FOUND', 'No phone is enrolled for this account. Use your authenticator app or a recovery code.');
      const to = s.vault.decrypt(phone.phoneSealed, phoneContext(session!.operatorId)).toString();
      return mfa.sms.send(session!.operatorId, to, phone.hint, 'sign-in');
    },
    'mfa.startTotp': async (input, { session }) => {
      const fresh = await s.auth.reauthenticate(session!, input.password);
      return fresh.ok ? mfa.enrollment.startTotp(session!) : fresh;
    },
    'mfa.confirmTotp': (input, { session }) => {
      const done = mfa.enrollment.confirmTotp(session!, input.code);
      return done.ok ? ok({ recoveryCodes: done.value.recoveryCodes, session: s.auth.view(session) }) : done;
    },
    'mfa.startSms': async (input, { session }) => {
      const fresh = await s.auth.reauthenticate(session!, input.password);
      return fresh.ok ? mfa.enrollment.startSms(session!, input.country, input.number) : fresh;
    },
    'mfa.confirmSms': (input, { session }) => {
      const done = mfa.enrollment.confirmSms(session!, input.code);
      return done.ok ? ok({ recoveryCodes: done.value.recoveryCodes, session: s.auth.view(session) }) : done;
    },
    'mfa.status': (_input, { session }) => {
      const operator = s.operatorsRepo.byId(session!.operatorId)!;
      const methods = mfa.factors.methods(operator.id);
      return ok({
        required: mfa.factors.required(operator),
        featureEnabled: s.settings.get('mfaEnabled'),
        methods,
        recoveryWarning: mfa.factors.hasFactor(operator.id) && methods.recoveryCodesLeft <= RECOVERY_WARNING_AT,
        devices: mfa.devices.list(operator.id),
        passwordFreshUntil: session!.passwordAt + REAUTH_AFTER_MS,
        rememberDeviceDays: s.settings.get('rememberDeviceDays'),
      });
    },
    'mfa.regenerateRecoveryCodes': async (input, { session }) => {
      const fresh = await s.auth.reauthenticate(session!, input.password);
      return fresh.ok ? mfa.enrollment.regenerateRecoveryCodes(session!) : fresh;
    },
    'mfa.revokeDevice': (input, { session }) => {
      if (!mfa.devices.revoke(session!.operatorId, input.deviceId, session!.operatorId)) return fail('NOT_FOUND', 'That device is not remembered (any more).');
      return ok(mfa.devices.list(session!.operatorId));
    },
    'mfa.policy': (_input, { session }) => ok(policy(session!)),
    'mfa.setFeature': (input, { session }) => {
      s.settings.set('mfaEnabled', input.enabled);
      s.audit.append({ kind: 'settings.mfa-feature', actorId: session!.operatorId, actorLogin: session!.login, detail: { enabled: input.enabled } });
      return ok(policy(session!));
    },
    'mfa.setRememberDays': (input, { session }) => {
      s.settings.set('rememberDeviceDays', input.days);
      s.audit.append({ kind: 'settings.remember-device-days', actorId: session!.operatorId, actorLogin: session!.login, detail: { days: input.days } });
      return ok(policy(session!));
    },
    'dev.smsOutbox': () => {
      const outbox = s.devOutbox();
      if (!outbox) return fail('NOT_FOUND', 'The developer outbox is off (set BOX_OFFICE_DEV_OUTBOX=1 with the outbox SMS gateway).');
      return ok(outbox.latest().map(({ to, body, at }) => ({ to, body, at })));
    },
  };
};
