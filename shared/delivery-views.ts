import type { LocalText } from './i18n/translator';
import type { Locale } from './i18n/locales';
/** What the order, delivery and gate screens see. */

export type DeliveryMode = 'mobile' | 'print_at_home';
export type DeliveryState = 'none' | DeliveryMode;

export interface EventView {
  id: number;
  name: string;
  venue: string;
  startsAt: number;
  timeZone: string;
}

export interface OrderSummary {
  id: number;
  number: string;
  customerName: string;
  customerEmail: string;
  ticketCount: number;
  paid: boolean;
  /** The event of the order's first ticket (null for an order without tickets). */
  event: EventView | null;
  /** How many other events the order's tickets are for (usually 0). */
  otherEvents: number;
}

/** Whether an action is possible on a ticket and, when not, why — in words for the counter. */
export interface ActionState {
  allowed: boolean;
  /** In the session's language. */
  reason: string | null;
  /** The reason's catalogue text, for a screen in another language (and marked in pseudo-localisation). */
  reasonText?: LocalText;
}

export interface TicketView {
  id: number;
  position: number;
  event: string;
  startsAt: number;
  seat: string;
  priceMinor: number;
  currency: string;
  holder: string | null;
  barcode: string;
  generation: number;
  state: DeliveryState;
  issuedAt: number | null;
  issuedBy: string | null;
  issuedTerminal: string | null;
  actions: { mobile: ActionState; printAtHome: ActionState; reissue: ActionState };
}

export interface OrderView {
  id: number;
  number: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  allowedModes: DeliveryMode[];
  checkoutMode: DeliveryMode;
  paid: boolean;
  /** The customer's language: her print@home tickets and text messages are in it (null: the institution's default). */
  language: Locale | null;
  counts: Record<DeliveryState, number>;
  ticketCount: number;
  /** One page of tickets, in order; the screen asks for more as the list scrolls. */
  tickets: TicketView[];
  offset: number;
}

export interface IssueResult {
  issued: number;
  /** Tickets that could not be issued, with the reason (locked, mode not allowed…). */
  refused: { ticketId: number; reason: string }[];
}

export interface PrintAtHomeDocument {
  ticketId: number;
  fileName: string;
  /** The PDF, base64; the same bytes every time the ticket is opened again. */
  pdfBase64: string;
  sha256: string;
  reopened: boolean;
}

export interface MobileLinkSent {
  ticketId: number;
  /** The number texted, masked ("+41 •••• ••45 67"). */
  sentTo: string;
}

export type ScanResult = 'valid' | 'alreadyScanned' | 'revoked' | 'unknown' | 'otherEvent' | 'unpaid';

export interface ScanView {
  result: ScanResult;
  /** One line for the gate, in large type. */
  headline: string;
  detail: string | null;
  seat: string | null;
  at: number;
  /**
   * The same barcode read again at this gate within a few seconds (a scanner's double read): the first
   * verdict, repeated, and nothing recorded — the guest just admitted is not turned away.
   */
  repeated?: true;
}

export interface ImportReport {
  events: number;
  orders: number;
  tickets: number;
}
