/**
 * Ticket delivery: mobile xor print@home per ticket, atomically, whatever the screen does.
 * A lock is a compare-and-set on the ticket row, so two terminals or two clicks cannot both win;
 * the print@home PDF is stored in the same transaction that sets the state.
 */
import crypto from 'node:crypto';
import type { DeliveryMode, IssueResult, MobileLinkSent, OrderView, PrintAtHomeDocument, TicketView } from '../../../shared/delivery-views';
import { fail, ok, type Result } from '../../../shared/result';
import type { Locale } from '../../../shared/i18n/locales';
import { text, translate, translateText, type LocalText } from '../../../shared/i18n/translator';
import { formatMoney } from '../../../shared/i18n/format';
import { can } from '../../../shared/roles';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { SmsGateway } from '../mfa/sms/gateway';
import type { InstitutionSettings } from '../settings/institution-settings';
import type { OperatorsRepo } from '../store/operators-repo';
import type { OrderRecord, OrdersRepo, TicketRecord } from '../store/orders-repo';
import type { Sql } from '../store/sql';
import type { Clock } from '../types';
import { newBarcode } from './barcode';
import { actionRefusal, actionState, lockedMessage } from './lock-reasons';
import { customerLocale, sessionLocale } from './locale';
import { sendMobileLink } from './mobile-link';
import { renderTicketPdf, type TicketPdfInput } from './ticket-pdf';

export interface DeliveryDeps {
  /** The store: a state change and its audit entry commit in one `sql.transaction`. */
  sql: Sql;
  orders: OrdersRepo;
  operators: OperatorsRepo;
  audit: AuditLog;
  settings: InstitutionSettings;
  clock: Clock;
  terminal: string;
  /** The SMS gateway for mobile-ticket links; absent where no text message can be sent (the test workers). */
  sms?: () => SmsGateway;
}

export class DeliveryService {
  constructor(private readonly d: DeliveryDeps) {}

  /** An order with one page of tickets; each action says whether this session may do it now, and why not. */
  async orderView(session: Session, orderId: number, offset: number, limit: number): Promise<Result<OrderView>> {
    const order = await this.d.orders.order(orderId);
    if (!order) return fail('NOT_FOUND', text('coreData.orders.missing'));
    const counts = await this.d.orders.ticketCounts(orderId);
    const page = await this.d.orders.ticketsPage(orderId, offset, limit);
    const locale = sessionLocale(session, this.d.settings);
    return ok({
      id: order.id,
      number: order.number,
      customerName: order.customerName,
      customerEmail: order.customerEmail,
      customerPhone: order.customerPhone,
      allowedModes: [...(order.allowsMobile ? (['mobile'] as const) : []), ...(order.allowsPrint ? (['print_at_home'] as const) : [])],
      checkoutMode: order.checkoutMode,
      paid: order.paid,
      language: order.language,
      counts,
      ticketCount: counts.none + counts.mobile + counts.print_at_home,
      tickets: page.map((t) => this.ticketView(session, order, t, locale)),
      offset,
    });
  }

