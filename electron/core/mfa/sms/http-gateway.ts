/**
 * A Twilio-compatible REST provider: POST {base}/2010-04-01/Accounts/{sid}/Messages.json, form-encoded,
 * HTTP basic auth. Credentials come from the keychain at send time and never reach a log.
 */
import type { SmsGateway, SmsMessage, SmsSendResult } from './gateway';
import { outsideIdProblem } from '../../../../shared/text';
import { text, translateText, type LocalText } from '../../../../shared/i18n/translator';

export interface HttpGatewayConfig {
  baseUrl: string;
  accountSid: string;
  from: string;
  timeoutMs?: number;
}

export class HttpGateway implements SmsGateway {
  readonly kind = 'http';

  constructor(
    private readonly config: HttpGatewayConfig,
    /** Reads the auth token from the keychain when a message is sent. */
    private readonly authToken: () => Promise<string | null>,
  ) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const url = this.messagesUrl();
    if (!url) return failed(text('coreAccess.smsGateway.badAccountId'));
    const token = await this.authToken();
    if (!token) return failed(text('coreAccess.smsGateway.noCredentials'));
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${this.config.accountSid}:${token}`).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ To: message.to, From: this.config.from, Body: message.body }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return failed(text(timedOut ? 'coreAccess.smsGateway.timeout' : 'coreAccess.smsGateway.unreachable'));
    }
    const body = (await response.json().catch(() => ({}))) as { sid?: string; message?: string; code?: number };
    if (response.ok && body.sid) return { ok: true, id: body.sid };
    if (response.status === 401 || response.status === 403) return failed(text('coreAccess.smsGateway.refused'));
    // The provider's own words stay as they came: they are data, not ours to translate.
    const detail = body.message ? `${body.code ?? response.status}: ${body.message}` : `HTTP ${response.status}`;
    return failed(text('coreAccess.smsGateway.failed', { detail }));
  }

  /**
   * The Messages URL, or null when the account id could steer it: the contract refuses such ids, but
   * one stored earlier (or written around the contract) must not reach another path or split the
   * Basic credentials at a ":". Encoded, and checked that the path is exactly the one meant.
   */
  private messagesUrl(): URL | null {
    const sid = this.config.accountSid;
    if (outsideIdProblem(sid) !== null || sid.trim() !== sid || sid === '') return null;
    const base = new URL(this.config.baseUrl.endsWith('/') ? this.config.baseUrl : `${this.config.baseUrl}/`);
    const url = new URL(`2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`, base);
    return url.pathname === `${base.pathname}2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json` ? url : null;
  }
}

/** A failure in English (what logs and tests read) with its catalogue text (what a person reads, in her language). */
const failed = (message: LocalText): SmsSendResult => ({ ok: false, message: translateText('en', message), text: message });
