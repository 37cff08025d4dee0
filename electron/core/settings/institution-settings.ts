/** Typed institution settings with their defaults; stored as JSON in the settings table. */
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../../shared/password-rules';
import type { SettingsRepo } from '../store/settings-repo';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from '../auth/sessions';

export type SmsGatewaySettings = { kind: 'outbox' } | { kind: 'http'; baseUrl: string; accountSid: string; from: string };

export interface Institution {
  name: string;
  passwordPolicy: PasswordPolicy;
  sessionLimits: SessionLimits;
  /** A kiosk signs out (not locks) after this much idle time. */
  kioskIdleMs: number;
  /** The institution-wide two-factor feature; off until the service team switches it on. */
  mfaEnabled: boolean;
  /** "Remember this device" lifetime; 0 switches it off. */
  rememberDeviceDays: number;
  /** Where text messages go; the http gateway's auth token lives in the keychain, not here. */
  smsGateway: SmsGatewaySettings;
  /** The page a mobile ticket's SMS link opens, with "{barcode}" where the barcode goes; null: no links. */
  mobileTicketUrl: string | null;
}

const DEFAULTS: Institution = {
  name: 'Box Office',
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  sessionLimits: DEFAULT_SESSION_LIMITS,
  kioskIdleMs: 2 * 60_000,
  mfaEnabled: false,
  rememberDeviceDays: 30,
  smsGateway: { kind: 'outbox' },
  mobileTicketUrl: null,
};

/**
 * Reads come from a snapshot so the many synchronous `get`s of a call cost nothing; `refresh` reloads it
 * in one query before each call (dispatch), so a change made at another terminal applies at this one's
 * next call. Concurrent refreshes share one query.
 */
export class InstitutionSettings {
  private snapshot = new Map<string, unknown>();
  private loading: Promise<void> | null = null;

  constructor(private readonly repo: SettingsRepo) {}

  get<K extends keyof Institution>(key: K): Institution[K] {
    return (this.snapshot.get(`institution.${key}`) as Institution[K] | undefined) ?? DEFAULTS[key];
  }

  async set<K extends keyof Institution>(key: K, value: Institution[K]): Promise<void> {
    await this.repo.set(`institution.${key}`, value);
    this.snapshot.set(`institution.${key}`, value);
  }

  /** Back to the default (the stored value goes). */
  async reset<K extends keyof Institution>(key: K): Promise<void> {
    await this.repo.delete(`institution.${key}`);
    this.snapshot.delete(`institution.${key}`);
  }

  refresh(): Promise<void> {
    this.loading ??= this.repo
      .withPrefix('institution.')
      .then((values) => {
        this.snapshot = values;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
