/** Handlers of app info, first-run setup, sign-in and sessions. */
import { fail, ok } from '../../../shared/result';
import { text } from '../../../shared/i18n/translator';
import { passwordReport } from '../auth/password-policy';
import type { DomainHandlers, Services } from './index';

export const authHandlers = (s: Services): DomainHandlers<'app.' | 'setup.' | 'auth.'> => ({
  'app.info': async () =>
    ok({
      ...s.appInfo(),
      setupPending: await s.auth.setupPending(),
      institution: s.settings.get('name'),
      passwordPolicy: s.settings.get('passwordPolicy'),
      language: s.settings.get('language'),
      timeZone: s.settings.get('timeZone'),
    }),
  'setup.createFirstAccount': (input, call) => s.auth.createFirstAccount(call.seat, input),
  'auth.status': async (_input, { lookup }) => {
    if (lookup.status === 'expired') return ok({ state: 'signedOut', reason: ({ pending: 'secondFactorTimeout', absolute: 'expired', idle: 'idle' } as const)[lookup.reason] });
    return ok(await s.auth.view(lookup.status === 'none' ? null : lookup.session));
  },
  'auth.signIn': (input, call) => s.auth.signIn(call.seat, input.login, input.password),
  'auth.setNewPassword': (input, call) => s.auth.setNewPassword(call.session!, input.password),
  'auth.changePassword': async (input, call) => {
    const changed = await s.auth.changeOwnPassword(call.session!, input.currentPassword, input.newPassword);
    return changed.ok ? ok({ changed: true as const }) : changed;
  },
  'auth.unlock': (input, call) =>
    call.session!.stage === 'active' ? s.auth.unlock(call.seat, call.session!, input.password) : fail('MFA_REQUIRED', text('coreAccess.session.finishSecondStep')),
  'auth.setLanguage': async (input, call) => {
    // Her choice, not a security setting: not audited. This session speaks it from the next call.
    await s.operatorsRepo.setLanguage(call.session!.operatorId, input.language);
    call.session!.language = input.language;
    return ok(await s.auth.view(call.session!));
  },
  'auth.lockNow': async (_input, call) => {
    s.sessions.lock(call.session!);
    return ok(await s.auth.view(call.session!));
  },
  'auth.signOut': async (_input, call) => ok(await s.auth.signOut(call.seat)),
  'auth.checkPassword': (input) => ok(passwordReport(input.password, s.settings.get('passwordPolicy'))),
});
