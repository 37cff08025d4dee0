/** Channels of orders, ticket delivery, import and the gate. */
import { z } from 'zod';
import type { EventView, ImportReport, IssueResult, MobileLinkSent, OrderSummary, OrderView, PrintAtHomeDocument, ScanView } from '../delivery-views';
import { SENSITIVE_ERRORS, sensitiveInput } from './sensitive';
import { channel, empty } from './define';
import { text } from '../text';

const id = z.number().int().positive();
/** Barcodes are 32 characters; anything longer than this is refused before a lookup. */
export const barcodeInput = z.string().trim().min(1, 'coreData.gate.enterBarcode').max(64, 'coreData.gate.barcodeTooLong');
/** Recorded with the revoked barcode and in the audit log: three visible characters at least ("Lost"). */
const reissueReason = text({ min: 3, max: 500 });
/** Some tickets (every ticket of an order not issued yet is a job: jobs.startMobile). */
const target = z.object({ ticketIds: z.array(id).min(1).max(10_000) }).strict();

export const deliveryChannels = {
  'orders.search': channel<{ orders: OrderSummary[]; more: boolean }>()({
    input: z.object({ query: text({ min: 2, max: 200 }), limit: z.number().int().min(1).max(100).default(25), offset: z.number().int().min(0).max(10_000).default(0) }).strict(),
    access: 'orders.read',
    summary:
      'Finds orders by order number (or its start), customer email (or its start, with an @), a ticket barcode (spaces allowed), or any words of the customer name, each the start of a word, whatever the case and accents ("anna mul" finds "Anna Müller"); paged by offset and limit. Each result carries its event, ticket count and whether it is paid; `more` says whether another page follows.',
    returns: '`{ orders: OrderSummary[], more }`',
    errors: [],
  }),
  'orders.get': channel<OrderView>()({
    input: z.object({ orderId: id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    access: 'orders.read',
    summary: 'An order with one page of its tickets: state, who issued each, when and where, and which actions are possible (and why not).',
    returns: '`OrderView`',
    errors: ['NOT_FOUND'],
  }),
  'delivery.issueMobile': channel<IssueResult>()({
    input: target,
    access: 'delivery.issue',
    summary: 'Issues tickets to mobile. Locks them to mobile; issuing again changes nothing.',
    returns: '`{ issued, refused: { ticketId, reason }[] }`',
    errors: ['DELIVERY_LOCKED', 'NOT_FOUND', 'CONFLICT'],
  }),
  'delivery.printAtHome': channel<PrintAtHomeDocument>()({
    input: z.object({ ticketId: id }).strict(),
    access: 'delivery.issue',
    summary: 'The print@home PDF of a ticket: made and stored the first time, the very same bytes every later time. Locks the ticket to print@home.',
    returns: '`{ ticketId, fileName, pdfBase64, sha256, reopened }`',
    errors: ['DELIVERY_LOCKED', 'NOT_FOUND', 'CONFLICT'],
  }),
  'delivery.sendMobileLink': channel<MobileLinkSent>()({
    input: z.object({ ticketId: id, phone: z.string().trim().max(32).optional() }).strict(),
    access: 'delivery.issue',
    summary: 'Issues the ticket to mobile (if not yet) and texts its link to the customer (the order\'s number, or one typed with its country code) through the SMS gateway.',
    returns: '`{ ticketId, sentTo }` (masked number)',
    errors: ['NOT_FOUND', 'DELIVERY_LOCKED', 'SMS_UNAVAILABLE'],
  }),
  'delivery.reissue': channel<OrderView>()({
    input: z.object({ ticketId: id, reason: reissueReason, ...sensitiveInput }).strict(),
    access: 'delivery.reissue',
    summary: 'Revokes the ticket\'s barcode, makes a new one (a duplicate with a higher generation) and frees the delivery choice. Every ticket of an order not issued yet: `jobs.startReissue`.',
    returns: 'the order, `OrderView`',
    errors: ['NOT_FOUND', ...SENSITIVE_ERRORS],
  }),
  'orders.import': channel<ImportReport>()({
    input: z.object({ format: z.enum(['json', 'csv']), content: z.string().min(1, 'coreData.import.fileEmpty').max(8_000_000, 'coreData.import.fileTooLarge') }).strict(),
    access: 'settings.manage',
    summary: 'Imports orders (docs/IMPORT.md). Every row is checked; when any fails nothing is imported and the errors name row and field.',
    returns: '`{ events, orders, tickets }`',
    errors: ['VALIDATION', 'CONFLICT'],
  }),
  'demo.load': channel<ImportReport>()({
    input: empty,
    access: 'settings.manage',
    summary: 'Loads the demo dataset: a few events, a few hundred orders and one group order of 5,000 tickets.',
    returns: '`{ events, orders, tickets }`',
    errors: ['CONFLICT'],
  }),
  'gate.events': channel<EventView[]>()({
    input: empty,
    access: 'gate.scan',
    summary: 'Events to scan for, soonest first.',
    returns: '`EventView[]`',
    errors: [],
  }),
  'gate.scan': channel<ScanView>()({
    input: z.object({ eventId: id, barcode: barcodeInput }).strict(),
    access: 'gate.scan',
    summary:
      'Validates a barcode at the gate and records the scan: valid, already scanned, revoked (superseded), unknown, another event or unpaid. The same barcode read again by the same session within 3 seconds (a scanner\'s double read) answers the first verdict again with `repeated: true` and records nothing.',
    returns: '`{ result, headline, detail, seat, at, repeated? }`',
    errors: ['NOT_FOUND'],
  }),
} as const;
