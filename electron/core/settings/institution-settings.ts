/** Typed institution settings with their defaults; stored as JSON in the settings table. */
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../../shared/password-rules';
import type { SettingsRepo } from '../store/settings-repo';
import type { ApprovalSettings } from '../../../shared/settings-views';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type Locale } from '../../../shared/i18n/locales';
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
  /** The logo on print@home tickets (checked when uploaded: delivery/ticket-logo.ts). */
  logo: { type: 'image/png' | 'image/jpeg'; base64: string } | null;
  /** Doors and entrance, printed under the date on print@home tickets. */
  ticketDoors: string | null;
  /** Terms, printed small at the foot of print@home tickets. */
  ticketTerms: string | null;
  /** Every terminal speaks it before sign-in, and to operators (and customers) who chose none. */
  language: Locale;
  /** The IANA zone every date on screen is shown in (an event's start: the event's own zone). */
  timeZone: string;
  /** A sensitive action asks the second factor again when the operator's last proof is older (auth/step-up.ts). */
  stepUpMinutes: number;
  /** The sensitive actions a supervisor must approve (auth/approval.ts); none by default. */
  approvals: ApprovalSettings;
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
  logo: null,
  ticketDoors: null,
  ticketTerms: null,
  language: DEFAULT_LOCALE,
  timeZone: DEFAULT_TIME_ZONE,
  stepUpMinutes: 5,
  approvals: { reissue: false, bulkReissue: false, restore: false, twoStepOff: false },
};

/**
 * Reads come from a snapshot so the many synchronous `get`s of a call cost nothing. Before each call
 * (dispatch) `refreshIfDue` reloads it in one query when it is a second old, when this terminal wrote
 * a setting (a write whose transaction rolled back must not linger), or when the venue's change feed
 * said another terminal did: a change made elsewhere applies here within a second (DESIGN: Venue), and
 * a busy gate does not pay a query — on PostgreSQL a round trip — for every scan. Concurrent refreshes
 * share one query.
 */
export class InstitutionSettings {
  private snapshot = new Map<string, unknown>();
  private loading: Promise<void> | null = null;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private stale = true;

  constructor(private readonly repo: SettingsRepo) {}

  get<K extends keyof Institution>(key: K): Institution[K] {
    return (this.snapshot.get(`institution.${key}`) as Institution[K] | undefined) ?? DEFAULTS[key];
  }

  async set<K extends keyof Institution>(key: K, value: Institution[K]): Promise<void> {
    this.stale = true;
    await this.repo.set(`institution.${key}`, value);
    this.snapshot.set(`institution.${key}`, value);
  }

  /** Back to the default (the stored value goes). */
  async reset<K extends keyof Institution>(key: K): Promise<void> {
    this.stale = true;
    await this.repo.delete(`institution.${key}`);
    this.snapshot.delete(`institution.${key}`);
  }

  /** Another terminal changed a setting (the venue's change feed): reload before the next call. */
  markStale(): void {
    this.stale = true;
  }

  /** Reloads when the snapshot is a second old or marked stale; otherwise nothing. */
  refreshIfDue(now: number = performance.now()): Promise<void> {
    if (!this.stale && now - this.loadedAt < SNAPSHOT_MAX_AGE_MS) return Promise.resolve();
    return this.refresh();
  }

  refresh(): Promise<void> {
    if (this.loading) return this.loading;
    // Taken before the query: a write or a notice that comes while it runs marks the snapshot stale again.
    this.stale = false;
    this.loadedAt = performance.now();
    this.loading = this.repo
      .withPrefix('institution.')
      .then((values) => {
        this.snapshot = values;
      })
      .finally(() => {
        this.loading = null;
      })
      .catch((error: unknown) => {
        this.stale = true;
        throw error;
      });
    return this.loading;
  }
}

/** How old the snapshot may be before a call reloads it. */
export const SNAPSHOT_MAX_AGE_MS = 1_000;
