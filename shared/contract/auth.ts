/** Channels of first-run setup, sign-in and sessions. */
import { z } from 'zod';
import type { SessionView, ActiveSession } from '../views';
import type { PasswordRuleResult } from '../password-rules';
import { channel, empty } from './define';
import { LOCALES } from '../i18n/locales';
import { loginSchema } from './login';
import { text } from '../text';

/** Bounded so a huge body cannot cost a hash; the policy's own limit (256) gives the clearer message. */
const passwordInput = z.string().min(1, 'coreAccess.validation.enterPassword').max(4096, 'coreAccess.validation.passwordTooLong');

export const displayNameSchema = text({ max: 120 });

export const authChannels = {
  'setup.createFirstAccount': channel<ActiveSession>()({
    input: z.object({ login: loginSchema, displayName: displayNameSchema, password: passwordInput }).strict(),
    access: 'public',
    rotatesSeat: true,
    summary: 'First run only: creates the first account (roles service and admin) and signs it in.',
    returns: 'the active `SessionView` of the new account',
    errors: ['SETUP_DONE', 'PASSWORD_POLICY'],
  }),
  'auth.status': channel<SessionView>()({
    input: empty,
    access: 'public',
    summary: 'The state of this window\'s session: signedOut, active or locked.',
    returns: '`SessionView`: `{ state: "signedOut", reason?: "expired" }` | `{ state: "active", operator, permissions, signedInAt, idleLockAt, expiresAt }` | `{ state: "locked", operator, expiresAt }`',
    errors: [],
  }),
  'auth.signIn': channel<SessionView>()({
    input: z.object({ login: loginSchema, password: passwordInput }).strict(),
    access: 'public',
    rotatesSeat: true,
    summary: 'Signs in with login and password. Unknown login and wrong password give the same AUTH_INVALID.',
    returns: '`SessionView`: `{ state: "signedOut", reason?: "expired" }` | `{ state: "active", operator, permissions, signedInAt, idleLockAt, expiresAt }` | `{ state: "locked", operator, expiresAt }`',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED', 'PASSWORD_EXPIRED'],
  }),
  'auth.setNewPassword': channel<SessionView>()({
    input: z.object({ password: passwordInput }).strict(),
    access: 'passwordChange',
    rotatesSeat: true,
    summary: 'After a one-time password (new operator, password reset): sets the operator\'s own password, then the sign-in goes on.',
    returns: '`SessionView`: `active`, or `enrollment` when a second factor must be set up',
    errors: ['PASSWORD_POLICY'],
  }),
  'auth.changePassword': channel<{ changed: true }>()({
    input: z.object({ currentPassword: passwordInput, newPassword: passwordInput }).strict(),
    access: 'session',
    summary: 'Changes one\'s own password (the current one first, throttled like a sign-in); the operator\'s other open sessions end.',
    returns: '`{ changed: true }`',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED', 'PASSWORD_POLICY'],
  }),
  'auth.unlock': channel<SessionView>()({
    input: z.object({ password: passwordInput }).strict(),
    access: 'anySession',
    rotatesSeat: true,
    summary: 'Unlocks an idle-locked session with the signed-in operator\'s password.',
    returns: '`SessionView`: `{ state: "signedOut", reason?: "expired" }` | `{ state: "active", operator, permissions, signedInAt, idleLockAt, expiresAt }` | `{ state: "locked", operator, expiresAt }`',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED'],
  }),
  'auth.setLanguage': channel<SessionView>()({
    input: z.object({ language: z.enum(LOCALES).nullable() }).strict(),
    access: 'session',
    summary: 'The signed-in operator\'s own language (English, French or German); null follows the institution\'s default. Core\'s messages to her follow it from the next call.',
    returns: '`SessionView` with the operator\'s `language`',
    errors: [],
  }),
  'auth.lockNow': channel<SessionView>()({
    input: empty,
    access: 'session',
    summary:
      'Locks this terminal at once, as the idle lock would ("Lock now", for an operator who steps away): the session stays, nothing is shown until the operator unlocks it with her password. Not in kiosk mode, which signs out instead.',
    returns: '`SessionView`: `{ state: "locked", operator, expiresAt }`',
    errors: [],
  }),
  'auth.signOut': channel<SessionView>()({
    input: empty,
    access: 'anySession',
    summary: 'Ends this window\'s session.',
    returns: '`{ state: "signedOut" }`',
    errors: [],
  }),
  'auth.checkPassword': channel<{ rules: PasswordRuleResult[]; common: boolean }>()({
    input: z.object({ password: z.string().max(4096) }).strict(),
    access: 'public',
    summary: 'Checks a candidate password against the policy and the common-password list; stores nothing.',
    returns: '`{ rules: { rule, passed, label }[], common: boolean }`',
    errors: [],
  }),
} as const;
