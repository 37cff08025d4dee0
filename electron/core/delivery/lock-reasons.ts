/** Why an action on a ticket is not possible, in the words the counter needs. */
import type { ActionState, DeliveryMode } from '../../../shared/delivery-views';
import type { Locale } from '../../../shared/i18n/locales';
import { text, translateText, type LocalText } from '../../../shared/i18n/translator';
import type { OrderRecord, TicketRecord } from '../store/orders-repo';

/**
 * The message of DELIVERY_LOCKED, e.g. "Issued to mobile on 22 Nov at 14:03 by Anna at Box 2 — printing it would
 * invalidate the mobile ticket." The time is the terminal's own (its zone), like every other time on its screen.
 */
export function lockedMessage(t: TicketRecord, wanted: DeliveryMode): LocalText {
  return text('coreData.delivery.locked', {
    issued: t.delivery === 'mobile' ? 'mobile' : 'print_at_home',
    wanted,
    at: t.issuedAt ?? 0,
    by: t.issuedByName ?? '',
    byKnown: t.issuedByName ? 'yes' : 'no',
    terminal: t.issuedTerminal ?? '',
    terminalKnown: t.issuedTerminal ? 'yes' : 'no',
  });
}

export const allows = (order: OrderRecord, mode: DeliveryMode): boolean => (mode === 'mobile' ? order.allowsMobile : order.allowsPrint);

/** Whether `mode` is possible now, and why not (in the reader's language). */
export function actionState(order: OrderRecord, t: TicketRecord, mode: DeliveryMode, locale: Locale = 'en'): ActionState {
  const reason = actionRefusal(order, t, mode);
  return reason ? { allowed: false, reason: translateText(locale, reason), reasonText: reason } : { allowed: true, reason: null };
}

export function actionRefusal(order: OrderRecord, t: TicketRecord, mode: DeliveryMode): LocalText | null {
  if (!allows(order, mode)) return text('coreData.delivery.modeNotAllowed', { mode });
  if (!order.paid) return text('coreData.delivery.notPaidShort');
  if (t.delivery === 'none' || t.delivery === mode) return null;
  return lockedMessage(t, mode);
}
