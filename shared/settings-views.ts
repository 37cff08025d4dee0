/** The ticket logo as the settings screen shows it. */
export interface LogoView {
  /** A data: URL of the image, for the preview. */
  dataUrl: string;
  width: number;
  height: number;
  bytes: number;
}

/** What the institution settings screen sees. Never a credential: only whether one is stored. */
import type { PasswordPolicy } from './password-rules';
import type { Locale } from './i18n/locales';

export type SmsGatewayView =
  | { kind: 'outbox' }
  | {
      kind: 'http';
      baseUrl: string;
      accountSid: string;
      from: string;
      /** Whether this machine's keychain holds the auth token. */
      tokenStored: boolean;
    };

export interface InstitutionView {
  /** Shown as the issuer in authenticator apps and on the sign-in screen. */
  name: string;
  idleLockMinutes: number;
  absoluteHours: number;
  /** Kiosk terminals sign out (not lock) after this much idle time. */
  kioskIdleMinutes: number;
  passwordPolicy: PasswordPolicy;
  smsGateway: SmsGatewayView;
  /** The print@home ticket: the logo beside the institution's name, doors and terms lines. */
  logo: LogoView | null;
  ticketDoors: string | null;
  ticketTerms: string | null;
  /** The default language (before sign-in, and for operators who chose none). */
  language: Locale;
  /** IANA time zone every date on screen is shown in. */
  timeZone: string;
  /** Sensitive actions ask the acting operator's second factor again when her last proof is older (1–60). */
  stepUpMinutes: number;
  /** Which sensitive actions need a supervisor's approval in the same dialog (four eyes). */
  approvals: ApprovalSettings;
}

/** Reissuing a delivered ticket, bulk reissue, restore, two-step off: each may need a supervisor's approval. */
export interface ApprovalSettings {
  reissue: boolean;
  bulkReissue: boolean;
  restore: boolean;
  twoStepOff: boolean;
}

export interface TestSmsSent {
  sentTo: string;
  gateway: 'outbox' | 'http';
}
