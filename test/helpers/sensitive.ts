/** Steps the step-up and approval suites repeat: a ticket in the customer's hands, and its reissue. */
import type { ChannelInput } from '../../shared/contract';
import type { TestCore } from './core';

export const MINUTE = 60_000;

/** Printed as print@home: delivered, so its reissue is sensitive (a reissue frees it again, so print anew each time). */
export async function printed(t: TestCore, ticketId: number, seat = 'seat-1'): Promise<number> {
  await t.must('delivery.printAtHome', { ticketId }, seat);
  return ticketId;
}

export const reissue = (t: TestCore, ticketId: number, seat = 'seat-1', extra: Partial<ChannelInput<'delivery.reissue'>> = {}) =>
  t.call('delivery.reissue', { ticketId, reason: 'Customer lost the printout', ...extra }, seat);

/** The newest audit entries of one kind, newest first. */
export async function entries(t: TestCore, kind: string) {
  return (await t.core.internals.audit.recent(200)).filter((e) => e.kind === kind);
}

/** A login_throttle row (the sign-in counter under the bare login, the approval counter under "approve:<login>"). */
export async function throttleRow(t: TestCore, key: string): Promise<{ failures: number; locked_until: number } | undefined> {
  return t.core.internals.sql.get('SELECT failures, locked_until FROM login_throttle WHERE login = ?', [key]);
}

/** Her second-factor failure counter (the sign-in code step's). */
export async function codeFailures(t: TestCore, login: string): Promise<number> {
  const row = await t.core.internals.sql.get<{ failures: number }>('SELECT f.failures FROM mfa_failures f JOIN operators o ON o.id = f.operator_id WHERE o.login = ?', [login]);
  return row?.failures ?? 0;
}
