/**
 * The institution settings screen's service: reads the settings as a view, applies bounded changes
 * with an audit entry each, keeps the SMS gateway's token in the keychain, and sends a test SMS.
 */
import { fail, ok, type Result } from '../../../shared/result';
import { text, translate } from '../../../shared/i18n/translator';
import type { ApprovalSettings, InstitutionView, TestSmsSent } from '../../../shared/settings-views';
import type { PasswordPolicy } from '../../../shared/password-rules';
import type { AuditEvent, AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { logoKind, LogoError, prepareLogo } from '../delivery/ticket-logo';
import { parsePhone } from '../mfa/phone';
import type { SmsGateway } from '../mfa/sms/gateway';
import type { Sql } from '../store/sql';
import type { SmsToken } from './sms-token';
import type { Institution, InstitutionSettings, SmsGatewaySettings } from './institution-settings';
import type { Locale } from '../../../shared/i18n/locales';

/** The keychain name of the http SMS gateway's auth token. */

export interface SettingsChange {
  name?: string | undefined;
  idleLockMinutes?: number | undefined;
  absoluteHours?: number | undefined;
  kioskIdleMinutes?: number | undefined;
  passwordPolicy?: PasswordPolicy | undefined;
  /** '' clears the line. */
  ticketDoors?: string | undefined;
  ticketTerms?: string | undefined;
  language?: Locale | undefined;
  timeZone?: string | undefined;
  stepUpMinutes?: number | undefined;
  approvals?: ApprovalSettings | undefined;
}

export type GatewayChange = { kind: 'outbox' } | { kind: 'http'; baseUrl: string; accountSid: string; from: string; authToken?: string | undefined };

export class SettingsService {
  constructor(
    private readonly deps: { sql: Sql; settings: InstitutionSettings; smsToken: SmsToken; audit: AuditLog; sms: () => SmsGateway; terminal: string },
  ) {}

  async view(): Promise<InstitutionView> {
    const gateway = this.deps.settings.get('smsGateway');
    const logo = this.deps.settings.get('logo');
    const prepared = logo ? await prepareLogo(Buffer.from(logo.base64, 'base64')).catch(() => null) : null;
    return {
      ...this.plainView(),
      logo: logo && prepared ? { dataUrl: `data:${logo.type};base64,${logo.base64}`, width: prepared.width, height: prepared.height, bytes: Buffer.byteLength(logo.base64, 'base64') } : null,
      smsGateway: gateway.kind === 'outbox' ? gateway : { ...gateway, tokenStored: await this.deps.smsToken.stored() },
    };
  }

  /** The settings of the snapshot (no query). */
  private plainView(): Omit<InstitutionView, 'smsGateway' | 'logo'> {
    const { settings } = this.deps;
    const limits = settings.get('sessionLimits');
    return {
      name: settings.get('name'),
      idleLockMinutes: Math.round(limits.idleLockMs / 60_000),
      absoluteHours: Math.round(limits.absoluteMs / 3_600_000),
      kioskIdleMinutes: Math.round(settings.get('kioskIdleMs') / 60_000),
      passwordPolicy: settings.get('passwordPolicy'),
      ticketDoors: settings.get('ticketDoors'),
      ticketTerms: settings.get('ticketTerms'),
      language: settings.get('language'),
      timeZone: settings.get('timeZone'),
      stepUpMinutes: settings.get('stepUpMinutes'),
      approvals: settings.get('approvals'),
    };
  }

  /**
   * The logo on print@home tickets: a PNG or JPEG, checked (it must decode; at most 200 KB and 1,200
   * pixels a side — every ticket carries it), or null to remove it. Audited with its size, never its bytes.
   */
  async setLogo(by: Session, base64: string | null): Promise<Result<InstitutionView>> {
    if (base64 === null) {
      await this.changeAudited('logo', null, { kind: 'settings.ticket-logo', actorId: by.operatorId, actorLogin: by.login, detail: { removed: true } });
      return ok(await this.view());
    }
    const bytes = Buffer.from(base64, 'base64');
    let prepared;
    try {
      prepared = await prepareLogo(bytes);
    } catch (error) {
      if (error instanceof LogoError) return fail('VALIDATION', error.text, { field: 'logo' });
      throw error;
    }
    const type = logoKind(bytes)!;
    await this.changeAudited('logo', { type, base64: bytes.toString('base64') }, { kind: 'settings.ticket-logo', actorId: by.operatorId, actorLogin: by.login, detail: { type, bytes: bytes.length, width: prepared.width, height: prepared.height } });
    return ok(await this.view());
  }

  async update(by: Session, change: SettingsChange): Promise<Result<InstitutionView>> {
    const { settings } = this.deps;
    const before = await this.view();
    // The schema's bounds (at most 15 minutes idle, at least 1 hour in all) keep the lock before the limit.
    const idle = change.idleLockMinutes ?? before.idleLockMinutes;
    const absolute = change.absoluteHours ?? before.absoluteHours;
    // The changes and their audit entry commit together.
    const after = await this.deps.sql.transaction(async () => {
      if (change.name !== undefined) await settings.set('name', change.name);
      if (change.idleLockMinutes !== undefined || change.absoluteHours !== undefined) await settings.set('sessionLimits', { idleLockMs: idle * 60_000, absoluteMs: absolute * 3_600_000 });
      if (change.kioskIdleMinutes !== undefined) await settings.set('kioskIdleMs', change.kioskIdleMinutes * 60_000);
      if (change.passwordPolicy !== undefined) await settings.set('passwordPolicy', change.passwordPolicy);
      if (change.ticketDoors !== undefined) await settings.set('ticketDoors', change.ticketDoors || null);
      if (change.ticketTerms !== undefined) await settings.set('ticketTerms', change.ticketTerms || null);
      if (change.language !== undefined) await settings.set('language', change.language);
      if (change.timeZone !== undefined) await settings.set('timeZone', change.timeZone);
      if (change.stepUpMinutes !== undefined) await settings.set('stepUpMinutes', change.stepUpMinutes);
      if (change.approvals !== undefined) await settings.set('approvals', { ...change.approvals });
      const next = { ...before, ...this.plainView() };
      const changed = diff(before, next);
      if (Object.keys(changed).length > 0) await this.deps.audit.append({ kind: 'settings.changed', actorId: by.operatorId, actorLogin: by.login, detail: changed });
      return next;
    });
    return ok(after);
  }

  async setSmsGateway(by: Session, change: GatewayChange): Promise<Result<InstitutionView>> {
    const { sql, settings, smsToken, audit } = this.deps;
    if (change.kind === 'outbox') {
      // The token goes with the gateway that used it, in the same transaction.
      await sql.transaction(async () => {
        await settings.set('smsGateway', { kind: 'outbox' });
        await smsToken.clear();
        await audit.append({ kind: 'settings.sms-gateway', actorId: by.operatorId, actorLogin: by.login, detail: { kind: 'outbox' } });
      });
      return ok(await this.view());
    }
    const hasToken = change.authToken !== undefined || (await smsToken.stored());
    if (!hasToken) return fail('VALIDATION', text('coreAccess.settings.authTokenMissing'), { field: 'authToken' });
    const next: SmsGatewaySettings = { kind: 'http', baseUrl: change.baseUrl, accountSid: change.accountSid, from: change.from };
    // Token, gateway and audit entry commit together: a gateway is never switched on without its credentials.
    await sql.transaction(async () => {
      if (change.authToken !== undefined) await smsToken.set(change.authToken);
      await settings.set('smsGateway', next);
      await audit.append({ kind: 'settings.sms-gateway', actorId: by.operatorId, actorLogin: by.login, detail: { kind: 'http', baseUrl: next.baseUrl, accountSid: next.accountSid, from: next.from, tokenChanged: change.authToken !== undefined } });
    });
    return ok(await this.view());
  }

  async testSms(by: Session, country: string, number: string): Promise<Result<TestSmsSent>> {
    const phone = parsePhone(country, number);
    if (!phone.ok) return fail('VALIDATION', phone.message, { field: phone.field });
    const gateway = this.deps.sms();
    // In the language of whoever asked for it: the test goes to her own phone.
    const body = translate(by.language ?? this.deps.settings.get('language'), 'coreAccess.sms.test', { institution: this.deps.settings.get('name'), terminal: this.deps.terminal });
    const sent = await gateway.send({ to: phone.e164, body });
    await this.deps.audit.append({ kind: 'settings.sms-test', actorId: by.operatorId, actorLogin: by.login, detail: { to: phone.hint, gateway: gateway.kind, ok: sent.ok } });
    if (!sent.ok) return fail('SMS_UNAVAILABLE', sent.text ?? sent.message);
    return ok({ sentTo: phone.hint, gateway: gateway.kind });
  }

  /** The page a mobile ticket's text links to; the setting and its audit entry commit together. */
  async setMobileTicketUrl(by: Session, url: string | null): Promise<Result<{ mobileTicketUrl: string | null }>> {
    await this.changeAudited('mobileTicketUrl', url, { kind: 'settings.mobile-ticket-url', actorId: by.operatorId, actorLogin: by.login, detail: { url } });
    return ok({ mobileTicketUrl: url });
  }

  /** The institution-wide two-step feature (the service role only, checked by the contract's access). */
  async setMfaFeature(by: Session, enabled: boolean): Promise<void> {
    await this.changeAudited('mfaEnabled', enabled, { kind: 'settings.mfa-feature', actorId: by.operatorId, actorLogin: by.login, detail: { enabled } });
  }

  /** "Remember this device" lifetime in days; 0 switches it off. */
  async setRememberDeviceDays(by: Session, days: number): Promise<void> {
    await this.changeAudited('rememberDeviceDays', days, { kind: 'settings.remember-device-days', actorId: by.operatorId, actorLogin: by.login, detail: { days } });
  }

  private async changeAudited<K extends keyof Institution>(key: K, value: Institution[K], event: AuditEvent): Promise<void> {
    await this.deps.sql.transaction(async () => {
      await this.deps.settings.set(key, value);
      await this.deps.audit.append(event);
    });
  }
}

/** Changed top-level settings as { key: "old → new" }, flat so the audit viewer shows them. */
function diff(before: InstitutionView, after: InstitutionView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['name', 'idleLockMinutes', 'absoluteHours', 'kioskIdleMinutes', 'passwordPolicy', 'language', 'timeZone', 'stepUpMinutes'] as const) {
    const a = JSON.stringify(before[key]);
    const b = JSON.stringify(after[key]);
    if (a !== b) out[key] = `${a} → ${b}`;
  }
  // One line per approval switched, not the whole set: the log says which action changed.
  for (const action of Object.keys(after.approvals) as (keyof InstitutionView['approvals'])[]) {
    if (before.approvals[action] !== after.approvals[action]) out[`approvals.${action}`] = `${before.approvals[action]} → ${after.approvals[action]}`;
  }
  return out;
}
