/**
 * The one table: channel → service call. Inputs arrive here already validated and authorized
 * (see dispatch.ts). Each domain keeps its handlers in its own file; this file joins them.
 */
import type { ChannelName } from '../../../shared/contract';
import type { AppInfo } from '../../../shared/views';
import type { AuthService } from '../auth/auth-service';
import type { SessionManager } from '../auth/sessions';
import type { HandlerTable } from '../dispatch';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { AuditLog } from '../audit/audit-log';
import type { Enrollment } from '../mfa/enrollment';
import type { Factors } from '../mfa/factors';
import type { SecondFactorStep } from '../mfa/second-factor-step';
import type { SmsCodes } from '../mfa/sms-codes';
import type { OutboxGateway } from '../mfa/sms/outbox-gateway';
import type { SmsGateway } from '../mfa/sms/gateway';
import type { TrustedDevices } from '../mfa/trusted-devices';
import type { OperatorsService } from '../operators/operators-service';
import type { EmergencyCodes } from '../mfa/emergency-codes';
import type { MfaRepo } from '../store/mfa-repo';
import type { OperatorsRepo } from '../store/operators-repo';
import type { Vault } from '../vault/vault';
import type { DeliveryService } from '../delivery/delivery-service';
import type { GateService } from '../gate/gate-service';
import type { OrdersRepo } from '../store/orders-repo';
import type { Clock } from '../types';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { deliveryHandlers } from './delivery';
import { mfaHandlers } from './mfa';
import { operatorsHandlers } from './operators';
import { settingsHandlers } from './settings';
import { kioskHandlers } from './kiosk';
import { backupHandlers } from './backup';
import type { BackupService } from '../backup/backup-service';
import type { SettingsService } from '../settings/settings-service';
import type { Jobs } from '../jobs/jobs';
import { jobsHandlers } from './jobs';
import { venueHandlers, type VenueServices } from './venue';
import { sensitiveHandlers } from './sensitive';
import type { SensitiveActions } from '../auth/sensitive-actions';
import { clockHandlers } from './clock';
import type { ClockDrift } from '../mfa/clock-drift';

/** Every service a handler may call, built once in app.ts. */
export interface Services {
  auth: AuthService;
  sessions: SessionManager;
  settings: InstitutionSettings;
  institution: SettingsService;
  backup: BackupService;
  appInfo: () => Omit<AppInfo, 'setupPending' | 'institution' | 'passwordPolicy' | 'language' | 'timeZone'>;
  audit: AuditLog;
  vault: Vault;
  operatorsRepo: OperatorsRepo;
  operators: OperatorsService;
  emergency: EmergencyCodes;
  mfa: { repo: MfaRepo; factors: Factors; devices: TrustedDevices; step: SecondFactorStep; enrollment: Enrollment; sms: SmsCodes };
  /** The outbox, when the developer view of it is switched on. */
  devOutbox: () => OutboxGateway | null;
  clock: Clock;
  ordersRepo: OrdersRepo;
  delivery: DeliveryService;
  gate: GateService;
  jobs: Jobs;
  /** Step-up and supervisor approval, checked by every sensitive action's handler. */
  sensitive: SensitiveActions;
  clockDrift: ClockDrift;
  venue: VenueServices;
  /**
   * The transport's save dialog (Electron's main process): asks where, for the caller's window, and copies
   * `source` there. Absent in the web shell, which downloads the file through its API instead.
   */
  saveFile?: SaveFile | undefined;
  /** The configured SMS gateway, read at send time. */
  sms: () => SmsGateway;
  /** Asks the transport to close the app (kiosk, after an administrator authorized it). */
  quit: () => void;
}

export type SaveFile = (seat: string, suggestedName: string, source: string) => Promise<{ saved: boolean }>;

/** The handlers of the channels whose names start with one of the given prefixes. */
export type DomainHandlers<Prefix extends string> = { [C in Extract<ChannelName, `${Prefix}${string}`>]: HandlerTable[C] };

export function buildHandlers(s: Services): HandlerTable {
  return {
    ...authHandlers(s),
    ...mfaHandlers(s),
    ...operatorsHandlers(s),
    ...deliveryHandlers(s),
    ...auditHandlers(s),
    ...settingsHandlers(s),
    ...kioskHandlers(s),
    ...backupHandlers(s),
    ...jobsHandlers(s),
    ...venueHandlers(s),
    ...sensitiveHandlers(s),
    ...clockHandlers(s),
  };
}
