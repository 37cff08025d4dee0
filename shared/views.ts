/** What the renderer may see. Nothing here ever holds a secret (hash, seed, token, code). */
import type { Permission, Role } from './roles';
import type { PasswordPolicy } from './password-rules';

export interface AppInfo {
  product: string;
  version: string;
  setupPending: boolean;
  kiosk: boolean;
  shell: 'electron' | 'web';
  terminal: string;
  institution: string;
  passwordPolicy: PasswordPolicy;
}

export interface OperatorSummary {
  id: number;
  login: string;
  displayName: string;
  /** An account may hold several roles; the first account holds service and admin. */
  roles: Role[];
}

export type SessionView =
  | {
      state: 'signedOut';
      /** Why the last session ended, when it ended by itself. */
      reason?: 'expired';
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
    }
  | { state: 'locked'; operator: OperatorSummary; expiresAt: number };

export type ActiveSession = Extract<SessionView, { state: 'active' }>;
