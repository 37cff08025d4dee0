/** Channels of the second factor: the sign-in step, enrollment, one's own security, and the institution switch. */
import { z } from 'zod';
import type { DeviceView, MfaPolicyView, MySecurity, SmsSent, TotpEnrollment } from '../mfa-views';
import type { SessionView } from '../views';
import { SENSITIVE_ERRORS, sensitiveInput } from './sensitive';
import { channel, empty } from './define';
import { text } from '../text';

const code = z.string().trim().min(1, 'coreAccess.validation.enterCode').max(64, 'coreAccess.validation.codeTooLong');
/** Needed when the sign-in is older than an hour; the error REAUTH_REQUIRED says so. */
const password = z.string().min(1).max(4096).optional();
const SV = '`SessionView` (active once the code is right)';

export const mfaChannels = {
  'mfa.verify': channel<SessionView>()({
    input: z
      .object({
        /** 'emergency': a single-use code an admin issued (operators.issueEmergencyCode); never remembers the device. */
        method: z.enum(['totp', 'sms', 'recovery', 'emergency']),
        code,
        rememberDevice: z.boolean().default(false),
        deviceLabel: text({ min: 0, max: 80 }).optional(),
      })
      .strict(),
    access: 'challenge',
    rotatesSeat: true,
    summary: 'The second step of sign-in: a code from the authenticator app, a text message, a recovery code or an emergency code from an admin; optionally remembers this device (never with an emergency code).',
    returns: SV,
    errors: ['MFA_INVALID', 'AUTH_THROTTLED', 'AUTH_REQUIRED'],
  }),
  'mfa.sendSms': channel<SmsSent>()({
    input: empty,
    access: 'challenge',
    summary: 'Texts a sign-in code to the enrolled phone (again after 30 s at the earliest, at most 5 in 15 minutes).',
    returns: '`{ sentTo, resendAt, expiresAt }`',
    errors: ['AUTH_THROTTLED', 'SMS_UNAVAILABLE', 'NOT_FOUND'],
  }),
  'mfa.startTotp': channel<TotpEnrollment>()({
    input: z.object({ password }).strict(),
    access: 'enrollment',
    // The new key is in the answer: never kept on a request key (stored in clear).
    secretAnswer: true,
    summary: 'Starts enrolling an authenticator app: a new key, its otpauth:// URI and QR code. The key is shown only now.',
    returns: '`{ issuer, account, uri, qrDataUrl, manualKey }`',
    errors: ['REAUTH_REQUIRED', 'AUTH_INVALID'],
  }),
  'mfa.confirmTotp': channel<{ recoveryCodes: string[] | null; session: SessionView }>()({
    input: z.object({ code }).strict(),
    access: 'enrollment',
    rotatesSeat: true,
    summary: 'Confirms the authenticator with a current code; the method counts from now. Returns recovery codes when they are new.',
    returns: '`{ recoveryCodes: string[] | null, session: SessionView }`',
    errors: ['MFA_INVALID', 'CONFLICT'],
  }),
  'mfa.startSms': channel<SmsSent>()({
    input: z
      .object({
        country: z.string().trim().length(2, 'coreAccess.validation.chooseACountry'),
        number: z.string().trim().min(3, 'coreAccess.validation.enterMobileNumber').max(32, 'coreAccess.validation.numberTooLong'),
        password,
      })
      .strict(),
    access: 'enrollment',
    summary: 'Starts enrolling a mobile phone: validates the number (country + national number → E.164) and texts it a code.',
    returns: '`{ sentTo, resendAt, expiresAt }`',
    errors: ['VALIDATION', 'REAUTH_REQUIRED', 'AUTH_THROTTLED', 'SMS_UNAVAILABLE'],
  }),
  'mfa.confirmSms': channel<{ recoveryCodes: string[] | null; session: SessionView }>()({
    input: z.object({ code }).strict(),
    access: 'enrollment',
    rotatesSeat: true,
    summary: 'Confirms the phone with the texted code. Returns recovery codes when they are new.',
    returns: '`{ recoveryCodes: string[] | null, session: SessionView }`',
    errors: ['MFA_INVALID', 'CONFLICT'],
  }),
  'mfa.status': channel<MySecurity>()({
    input: empty,
    access: 'session',
    summary: 'My security: enrolled methods, recovery codes left, remembered devices.',
    returns: '`MySecurity`',
    errors: [],
  }),
  'mfa.regenerateRecoveryCodes': channel<{ codes: string[] }>()({
    input: z.object({ password }).strict(),
    access: 'session',
    // The codes are in the answer: never kept on a request key (stored in clear).
    secretAnswer: true,
    summary: 'Replaces every recovery code with 10 new ones, shown once.',
    returns: '`{ codes: string[] }`',
    errors: ['REAUTH_REQUIRED', 'AUTH_INVALID', 'CONFLICT'],
  }),
  'mfa.revokeDevice': channel<DeviceView[]>()({
    input: z.object({ deviceId: z.number().int().positive() }).strict(),
    access: 'session',
    summary: 'Forgets one of my remembered devices: the code is asked there again.',
    returns: 'my devices, `DeviceView[]`',
    errors: ['NOT_FOUND'],
  }),
  'mfa.policy': channel<MfaPolicyView>()({
    input: empty,
    access: 'operators.manage',
    summary: 'The institution\'s two-factor feature: on or off, who may switch it, remember-device days.',
    returns: '`{ enabled, canSwitch, message, rememberDeviceDays }`',
    errors: [],
  }),
  'mfa.setFeature': channel<MfaPolicyView>()({
    input: z.object({ enabled: z.boolean(), ...sensitiveInput }).strict(),
    access: 'mfa.feature',
    summary: 'Switches the institution-wide two-factor feature (service team only).',
    returns: '`MfaPolicyView`',
    errors: [...SENSITIVE_ERRORS],
  }),
  'mfa.setRememberDays': channel<MfaPolicyView>()({
    input: z.object({ days: z.number().int().min(0, 'coreAccess.validation.rememberDaysMin').max(90, 'coreAccess.validation.rememberDaysMax') }).strict(),
    access: 'settings.manage',
    summary: 'How long "remember this device" lasts: 0 (off) to 90 days.',
    returns: '`MfaPolicyView`',
    errors: [],
  }),
  'dev.smsOutbox': channel<{ to: string; body: string; at: number }[]>()({
    input: empty,
    access: 'public',
    summary: 'Development only (BOX_OFFICE_DEV_OUTBOX=1 with the outbox gateway): the latest text messages written to the outbox.',
    returns: '`{ to, body, at }[]`, newest first',
    errors: ['NOT_FOUND'],
  }),
} as const;
