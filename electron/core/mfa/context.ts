/** What the two-factor services share. Built once in app.ts. */
import type { AuditLog } from '../audit/audit-log';
import type { SessionManager } from '../auth/sessions';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { DevicesRepo } from '../store/devices-repo';
import type { MfaRepo } from '../store/mfa-repo';
import type { OperatorsRepo } from '../store/operators-repo';
import type { Clock } from '../types';
import type { Vault } from '../vault/vault';
import type { SmsGateway } from './sms/gateway';

export interface MfaContext {
  repo: MfaRepo;
  devices: DevicesRepo;
  operators: OperatorsRepo;
  vault: Vault;
  audit: AuditLog;
  settings: InstitutionSettings;
  sessions: SessionManager;
  clock: Clock;
  /** The configured gateway, read at send time so a settings change applies at once. */
  sms: () => SmsGateway;
  kiosk: boolean;
  terminal: string;
}

export const totpContext = (operatorId: number) => `totp:${operatorId}`;
export const phoneContext = (operatorId: number) => `phone:${operatorId}`;
