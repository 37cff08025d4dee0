/**
 * Channels of sensitive actions besides the actions themselves: what a dialog must ask, and the text
 * messages that carry a step-up or an approval code. The actions' own channels carry the proof and the
 * approval (contract/sensitive.ts) and core checks them there, whatever a screen asked beforehand.
 */
import { z } from 'zod';
import type { SmsSent } from '../mfa-views';
import { SENSITIVE_ACTIONS, type SensitiveCheckView } from '../sensitive-views';
import { channel, empty } from './define';
import { loginSchema } from './login';

export const sensitiveChannels = {
  'sensitive.check': channel<SensitiveCheckView>()({
    input: z.object({ action: z.enum(SENSITIVE_ACTIONS) }).strict(),
    access: 'session',
    summary:
      'What a sensitive action will ask of this session, so one dialog asks everything at once: `stepUp` (her second factor again, or her password when she has none, once her last proof is older than the institution\'s `stepUpMinutes`) and `approval` (a supervisor\'s login, password and code, when the institution asks for one). `reissue` means a ticket already delivered. Informative only: the action\'s own channel checks again.',
    returns: '`{ stepUp: { needed, methods, phone, minutes }, approval: { needed } }`',
    errors: [],
  }),
  'sensitive.sendStepUpSms': channel<SmsSent>()({
    input: empty,
    access: 'session',
    summary: 'Texts a step-up code to the signed-in operator\'s own phone (its own purpose: it never passes for a sign-in code). The same limits as sign-in codes.',
    returns: '`{ sentTo, resendAt, expiresAt }`',
    errors: ['AUTH_THROTTLED', 'SMS_UNAVAILABLE', 'NOT_FOUND'],
  }),
  'sensitive.sendApprovalSms': channel<SmsSent>()({
    input: z
      .object({
        /** The action she is asked to approve: her text says so, and the audit log. */
        action: z.enum(SENSITIVE_ACTIONS),
        login: loginSchema,
        password: z.string().min(1, 'coreAccess.validation.enterPassword').max(4096, 'coreAccess.validation.passwordTooLong'),
      })
      .strict(),
    access: 'session',
    summary:
      'Texts an approval code to a supervisor\'s phone once her login and password are right: wrong ones count on her approval counter (never her sign-in one). Her own action, or an account that cannot approve, is refused.',
    returns: '`{ sentTo, resendAt, expiresAt }`',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED', 'FORBIDDEN', 'NOT_FOUND', 'SMS_UNAVAILABLE'],
  }),
} as const;
