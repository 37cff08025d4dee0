/** Why an action on a ticket is not possible, in the words the counter needs. */
import type { ActionState, DeliveryMode } from '../../../shared/delivery-views';
import type { OrderRecord, TicketRecord } from '../store/orders-repo';
import { dayAndTime } from './local-time';

const MODE = { mobile: 'mobile', print_at_home: 'print@home' } as const;

export function issuedWhen(t: TicketRecord): string {
  // The terminal's own time zone, like every other time on its screen: the counter and its customer are both here.
  return `on ${dayAndTime(t.issuedAt ?? 0)} by ${t.issuedByName ?? 'an operator'} at ${t.issuedTerminal ?? 'another terminal'}`;
}

/** The message of DELIVERY_LOCKED, e.g. "Issued to mobile on 22 Nov at 14:03 by Anna at Box 2 — printing it would invalidate the mobile ticket." */
export function lockedMessage(t: TicketRecord, wanted: DeliveryMode): string {
  const issued = t.delivery === 'mobile' ? 'Issued to mobile' : 'Printed as print@home';
  const consequence = wanted === 'print_at_home' ? 'printing it would invalidate the mobile ticket' : 'sending it to a phone would invalidate the printed ticket';
  return `${issued} ${issuedWhen(t)} — ${consequence}. Reissue the ticket if the customer needs the other form.`;
}

export const allows = (order: OrderRecord, mode: DeliveryMode): boolean => (mode === 'mobile' ? order.allowsMobile : order.allowsPrint);

export function actionState(order: OrderRecord, t: TicketRecord, mode: DeliveryMode): ActionState {
  if (!allows(order, mode)) return { allowed: false, reason: `The shop does not allow ${MODE[mode]} for this order.` };
  if (!order.paid) return { allowed: false, reason: 'The order is not paid yet.' };
  if (t.delivery === 'none' || t.delivery === mode) return { allowed: true, reason: null };
  return { allowed: false, reason: lockedMessage(t, mode) };
}
