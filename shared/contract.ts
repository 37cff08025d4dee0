/**
 * The one contract: every channel's name, input schema, output type and who may call it.
 * Preload, web-shell bridge, handlers and renderer types all derive from this object.
 */
import { z } from 'zod';
import type { Permission } from './roles';
import type { AppInfo, SessionView, ActiveSession } from './views';
import type { PasswordRuleResult } from './password-rules';
import type { ErrorCode } from './result';

/**
 * public      — callable without a session (sign-in, app info)
 * anySession  — any session, even locked (sign out, unlock)
 * session     — an active, unlocked session
 * Permission  — an active session whose role holds that permission
 */
export type Access = 'public' | 'anySession' | 'session' | Permission;

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  summary: string;
  /** The output, in words, for docs/API.md (the type itself is O). */
  returns: string;
  /** Error codes particular to this channel (beyond the ones every channel may answer). */
  errors: readonly ErrorCode[];
  /** Phantom: carries the output type; never read at run time. */
  readonly output?: O;
}

const channel =
  <O>() =>
  <I extends z.ZodType>(def: Omit<ChannelDef<I, O>, 'output'>): ChannelDef<I, O> =>
    def;

const empty = z.object({}).strict();

/** Login names: case-insensitive, stored lower-case. */
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Enter a login of at least 2 characters.')
  .max(64, 'A login has at most 64 characters.')
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'A login uses letters, digits and . _ - @ only, and starts with a letter or digit.');

/** Bounded so a huge body cannot cost a hash; the policy's own limit (256) gives the clearer message. */
const passwordInput = z.string().min(1, 'Enter the password.').max(4096, 'The password is too long.');

const displayNameSchema = z.string().trim().min(1, 'Enter a name.').max(120, 'A name has at most 120 characters.');

export const contract = {
  'app.info': channel<AppInfo>()({
    input: empty,
    access: 'public',
    summary: 'Product name, version, whether first-run setup is pending, kiosk mode, terminal and password policy.',
    returns: '`AppInfo`: `{ product, version, setupPending, kiosk, shell, terminal, institution, passwordPolicy }`',
    errors: [],
  }),
  'setup.createFirstAccount': channel<ActiveSession>()({
    input: z.object({ login: loginSchema, displayName: displayNameSchema, password: passwordInput }).strict(),
    access: 'public',
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
    summary: 'Signs in with login and password. Unknown login and wrong password give the same AUTH_INVALID.',
    returns: '`SessionView`: `{ state: "signedOut", reason?: "expired" }` | `{ state: "active", operator, permissions, signedInAt, idleLockAt, expiresAt }` | `{ state: "locked", operator, expiresAt }`',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED'],
  }),
  'auth.unlock': channel<SessionView>()({
    input: z.object({ password: passwordInput }).strict(),
    access: 'anySession',
    summary: 'Unlocks an idle-locked session with the signed-in operator\'s password.',
    returns: '`SessionView`: `{ state: "signedOut", reason?: "expired" }` | `{ state: "active", operator, permissions, signedInAt, idleLockAt, expiresAt }` | `{ state: "locked", operator, expiresAt }`',
    errors: ['AUTH_INVALID', 'AUTH_THROTTLED'],
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
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export const isChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
