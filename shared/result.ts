/** What crosses every bridge: a value or a typed error. Messages are for people, codes for code. */
import { DEFAULT_LOCALE } from './i18n/locales';
import { translateText, type LocalText } from './i18n/translator';

export const ERROR_CODES = [
  'VALIDATION', // input did not match the channel's schema
  'PASSWORD_POLICY', // a new password breaks a rule; message says which
  'AUTH_INVALID', // unknown login or wrong password (deliberately the same)
  'AUTH_THROTTLED', // too many failures; details.retryAt says when to try again
  'AUTH_REQUIRED', // no session: sign in first
  'SESSION_LOCKED', // idle lock: unlock with the password
  'SESSION_EXPIRED', // absolute limit reached: sign in again
  'FORBIDDEN', // the session's role lacks the permission
  'SETUP_DONE', // first-run setup was already completed
  'SETUP_REQUIRED', // no account exists yet
  'MFA_REQUIRED', // password passed, second factor pending
  'PASSWORD_CHANGE_REQUIRED', // a one-time password passed: the operator must choose their own first
  'PASSWORD_EXPIRED', // a one-time password was not used within 72 hours
  'MFA_INVALID', // wrong or reused second-factor code
  'REAUTH_REQUIRED', // a security change needs the password again (signed in over an hour ago)
  'STEP_UP_REQUIRED', // a sensitive action needs the second factor again (last proof older than the institution's window)
  'APPROVAL_REQUIRED', // a sensitive action needs a supervisor's approval in the same call (four eyes)
  'SMS_UNAVAILABLE', // the SMS gateway failed or timed out; other methods still work
  'NOT_FOUND',
  'CONFLICT',
  'DELIVERY_LOCKED', // ticket already issued to the other delivery mode
  'VAULT_UNAVAILABLE', // the OS keychain cannot be reached
  'STORE_UNAVAILABLE', // the database cannot be opened or is refused
  'STORE_UNREACHABLE', // the venue database stopped answering for now; the terminal reconnects by itself
  'JOIN_REFUSED', // a venue join code that is wrong, expired or used; the message says which
  'TERMINAL_REVOKED', // an admin revoked this terminal: it can no longer use the venue database
  'VENUE_UPGRADE_REQUIRED', // the venue database is on an older schema: an admin runs "Upgrade the venue"
  'UNKNOWN_CHANNEL',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field the error belongs to, so a screen can show it next to that input. */
  field?: string;
  /** Epoch milliseconds after which a throttled action may be retried. */
  retryAt?: number;
  /**
   * The message's catalogue key and values: dispatch puts `message` into the session's language with them (the code
   * stays the same in every language), and a screen may put it into its own.
   */
  text?: LocalText;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A message from a catalogue (`text('…')`) is formatted in English here and again in the reader's language at the edge. */
export const fail = (code: ErrorCode, message: string | LocalText, extra: Omit<AppError, 'code' | 'message' | 'text'> = {}): { ok: false; error: AppError } => ({
  ok: false,
  error:
    typeof message === 'string'
      ? { code, message, ...extra }
      : { code, message: translateText(DEFAULT_LOCALE, message), text: message, ...extra },
});

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
