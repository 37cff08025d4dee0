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
import type { ClockDrift } from './clock-drift';

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
  /** Record every accepted TOTP code here (`recordTotp(step)`): a clock that is off shows in the offsets. */
  clockDrift: ClockDrift;
}

export const totpContext = (operatorId: number) => `totp:${operatorId}`;
export const phoneContext = (operatorId: number) => `phone:${operatorId}`;
