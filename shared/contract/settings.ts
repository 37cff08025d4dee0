/** Channels of the institution settings (admins and the service team, on the machine). */
import { z } from 'zod';
import type { InstitutionView, TestSmsSent } from '../settings-views';
import { channel, empty } from './define';
import { outsideId, text } from '../text';

const minutes = (max: number, what: string) => z.number().int(`${what}: whole minutes.`).min(1, `${what}: at least 1 minute.`).max(max, `${what}: at most ${max} minutes.`);

/** https, or plain http to this machine only (a local relay or a test double). */
const gatewayUrl = z
  .url({ protocol: /^https?$/, error: 'Enter the provider\'s address, starting with https://.' })
  .max(300)
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'Use an https:// address; plain http is allowed only to this computer.');

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
        idleLockMinutes: minutes(15, 'Idle lock').optional(),
        absoluteHours: z.number().int('Session limit: whole hours.').min(1, 'Session limit: at least 1 hour.').max(12, 'Session limit: at most 12 hours.').optional(),
        kioskIdleMinutes: minutes(15, 'Kiosk sign-out').optional(),
        passwordPolicy: z
          .object({
            minLength: z.number().int().min(12, 'Passwords need at least 12 characters.').max(64, 'A minimum above 64 characters is not allowed.'),
            requireNumberAndSymbol: z.boolean(),
          })
          .strict()
          .optional(),
        // Printed on print@home tickets; an empty text removes the line.
        ticketDoors: text({ min: 0, max: 120 }).optional(),
        ticketTerms: text({ min: 0, max: 600 }).optional(),
      })
      .strict(),
    access: 'settings.manage',
    summary: 'Changes some institution settings (and the doors and terms lines of print@home tickets); each change is audited with its old and new value. Session limits can only be tightened: idle lock 1–15 minutes, session 1–12 hours, kiosk sign-out 1–15 minutes; passwords 12–64 characters.',
    returns: '`InstitutionView`',
    errors: [],
  }),
  'settings.setLogo': channel<InstitutionView>()({
    input: z
      .object({ image: z.string().max(280_000, 'The logo is too large: use one of at most 200 KB.').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the image as base64.').nullable() })
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
          accountSid: outsideId(100, 'Enter the account id.'),
          from: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'Enter the sender number in international format, e.g. +41791234567.'),
          /** Goes to the keychain. Left out: the stored token stays. */
          authToken: z.string().min(1, 'Enter the auth token.').max(500).optional(),
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
          .url({ protocol: /^https$/, error: 'Use an https:// address.' })
          .max(300)
          .refine((u) => u.includes('{barcode}'), 'Put {barcode} where the ticket\'s barcode goes, e.g. https://tickets.example.com/m/{barcode}.')
          .nullable(),
      })
      .strict(),
    access: 'settings.manage',
    summary: 'The address of mobile tickets, with {barcode} where the barcode goes (e.g. https://tickets.example.com/m/{barcode}); null switches SMS links off.',
    returns: '`{ mobileTicketUrl }`',
    errors: [],
  }),
  'settings.testSms': channel<TestSmsSent>()({
    input: z.object({ country: z.string().length(2, 'Choose the country.'), number: z.string().trim().min(3, 'Enter the phone number.').max(30) }).strict(),
    access: 'settings.manage',
    summary: 'Sends a test text message through the configured gateway.',
    returns: '`{ sentTo, gateway }` (masked number)',
    errors: ['SMS_UNAVAILABLE'],
  }),
} as const;
