/**
 * The mobile ticket sent as a link by SMS. Sending issues the ticket to mobile first (same rules,
 * same compare-and-set), so a link never exists for a ticket that is locked to print@home.
 * The link carries the barcode, so it is a bearer credential: it goes to the phone, never to the audit log.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { MobileLinkSent } from '../../../shared/delivery-views';
import { fail, ok, type Result } from '../../../shared/result';
import { text, translate } from '../../../shared/i18n/translator';
import { customerLocale } from './locale';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { maskPhone } from '../mfa/phone';
import type { SmsGateway } from '../mfa/sms/gateway';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { OrdersRepo } from '../store/orders-repo';

export interface MobileLinkDeps {
  orders: OrdersRepo;
  settings: InstitutionSettings;
  audit: AuditLog;
  sms: () => SmsGateway;
  /** Issues one ticket to mobile under the delivery rules (DeliveryService.issueMobile). */
  issueMobile: (ticketId: number) => Promise<Result<unknown>>;
}

const BARCODE_SLOT = '{barcode}';

/** An international number ("+41 79 …") to E.164, or null. */
function e164(raw: string | null | undefined): string | null {
  if (!raw || !raw.trim().startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(raw.trim());
  return parsed && parsed.isValid() ? parsed.number : null;
}

export async function sendMobileLink(d: MobileLinkDeps, session: Session, ticketId: number, phone: string | undefined): Promise<Result<MobileLinkSent>> {
  const ticket = await d.orders.ticket(ticketId);
  if (!ticket) return fail('NOT_FOUND', text('coreData.delivery.noSuchTicket'));
  const template = d.settings.get('mobileTicketUrl');
  if (!template || !template.includes(BARCODE_SLOT)) return fail('SMS_UNAVAILABLE', text('coreData.mobileLink.noAddress'));
  const order = (await d.orders.order(ticket.orderId))!;
  const to = e164(phone ?? order.customerPhone);
  if (!to) {
    return fail('VALIDATION', text(phone === undefined ? 'coreData.mobileLink.noOrderPhone' : 'coreData.mobileLink.badPhone'), { field: 'phone' });
  }
  const issued = await d.issueMobile(ticketId);
  if (!issued.ok) return issued;
  // The barcode as it is now, after issuing (a reissue since the screen loaded gives a new one).
  const current = (await d.orders.ticket(ticketId))!;
  const link = template.replace(BARCODE_SLOT, encodeURIComponent(current.barcode));
  // In the customer's language (her order's, else the institution's), whoever sends it.
  const body = translate(customerLocale(order, d.settings), 'ticket.sms.body', { institution: d.settings.get('name'), event: current.eventName, seat: current.seat, link });
  const sent = await d.sms().send({ to, body });
  const sentTo = maskPhone(to);
  // After the send (never inside a transaction: the gateway is slow); the entry commits on its own.
  await d.audit.append({
    kind: sent.ok ? 'delivery.mobile-link-sent' : 'delivery.mobile-link-failed',
    actorId: session.operatorId,
    actorLogin: session.login,
    subject: order.number,
    detail: { ticket: ticketId, generation: current.generation, to: sentTo },
  });
  if (!sent.ok) return fail('SMS_UNAVAILABLE', text('coreData.mobileLink.sendFailed', { problem: sent.message }));
  return ok({ ticketId, sentTo });
}
