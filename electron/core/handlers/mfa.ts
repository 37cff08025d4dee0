/** Handlers of the second factor. Security changes of one's own ask for the password again after an hour. */
import { fail, ok } from '../../../shared/result';
import { text, translate } from '../../../shared/i18n/translator';
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
      // In the reader's language (a view, not an error: dispatch does not translate it).
      message: translate(
        session.language ?? s.settings.get('language'),
        enabled ? 'coreAccess.mfaPolicy.on' : canSwitch ? 'coreAccess.mfaPolicy.offCanSwitch' : 'coreAccess.mfaPolicy.off',
      ),
    };
  };

  return {
    'mfa.verify': async (input, call) => {
      const done = await mfa.step.verify(call.seat, call.session!, input);
      return done.ok ? ok(await s.auth.view(call.session)) : done;
    },
    'mfa.sendSms': async (_input, { session }) => {
      const phone = await mfa.repo.phone(session!.operatorId);
      if (!phone?.confirmedAt) return fail('NOT_FOUND', text('coreAccess.secondFactor.noPhone'));
      const to = s.vault.decrypt(phone.phoneSealed, phoneContext(session!.operatorId)).toString();
      return mfa.sms.send(session!.operatorId, to, phone.hint, 'sign-in');
    },
    'mfa.startTotp': async (input, { session }) => {
      const fresh = await s.auth.reauthenticate(session!, input.password);
      return fresh.ok ? mfa.enrollment.startTotp(session!) : fresh;
    },
    'mfa.confirmTotp': async (input, { session }) => {
      const done = await mfa.enrollment.confirmTotp(session!, input.code);
      return done.ok ? ok({ recoveryCodes: done.value.recoveryCodes, session: await s.auth.view(session) }) : done;
    },
    'mfa.startSms': async (input, { session }) => {
      const fresh = await s.auth.reauthenticate(session!, input.password);
      return fresh.ok ? mfa.enrollment.startSms(session!, input.country, input.number) : fresh;
    },
    'mfa.confirmSms': async (input, { session }) => {
      const done = await mfa.enrollment.confirmSms(session!, input.code);
      return done.ok ? ok({ recoveryCodes: done.value.recoveryCodes, session: await s.auth.view(session) }) : done;
    },
    'mfa.status': async (_input, { session }) => {
      const operator = (await s.operatorsRepo.byId(session!.operatorId))!;
      const methods = await mfa.factors.methods(operator.id);
      const hasFactor = methods.totp || methods.sms !== null;
      return ok({
        required: await mfa.factors.required(operator),
        featureEnabled: s.settings.get('mfaEnabled'),
        methods,
        recoveryWarning: hasFactor && methods.recoveryCodesLeft <= RECOVERY_WARNING_AT,
        devices: await mfa.devices.list(operator.id),
        passwordFreshUntil: session!.passwordAt + REAUTH_AFTER_MS,
        rememberDeviceDays: s.settings.get('rememberDeviceDays'),
      });
    },
    'mfa.regenerateRecoveryCodes': async (input, { session }) => {
      const fresh = await s.auth.reauthenticate(session!, input.password);
      return fresh.ok ? mfa.enrollment.regenerateRecoveryCodes(session!) : fresh;
    },
    'mfa.revokeDevice': async (input, { session }) => {
      if (!(await mfa.devices.revoke(session!.operatorId, input.deviceId, session!.operatorId))) return fail('NOT_FOUND', text('coreAccess.devices.notRemembered'));
      return ok(await mfa.devices.list(session!.operatorId));
    },
    'mfa.policy': (_input, { session }) => ok(policy(session!)),
    // Each setting commits together with its audit entry.
    // Switching it off is sensitive: step-up, and a supervisor's approval when the institution asks.
    'mfa.setFeature': async (input, { session }) => {
      const change = async () => {
        await s.institution.setMfaFeature(session!, input.enabled);
        return ok(policy(session!));
      };
      return input.enabled ? change() : s.sensitive.run(session!, 'twoStepOff', input, change);
    },
    'mfa.setRememberDays': async (input, { session }) => {
      await s.institution.setRememberDeviceDays(session!, input.days);
      return ok(policy(session!));
    },
    'dev.smsOutbox': () => {
      const outbox = s.devOutbox();
      if (!outbox) return fail('NOT_FOUND', text('coreAccess.sms.devOutboxOff'));
      return ok(outbox.latest().map(({ to, body, at }) => ({ to, body, at })));
    },
  };
};
