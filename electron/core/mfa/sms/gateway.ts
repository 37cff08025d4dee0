/** Every SMS provider behind one interface; a failure is a message for people, never a crash. */
import type { LocalText } from '../../../../shared/i18n/translator';

export interface SmsMessage {
  to: string; // E.164
  body: string;
}

/** `message` is in English; `text`, when the gateway gives one, is the same message from the catalogue (for the reader's language). */
export type SmsSendResult = { ok: true; id: string } | { ok: false; message: string; text?: LocalText };

export interface SmsGateway {
  readonly kind: 'outbox' | 'http';
  send(message: SmsMessage): Promise<SmsSendResult>;
}
