/** Channels of the institution settings (admins and the service team, on the machine). */
import { z } from 'zod';
import type { InstitutionView, TestSmsSent } from '../settings-views';
import { channel, empty } from './define';
import { SENSITIVE_ERRORS, sensitiveInput } from './sensitive';
import { outsideId, text } from '../text';
import { isTimeZone, LOCALES } from '../i18n/locales';
import type { MessageKey } from '../i18n/translator';

/** Whole minutes from 1 to `max`; each bound's message is a catalogue key of its own (a whole sentence for translators). */
const minutes = (max: number, messages: { whole: MessageKey; min: MessageKey; max: MessageKey }) => z.number().int(messages.whole).min(1, messages.min).max(max, messages.max);

/** https, or plain http to this machine only (a local relay or a test double). */
const gatewayUrl = z
  .url({ protocol: /^https?$/, error: 'coreAccess.validation.gatewayUrl' })
  .max(300)
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'coreAccess.validation.gatewayHttps');

export const settingsChannels = {
  'settings.get': channel<InstitutionView>()({
    input: empty,
    access: 'settings.manage',
    summary: 'The institution settings: name, session limits, kiosk idle time, password policy and SMS gateway (whether its token is stored, never the token).',
    returns: '`InstitutionView`',
    errors: [],
  }),
  'settings.update': channel<InstitutionView>()({
    input: z
      .object({
        // Also the issuer authenticator apps show next to the code.
        name: text({ max: 80 }).optional(),
        // Settings may tighten the security defaults (15 minutes idle, 12 hours), never loosen them.
        idleLockMinutes: minutes(15, { whole: 'coreAccess.validation.idleLockWhole', min: 'coreAccess.validation.idleLockMin', max: 'coreAccess.validation.idleLockMax' }).optional(),
        absoluteHours: z.number().int('coreAccess.validation.sessionLimitWhole').min(1, 'coreAccess.validation.sessionLimitMin').max(12, 'coreAccess.validation.sessionLimitMax').optional(),
        kioskIdleMinutes: minutes(15, { whole: 'coreAccess.validation.kioskSignOutWhole', min: 'coreAccess.validation.kioskSignOutMin', max: 'coreAccess.validation.kioskSignOutMax' }).optional(),
        passwordPolicy: z
          .object({
            minLength: z.number().int().min(12, 'coreAccess.validation.passwordMinLengthLow').max(64, 'coreAccess.validation.passwordMinLengthHigh'),
            requireNumberAndSymbol: z.boolean(),
          })
          .strict()
          .optional(),
        // Printed on print@home tickets; an empty text removes the line.
        ticketDoors: text({ min: 0, max: 120 }).optional(),
        ticketTerms: text({ min: 0, max: 600 }).optional(),
        // The language of every terminal before sign-in and of operators who chose none; the zone every date is shown in.
        language: z.enum(LOCALES).optional(),
        timeZone: z.string().max(64).refine(isTimeZone, 'coreAccess.validation.timeZone').optional(),
        // How old the operator's last proof may be before a sensitive action asks her second factor again.
        stepUpMinutes: minutes(60, { whole: 'stepUp.validation.minutesWhole', min: 'stepUp.validation.minutesMin', max: 'stepUp.validation.minutesMax' }).optional(),
        // The sensitive actions a supervisor must approve in the acting operator's dialog.
        approvals: z.object({ reissue: z.boolean(), bulkReissue: z.boolean(), restore: z.boolean(), twoStepOff: z.boolean() }).strict().optional(),
        // Switching a required approval off is itself sensitive: her code again, and a supervisor's approval.
        ...sensitiveInput,
      })
      .strict(),
    access: 'settings.manage',
    summary: 'Changes some institution settings (and the doors and terms lines of print@home tickets); each change is audited with its old and new value. Session limits can only be tightened: idle lock 1–15 minutes, session 1–12 hours, kiosk sign-out 1–15 minutes; passwords 12–64 characters. Sensitive actions ask the second factor again after `stepUpMinutes` (1–60, default 5); `approvals` says which need a supervisor\'s approval (reissuing a delivered ticket, bulk reissue, restore, switching two-step off). Switching one of those off is a sensitive action (`approvalsOff`): the admin\'s code again when her last proof is old, and always a supervisor\'s approval in the same call.',
    returns: '`InstitutionView`',
    errors: [...SENSITIVE_ERRORS],
  }),
  'settings.setLogo': channel<InstitutionView>()({
    input: z
      .object({ image: z.string().max(280_000, 'coreAccess.validation.logoTooLarge').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'coreAccess.validation.logoBase64').nullable() })
      .strict(),
    access: 'settings.manage',
    summary:
      'The logo printed beside the institution\'s name on print@home tickets: a PNG or JPEG (base64), checked to decode as an image, at most 200 KB and 1,200 pixels a side; null removes it. Tickets issued before keep their own file. Audited (size, never the image).',
    returns: '`InstitutionView`',
    errors: [],
  }),
  'settings.setSmsGateway': channel<InstitutionView>()({
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('outbox') }).strict(),
      z
        .object({
          kind: z.literal('http'),
          baseUrl: gatewayUrl,
          // Goes into the provider's URL path and Basic credentials.
          accountSid: outsideId(100, 'coreAccess.validation.enterAccountId'),
          from: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'coreAccess.validation.senderNumber'),
          /** Goes to the keychain. Left out: the stored token stays. */
          authToken: z.string().min(1, 'coreAccess.validation.enterAuthToken').max(500).optional(),
        })
        .strict(),
    ]),
    access: 'settings.manage',
    summary: 'Chooses the SMS gateway: the outbox file, or a Twilio-compatible http provider whose auth token goes to the OS keychain, never the store.',
    returns: '`InstitutionView`',
    errors: [],
  }),
  'settings.setMobileTicketUrl': channel<{ mobileTicketUrl: string | null }>()({
    input: z
      .object({
        url: z
          .url({ protocol: /^https$/, error: 'coreAccess.validation.mobileTicketHttps' })
          .max(300)
          .refine((u) => u.includes('{barcode}'), 'coreAccess.validation.mobileTicketBarcode')
          .nullable(),
      })
      .strict(),
    access: 'settings.manage',
    summary: 'The address of mobile tickets, with {barcode} where the barcode goes (e.g. https://tickets.example.com/m/{barcode}); null switches SMS links off.',
    returns: '`{ mobileTicketUrl }`',
    errors: [],
  }),
  'settings.testSms': channel<TestSmsSent>()({
    input: z.object({ country: z.string().length(2, 'coreAccess.validation.chooseTheCountry'), number: z.string().trim().min(3, 'coreAccess.validation.enterPhoneNumber').max(30) }).strict(),
    access: 'settings.manage',
    summary: 'Sends a test text message through the configured gateway.',
    returns: '`{ sentTo, gateway }` (masked number)',
    errors: ['SMS_UNAVAILABLE'],
  }),
} as const;
