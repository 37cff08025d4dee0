/**
 * The default gateway: writes each message as a JSON line to a file in the data folder, so a
 * machine with no SMS provider (development, tests, a demo) still works end to end.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../types';
import type { SmsGateway, SmsMessage } from './gateway';

export const OUTBOX_FILE = 'sms-outbox.jsonl';

export interface OutboxEntry extends SmsMessage {
  id: string;
  at: number;
}

export class OutboxGateway implements SmsGateway {
  readonly kind = 'outbox';
  private readonly file: string;

  constructor(dataDir: string, private readonly clock: Clock) {
    this.file = path.join(dataDir, OUTBOX_FILE);
  }

  async send(message: SmsMessage) {
    const entry: OutboxEntry = { id: crypto.randomUUID(), at: this.clock.now(), ...message };
    await fs.promises.appendFile(this.file, JSON.stringify(entry) + '\n', { mode: 0o600 });
    return { ok: true as const, id: entry.id };
  }

  /** The latest messages, newest first (the web shell shows them to a developer). */
  latest(limit = 20): OutboxEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    return text
      .trim()
      .split('\n')
      .filter(Boolean)
      .slice(-limit)
      .reverse()
      .map((line) => JSON.parse(line) as OutboxEntry);
  }
}
