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
import { authHandlers } from './auth';

/** Every service a handler may call, built once in app.ts. */
export interface Services {
  auth: AuthService;
  sessions: SessionManager;
  settings: InstitutionSettings;
  appInfo: () => Omit<AppInfo, 'setupPending' | 'institution' | 'passwordPolicy'>;
}

/** The handlers of the channels whose names start with one of the given prefixes. */
export type DomainHandlers<Prefix extends string> = { [C in Extract<ChannelName, `${Prefix}${string}`>]: HandlerTable[C] };

export function buildHandlers(s: Services): HandlerTable {
  return {
    ...authHandlers(s),
  };
}
