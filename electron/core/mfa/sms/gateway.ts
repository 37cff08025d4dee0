/** Every SMS provider behind one interface; a failure is a message for people, never a crash. */

export interface SmsMessage {
  to: string; // E.164
  body: string;
}

export type SmsSendResult = { ok: true; id: string } | { ok: false; message: string };

export interface SmsGateway {
  readonly kind: 'outbox' | 'http';
  send(message: SmsMessage): Promise<SmsSendResult>;
}
