/**
 * Which tickets of the open order the list shows: by state and by seat, over the tickets loaded so far
 * (every ticket of the order is loaded, page by page, as soon as it opens). Kept outside the screen, like
 * the work in progress (work-store), so that a lock or a visit to the gate does not lose it; forgotten
 * when another order opens or the session ends.
 */
import { create } from 'zustand';
import type { DeliveryState, TicketView } from '../../../../shared/delivery-views';
import type { MessageKey } from '../../i18n';
import { useSession } from '../../state/session-store';

export type ShowFilter = 'all' | DeliveryState;

export interface TicketFilter {
  show: ShowFilter;
  /** Part of the seat, in any case and with or without accents. */
  seat: string;
}

export const NO_FILTER: TicketFilter = { show: 'all', seat: '' };

export const SHOW_OPTIONS: { value: ShowFilter; label: MessageKey }[] = [
  { value: 'all', label: 'orders.ticketTools.show.all' },
  { value: 'none', label: 'orders.ticketTools.show.none' },
  { value: 'mobile', label: 'orders.ticketTools.show.mobile' },
  { value: 'print_at_home', label: 'orders.ticketTools.show.printAtHome' },
];

export const isFiltering = (f: TicketFilter): boolean => f.show !== 'all' || fold(f.seat) !== '';

/** Lower case without accents or surrounding spaces: "Rang Ö 3" and "rang o 3" are the same seat. */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
    .trim();

/** A ticket's folded seat, worked out once per ticket (the list filters 5,000 seats on each key press). */
const foldedSeats = new WeakMap<TicketView, string>();
function foldedSeat(t: TicketView): string {
  let folded = foldedSeats.get(t);
  if (folded === undefined) foldedSeats.set(t, (folded = fold(t.seat)));
  return folded;
}

/**
 * The order's indices (0-based, ascending) of the loaded tickets that the filter shows, and of those in
 * `kept` (tickets acted on while the filter was on: a ticket just printed does not vanish from under the
 * focus while "Not issued" is shown). Null when nothing is filtered: the list then shows every ticket of
 * the order, loaded or not.
 */
export function matchingRows(tickets: readonly (TicketView | undefined)[], filter: TicketFilter, kept: ReadonlySet<number>): number[] | null {
  if (!isFiltering(filter)) return null;
  const seat = fold(filter.seat);
  const rows: number[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i];
    if (!t) continue;
    if (kept.has(i) || ((filter.show === 'all' || t.state === filter.show) && (seat === '' || foldedSeat(t).includes(seat)))) rows.push(i);
  }
  return rows;
}

/** The first position in ascending `rows` whose value is at least `row` (rows.length when none is). */
export function lowerBound(rows: readonly number[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface FilterState {
  orderId: number | null;
  filter: TicketFilter;
  kept: ReadonlySet<number>;
  /** A new filter for this order (the tickets kept for the previous one are let go). */
  setFilter(orderId: number, filter: Partial<TicketFilter>): void;
  /** A ticket acted on while filtering: it stays in the list until the filter changes. */
  keep(orderId: number, row: number): void;
  reset(): void;
}

const EMPTY = { orderId: null, filter: NO_FILTER, kept: new Set<number>() };

export const useTicketFilter = create<FilterState>((set, get) => ({
  ...EMPTY,
  setFilter(orderId, next) {
    const base = get().orderId === orderId ? get().filter : NO_FILTER;
    set({ orderId, filter: { ...base, ...next }, kept: new Set() });
  },
  keep(orderId, row) {
    const { orderId: current, filter, kept } = get();
    if (current !== orderId || !isFiltering(filter) || kept.has(row)) return;
    set({ kept: new Set(kept).add(row) });
  },
  reset() {
    set({ ...EMPTY, kept: new Set() });
  },
}));

/** This order's filter (another order's is not carried over). */
export function useFilterFor(orderId: number): { filter: TicketFilter; kept: ReadonlySet<number> } {
  const state = useTicketFilter();
  return state.orderId === orderId ? state : EMPTY;
}

// Like the rest of the work, the filter belongs to the session.
useSession.subscribe((state, previous) => {
  if (state.session.state === 'signedOut' && previous.session.state !== 'signedOut') useTicketFilter.getState().reset();
});
