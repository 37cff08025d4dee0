/** Handlers of orders, delivery, import and the gate. */
import { ok } from '../../../shared/result';
import { importOrders } from '../delivery/import-orders';
import { loadDemoData } from '../delivery/demo-data';
import { sessionLocale } from '../delivery/locale';
import type { DomainHandlers, Services } from './index';

export const deliveryHandlers = (s: Services): DomainHandlers<'orders.' | 'delivery.' | 'demo.' | 'gate.'> => ({
  'orders.search': async (input) => {
    // One row past the page tells whether there is more.
    const found = await s.ordersRepo.search(input.query, input.offset + input.limit + 1);
    return ok({ orders: found.slice(input.offset, input.offset + input.limit), more: found.length > input.offset + input.limit });
  },
  'orders.get': (input, { session }) => s.delivery.orderView(session!, input.orderId, input.offset, input.limit),
  'delivery.issueMobile': (input, { session }) => s.delivery.issueMobile(session!, input),
  'delivery.printAtHome': (input, { session }) => s.delivery.printAtHome(session!, input.ticketId),
  'delivery.sendMobileLink': (input, { session }) => s.delivery.sendMobileLink(session!, input.ticketId, input.phone),
  'delivery.reissue': async (input, { session }) => {
    const ticket = await s.ordersRepo.ticket(input.ticketId);
    // A ticket already in the customer's hands (mobile or print@home): step-up, and a supervisor's approval when the institution asks.
    if (ticket && ticket.delivery !== 'none') return s.sensitive.run(session!, 'reissue', input, () => s.delivery.reissue(session!, input.ticketId, input.reason, { delivered: true }));
    return s.delivery.reissue(session!, input.ticketId, input.reason, { delivered: false });
  },
  'orders.import': async (input, { session }) => {
    const actor = { actorId: session!.operatorId, actorLogin: session!.login };
    // The orders and their audit entry commit together; a refused file is recorded on its own.
    const written = (report: Parameters<NonNullable<Parameters<typeof importOrders>[4]>>[0]) => s.audit.append({ kind: 'orders.imported', ...actor, detail: { ...report } });
    // The list of wrong rows is one text in the admin's language.
    const result = await importOrders(s.ordersRepo, input.format, input.content, s.clock.now(), written, sessionLocale(session, s.settings));
    if (!result.ok) await s.audit.append({ kind: 'orders.import-refused', ...actor, detail: { code: result.error.code } });
    return result;
  },
  'demo.load': (_input, { session }) =>
    loadDemoData(s.ordersRepo, s.clock.now(), (report) => s.audit.append({ kind: 'orders.demo-loaded', actorId: session!.operatorId, actorLogin: session!.login, detail: { ...report } })),
  'gate.events': async () => ok(await s.ordersRepo.events()),
  'gate.scan': (input, { session }) => s.gate.scan(session!, input.eventId, input.barcode),
  'gate.counts': (input) => s.gate.counts(input.eventId),
});