  /** Issues each target ticket to mobile; a ticket already on mobile stays as it is (same ticket, same barcode). */
  async issueMobile(session: Session, target: { ticketIds: number[] }): Promise<Result<IssueResult>> {
    const ids = target.ticketIds;
    const by = await this.issuer(session);
    const now = this.d.clock.now();
    const locale = sessionLocale(session, this.d.settings);
    // The issues and their audit entry commit together: a crash cannot leave an issued ticket unaudited.
    const failures = new Map<number, LocalText>();
    const { issued, refused } = await this.d.sql.transaction(async () => {
      const refused: IssueResult['refused'] = [];
      let issued = 0;
      for (const ticketId of ids) {
        const checked = await this.check(ticketId, 'mobile');
        if (!checked.ok) {
          if (checked.error.text) failures.set(ticketId, checked.error.text);
          refused.push({ ticketId, reason: checked.error.text ? translateText(locale, checked.error.text) : checked.error.message });
          continue;
        }
        const { ticket } = checked.value;
        if (ticket.delivery === 'mobile') continue;
        // The claim decides (another terminal may have changed the ticket since it was read above).
        if (await this.d.orders.claim(ticketId, ticket.generation, 'mobile', by, now)) {
          issued += 1;
          continue;
        }
        const current = (await this.d.orders.ticket(ticketId))!;
        // Another terminal issued it to mobile at the same moment: the ticket is on mobile, as asked.
        if (current.delivery === 'mobile') continue;
        const why = current.delivery === 'none' ? text('coreData.delivery.changedMeanwhile') : lockedMessage(current, 'mobile');
        failures.set(ticketId, why);
        refused.push({ ticketId, reason: translateText(locale, why) });
      }
      if (issued > 0) await this.d.audit.append({ kind: 'delivery.mobile-issued', actorId: session.operatorId, actorLogin: session.login, detail: { tickets: issued, first: ids[0] ?? null } });
      return { issued, refused };
    });
    // A single ticket that could not be issued is an error the screen shows as such.
    if (ids.length === 1 && refused.length === 1) {
      const t = await this.d.orders.ticket(ids[0]!);
      const code = t && t.delivery === 'print_at_home' ? 'DELIVERY_LOCKED' : t ? 'CONFLICT' : 'NOT_FOUND';
      return fail(code, failures.get(ids[0]!) ?? refused[0]!.reason);
    }
    return ok({ issued, refused });
  }

  async printAtHome(session: Session, ticketId: number): Promise<Result<PrintAtHomeDocument>> {
    const checked = await this.check(ticketId, 'print_at_home');
    if (!checked.ok) return checked;
    const { ticket, order } = checked.value;
    if (ticket.delivery === 'print_at_home') return this.reopen(session, ticket);
    // Rendered outside the transaction (it is the slow part); the claim decides who wins.
    const now = this.d.clock.now();
    const by = await this.issuer(session);
    const pdf = await renderTicketPdf(this.pdfInput(ticket, order, now));
    const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
    const [won] = await this.commitPrinted(session, by, [{ ticket, order, pdf, sha256, issuedAt: now }]);
    if (!won) {
      const current = (await this.d.orders.ticket(ticket.id))!;
      if (current.delivery === 'print_at_home' && current.generation === ticket.generation) return this.reopen(session, current);
      return fail('DELIVERY_LOCKED', current.delivery === 'none' ? text('coreData.delivery.changedMeanwhile') : lockedMessage(current, 'print_at_home'));
    }
    return ok({ ticketId: ticket.id, fileName: fileName(order, ticket), pdfBase64: Buffer.from(pdf).toString('base64'), sha256, reopened: false });
  }

  /** Issues the ticket to mobile (if not yet) and texts the customer a link to it. */
  sendMobileLink(session: Session, ticketId: number, phone: string | undefined): Promise<Result<MobileLinkSent>> {
    const sms = this.d.sms;
    if (!sms) return Promise.resolve(fail('SMS_UNAVAILABLE', text('coreData.delivery.noSmsHere')));
    const { orders, settings, audit } = this.d;
    return sendMobileLink({ orders, settings, audit, sms, issueMobile: (id) => this.issueMobile(session, { ticketIds: [id] }) }, session, ticketId, phone);
  }

  /**
   * What the renderer draws for a ticket issued at `issuedAt`: one function for print@home alone and the
   * bulk job, so a ticket's stored PDF is the same bytes whichever made it.
   */
  pdfInput(ticket: TicketRecord, order: OrderRecord, issuedAt: number): TicketPdfInput {
    const locale = customerLocale(order, this.d.settings);
    return {
      locale,
      institution: this.d.settings.get('name'),
      logo: logoBytes(this.d.settings.get('logo')),
      doors: this.d.settings.get('ticketDoors'),
      terms: this.d.settings.get('ticketTerms'),
      event: ticket.eventName,
      venue: ticket.venue,
      startsAt: ticket.startsAt,
      timeZone: ticket.timeZone,
      seat: ticket.seat,
      holder: ticket.holder ?? order.customerName,
      orderNumber: order.number,
      barcode: ticket.barcode,
      generation: ticket.generation,
      price: formatMoney(ticket.priceMinor, ticket.currency, locale),
      issuedAt,
    };
  }

