/** What the institution settings screen sees. Never a credential: only whether one is stored. */
import type { PasswordPolicy } from './password-rules';

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
}

export interface TestSmsSent {
  sentTo: string;
  gateway: 'outbox' | 'http';
}
