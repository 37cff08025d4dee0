/** What the renderer may see. Nothing here ever holds a secret (hash, seed, token, code). */
import type { Permission, Role } from './roles';
import type { Locale } from './i18n/locales';
import type { PasswordPolicy } from './password-rules';
import type { RememberDeviceOffer, SecondFactorMethods } from './mfa-views';
import type { ClockWarning } from './clock-views';

export interface AppInfo {
  product: string;
  version: string;
  setupPending: boolean;
  kiosk: boolean;
  shell: 'electron' | 'web';
  terminal: string;
  institution: string;
  passwordPolicy: PasswordPolicy;
  /** Which engine holds the data, and where: a file path, or the venue database's address without its password. */
  store: { engine: 'sqlite' | 'postgres'; location: string };
  /** The institution's default language: every screen before sign-in speaks it. */
  language: Locale;
  /** The institution's time zone: every date on screen is shown in it. */
  timeZone: string;
}

export interface OperatorSummary {
  id: number;
  login: string;
  displayName: string;
  /** An account may hold several roles; the first account holds service and admin. */
  roles: Role[];
  /** Her own language; null follows the institution's default. */
  language: Locale | null;
}

export type SessionView =
  | {
      state: 'signedOut';
      /** Why the last session ended, when it ended by itself. */
      reason?: 'expired' | 'secondFactorTimeout' | 'idle';
    }
  | {
      state: 'active';
      operator: OperatorSummary;
      permissions: Permission[];
      signedInAt: number;
      /** When the idle lock falls if nothing happens (epoch ms). */
      idleLockAt: number;
      /** Absolute end of the session (epoch ms). */
      expiresAt: number;
      /**
       * Two-step is required of her and she has no factor yet, but the admin allowed sign-ins before setup:
       * how many of them are left after this one (0: the next sign-in asks her to set it up). Null otherwise.
       */
      enrollmentGrace: { left: number } | null;
    }
  | { state: 'locked'; operator: OperatorSummary; expiresAt: number }
  | {
      /** Password passed; a code from one of these methods is asked. */
      state: 'secondFactor';
      operator: OperatorSummary;
      methods: SecondFactorMethods;
      remember: RememberDeviceOffer;
      /** The pending sign-in ends then (5 minutes after the password). */
      expiresAt: number;
      /** This terminal's clock looks off: codes may fail (a notice, never a block). */
      clockWarning: ClockWarning | null;
    }
  | {
      /** A one-time password passed; the operator must choose their own before anything else. */
      state: 'passwordChange';
      operator: OperatorSummary;
      expiresAt: number;
    }
  | {
      /** Password passed; this operator must enroll a second factor before anything else. */
      state: 'enrollment';
      operator: OperatorSummary;
      expiresAt: number;
      clockWarning: ClockWarning | null;
    };

export type ActiveSession = Extract<SessionView, { state: 'active' }>;