  /**
   * Commits rendered print@home tickets in one transaction, each whole: its claim, its stored PDF and its
   * audit entry. Answers, per ticket, whether its claim won (a ticket another desk changed meanwhile is untouched).
   */
  async commitPrinted(
    session: Session,
    by: { id: number; name: string; terminal: string },
    items: readonly { ticket: TicketRecord; order: OrderRecord; pdf: Uint8Array; sha256: string; issuedAt: number }[],
  ): Promise<boolean[]> {
    return this.d.sql.transaction(async () => {
      const won: boolean[] = [];
      for (const { ticket, order, pdf, sha256, issuedAt } of items) {
        if (!(await this.d.orders.claim(ticket.id, ticket.generation, 'print_at_home', by, issuedAt))) {
          won.push(false);
          continue;
        }
        await this.d.orders.saveDocument(ticket.id, ticket.generation, pdf, sha256, issuedAt);
        await this.d.audit.append({ kind: 'delivery.print-issued', actorId: session.operatorId, actorLogin: session.login, subject: order.number, detail: { ticket: ticket.id, generation: ticket.generation, sha256 } });
        won.push(true);
      }
      return won;
    });
  }

  /**
   * Reissues tickets not issued yet in one transaction, each with its own audit entry. A ticket issued (or
   * gone) meanwhile is left as it is and answered with the reason: a bulk reissue never revokes a ticket handed out.
   */
  async reissueNotIssued(session: Session, ticketIds: readonly number[], reason: string): Promise<{ reissued: number; refused: IssueResult['refused'] }> {
    const locale = sessionLocale(session, this.d.settings);
    return this.d.sql.transaction(async () => {
      const refused: IssueResult['refused'] = [];
      let reissued = 0;
      for (const ticketId of ticketIds) {
        const state = await this.d.orders.lockedDelivery(ticketId);
        if (state !== 'none') {
          refused.push({ ticketId, reason: state === undefined ? translate(locale, 'coreData.delivery.ticketMissing', { ticketId }) : translate(locale, 'coreData.delivery.issuedMeanwhile') });
          continue;
        }
        await this.reissueInTransaction(session, ticketId, reason);
        reissued += 1;
      }
      return { reissued, refused };
    });
  }

  /** The language core speaks to this session: her own, else the institution's. */
  localeOf(session: Session): Locale {
    return sessionLocale(session, this.d.settings);
  }

  /** Who issues: the operator's name and this terminal, as recorded on the ticket. */
  async issuer(session: Session) {
    const operator = await this.d.operators.byId(session.operatorId);
    return { id: session.operatorId, name: operator?.displayName ?? session.login, terminal: this.d.terminal };
  }

  /**
   * A new barcode; the old one is revoked and kept; the ticket becomes "Duplicate #n" and free to deliver again.
   * `delivered`: whether the caller asked what reissuing a delivered ticket asks (step-up, approval). A ticket
   * judged not delivered and delivered since at another terminal is refused: the caller asks again, then more.
   */
  async reissue(session: Session, ticketId: number, reason: string, { delivered }: { delivered: boolean }): Promise<Result<OrderView>> {
    const ticket = await this.d.orders.ticket(ticketId);
    if (!ticket) return fail('NOT_FOUND', text('coreData.delivery.noSuchTicket'));
    // The repository reads the ticket under a row lock: the barcode it revokes is the one current when it runs.
    const reissued = await this.d.sql.transaction(async () => {
      if (!delivered && (await this.d.orders.lockedDelivery(ticketId)) !== 'none') return false;
      await this.reissueInTransaction(session, ticketId, reason);
      return true;
    });
    if (!reissued) return fail('CONFLICT', text('stepUp.reissue.deliveredMeanwhile'));
    return this.orderView(session, ticket.orderId, Math.max(0, ticket.position - 1 - 50), 100);
  }

