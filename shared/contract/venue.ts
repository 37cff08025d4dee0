/**
 * Channels of venue mode: create or join a venue (a fresh terminal, before its first account), the
 * terminals of the venue (admins), and the live feed of what other terminals change.
 */
import { z } from 'zod';
import type { GateCounts, JoinCodeView, LiveBatch, TerminalView, VenueMembership } from '../venue-views';
import { text } from '../text';
import { channel, empty } from './define';

/** The venue database's address, as an admin writes it: postgres://[user@]host[:port]/database[?sslmode=…]. */
const databaseAddress = z
  .string()
  .trim()
  .min(1, 'coreData.venue.enterAddress')
  .max(500, 'coreData.venue.addressTooLong')
  .refine((u) => /^postgres(ql)?:\/\//.test(u), 'coreData.venue.addressForm')
  .refine((u) => !/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(u) && !/[?&]password=/i.test(u), 'coreData.venue.passwordInAddress');

const terminalName = text({ min: 1, max: 40 });
const terminalKind = z.enum(['desk', 'gate'], { error: 'coreData.venue.chooseKind' });
/** Eight groups of four (any case, dashes and spaces optional). */
const joinCode = z
  .string()
  .trim()
  .max(80, 'coreData.venue.notAJoinCode')
  .transform((c) => c.toUpperCase().replace(/[\s-]/g, ''))
  .refine((c) => /^[A-Z2-7]{32}$/.test(c), 'coreData.venue.joinCodeFormat');

export const venueChannels = {
  'venue.membership': channel<VenueMembership>()({
    input: empty,
    access: 'public',
    summary: 'Whether this terminal works on its own (this computer only) or is joined to a venue, and as which terminal.',
    returns: '`{ mode: "local" | "venue", terminal: { id, name, kind } | null }`',
    errors: [],
  }),
  'venue.create': channel<VenueMembership>()({
    input: z
      .object({
        databaseUrl: databaseAddress,
        ownerPassword: z.string().min(1, 'coreData.venue.enterOwnerPassword').max(1000),
        terminalName,
        kind: terminalKind,
      })
      .strict(),
    access: 'public',
    summary:
      "First run only (no account yet, this computer's store still empty): sets up an empty PostgreSQL database as a venue with its owner's credentials, which are used once and not kept — the schema, a database role per terminal and the functions that add and revoke terminals — creates the venue key in this keychain and joins this terminal as the first one. The terminal then starts on the venue: set up its first account as on any first run.",
    returns: '`VenueMembership` of this terminal',
    errors: ['CONFLICT', 'STORE_UNAVAILABLE'],
  }),
  'venue.join': channel<VenueMembership>()({
    input: z.object({ databaseUrl: databaseAddress, code: joinCode }).strict(),
    access: 'public',
    summary:
      "First run only: joins the venue with a join code an admin shows on a terminal already joined (single use, 15 minutes, throttled in the database). Brings the venue key into this keychain and this terminal's own database login; the terminal then starts on the venue (sign in with a venue account).",
    returns: '`VenueMembership` of this terminal',
    errors: ['JOIN_REFUSED', 'AUTH_THROTTLED', 'CONFLICT', 'STORE_UNAVAILABLE'],
  }),
  'venue.recover': channel<VenueMembership>()({
    input: z
      .object({
        databaseUrl: databaseAddress,
        ownerPassword: z.string().min(1, 'coreData.venue.enterOwnerPassword').max(1000),
        keyFile: z.string().min(1, 'coreData.venue.chooseKeyFile').max(10_000, 'coreData.venue.notAKeyFile'),
        passphrase: z.string().min(1, 'coreData.venue.enterPassphrase').max(1000),
        terminalName,
        kind: terminalKind,
      })
      .strict(),
    access: 'public',
    summary:
      "First run only, for disaster recovery (every terminal lost): with the venue key file an admin exported, its passphrase and the database owner's credentials (used once, not kept), this terminal joins the venue as a new terminal. The key must be the one the venue's data is sealed with.",
    returns: '`VenueMembership` of this terminal',
    errors: ['AUTH_INVALID', 'CONFLICT', 'STORE_UNAVAILABLE'],
  }),
  'venue.exportKey': channel<{ fileName: string; content: string }>()({
    input: z
      .object({
        password: z.string().min(1, 'coreData.validation.passwordToConfirm').max(4096),
        passphrase: z.string().min(12, 'coreData.venue.passphraseLength').max(1000),
      })
      .strict(),
    access: 'settings.manage',
    // The sealed key is in the answer: never kept on a request key, in the venue's own database.
    secretAnswer: true,
    summary:
      "The venue key as a file sealed with a passphrase (scrypt, AES-256-GCM), for disaster recovery (`venue.recover`); asks the admin's password every time. Keep it offline: with the passphrase it opens every secret the venue seals. Audited.",
    returns: '`{ fileName, content }` (JSON text)',
    errors: ['AUTH_INVALID', 'CONFLICT'],
  }),
  'venue.terminals': channel<{ terminals: TerminalView[] }>()({
    input: empty,
    access: 'settings.manage',
    summary: 'The venue\'s terminals: name, desk or gate, joined when and by whom, last seen, revoked.',
    returns: '`{ terminals: TerminalView[] }`',
    errors: ['CONFLICT'],
  }),
  'venue.addTerminal': channel<JoinCodeView>()({
    input: z.object({ name: terminalName, kind: terminalKind }).strict(),
    access: 'settings.manage',
    // The code unwraps the venue key: never kept on a request key, in the very database that holds the wrapped key.
    secretAnswer: true,
    summary:
      'A one-time join code for a new terminal (valid 15 minutes by the database\'s clock, once), as text and QR code. The venue key travels wrapped with a key derived from the code (its last 26 characters are 130 secret bits; the first six name it); the database keeps only the wrapped key and a hash of the hash of the code. Audited.',
    returns: '`JoinCodeView`',
    errors: ['CONFLICT'],
  }),
  'venue.revokeTerminal': channel<{ terminals: TerminalView[] }>()({
    input: z.object({ terminalId: z.number().int().positive() }).strict(),
    access: 'settings.manage',
    summary:
      "Revokes a terminal: its database login is disabled and its open connections are ended, so it can neither read nor write any more, even with its stored credentials; its sessions end with them. Not this terminal. Audited.",
    returns: '`{ terminals: TerminalView[] }` after the change',
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  'venue.leave': channel<VenueMembership>()({
    input: empty,
    access: 'public',
    summary:
      "Only on a terminal that was revoked: forgets the venue (its address, this terminal's database login, and the venue key and audit anchor in this keychain) and starts again as a fresh terminal, which may join again with a new code.",
    returns: '`VenueMembership` (local)',
    errors: ['CONFLICT'],
  }),
  'venue.upgrade': channel<{ version: number }>()({
    input: z.object({ ownerLogin: text({ min: 1, max: 63 }), ownerPassword: z.string().min(1, 'coreData.venue.enterOwnerPassword').max(1000) }).strict(),
    access: 'public',
    summary:
      "Only while this terminal waits for the venue database to be upgraded (VENUE_UPGRADE_REQUIRED): runs this release's migrations with the database owner's credentials (used once, not kept), then starts.",
    returns: '`{ version }` the database is now at',
    errors: ['AUTH_INVALID', 'CONFLICT', 'STORE_UNAVAILABLE'],
  }),
  'live.wait': channel<LiveBatch>()({
    input: z.object({ after: z.number().int().min(0) }).strict(),
    access: 'session',
    passive: true,
    summary:
      "Waits (up to 20 seconds) for changes made at other terminals of the venue after `after` (0: from now), and answers with them: ids only. Screens reload what they show when a change concerns it. Not activity: it does not push the idle lock back. On this computer only: answers after the wait with no changes.",
    returns: '`{ cursor, changes: { kind, ref }[], reload }`',
    errors: [],
  }),
  'gate.counts': channel<GateCounts>()({
    input: z.object({ eventId: z.number().int().positive() }).strict(),
    access: 'gate.scan',
    summary: "Scans of an event at this gate and at the whole venue: admitted and refused.",
    returns: '`{ eventId, gate, thisGate: { admitted, refused }, venue: { admitted, refused } }`',
    errors: ['NOT_FOUND'],
  }),
} as const;