  private async reissueInTransaction(session: Session, ticketId: number, reason: string): Promise<void> {
    const done = (await this.d.orders.reissue(ticketId, newBarcode(), session.operatorId, reason, this.d.clock.now()))!;
    await this.d.audit.append({
      kind: 'delivery.reissued',
      actorId: session.operatorId,
      actorLogin: session.login,
      subject: String(ticketId),
      detail: { generation: done.generation, previousState: done.previousState, reason: reason.slice(0, 200) },
    });
  }

  private async reopen(session: Session, ticket: TicketRecord): Promise<Result<PrintAtHomeDocument>> {
    const doc = await this.d.orders.document(ticket.id, ticket.generation);
    // Cannot happen: the state and its document are written in one transaction.
    if (!doc) return fail('INTERNAL', text('coreData.delivery.documentMissing'));
    const order = (await this.d.orders.order(ticket.orderId))!;
    await this.d.audit.append({ kind: 'delivery.print-reopened', actorId: session.operatorId, actorLogin: session.login, subject: order.number, detail: { ticket: ticket.id, generation: ticket.generation } });
    return ok({ ticketId: ticket.id, fileName: fileName(order, ticket), pdfBase64: doc.pdf.toString('base64'), sha256: doc.sha256, reopened: true });
  }

  private async check(ticketId: number, mode: DeliveryMode): Promise<Result<{ ticket: TicketRecord; order: OrderRecord }>> {
    const ticket = await this.d.orders.ticket(ticketId);
    if (!ticket) return fail('NOT_FOUND', text('coreData.delivery.ticketMissing', { ticketId }));
    const order = (await this.d.orders.order(ticket.orderId))!;
    const refusal = actionRefusal(order, ticket, mode);
    if (refusal?.key === 'coreData.delivery.modeNotAllowed') return fail('CONFLICT', refusal);
    if (!order.paid) return fail('CONFLICT', text('coreData.delivery.notPaid'));
    if (refusal) return fail('DELIVERY_LOCKED', refusal);
    return ok({ ticket, order });
  }

  private ticketView(session: Session, order: OrderRecord, t: TicketRecord, locale: Locale): TicketView {
    const mayIssue = can(session.roles, 'delivery.issue');
    const issue = (mode: DeliveryMode) => (mayIssue ? actionState(order, t, mode, locale) : { allowed: false, reason: translate(locale, 'coreData.delivery.roleCannotIssue') });
    return {
      id: t.id,
      position: t.position,
      event: t.eventName,
      startsAt: t.startsAt,
      seat: t.seat,
      priceMinor: t.priceMinor,
      currency: t.currency,
      holder: t.holder,
      barcode: t.barcode,
      generation: t.generation,
      state: t.delivery,
      issuedAt: t.issuedAt,
      issuedBy: t.issuedByName,
      issuedTerminal: t.issuedTerminal,
      actions: {
        mobile: issue('mobile'),
        printAtHome: issue('print_at_home'),
        reissue: can(session.roles, 'delivery.reissue') ? { allowed: true, reason: null } : { allowed: false, reason: translate(locale, 'coreData.delivery.roleCannotReissue') },
      },
    };
  }
}

const fileName = (order: OrderRecord, t: TicketRecord) => `ticket-${order.number}-${t.position}${t.generation > 1 ? `-duplicate-${t.generation - 1}` : ''}.pdf`;

/** The logo's bytes, decoded once while the setting stays the same (it is read for every ticket). */
let lastLogo: { base64: string; bytes: Uint8Array } | null = null;
function logoBytes(logo: { base64: string } | null): Uint8Array | null {
  if (!logo) return null;
  if (lastLogo?.base64 !== logo.base64) lastLogo = { base64: logo.base64, bytes: Buffer.from(logo.base64, 'base64') };
  return lastLogo.bytes;
}
