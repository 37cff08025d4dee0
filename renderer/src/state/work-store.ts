/**
 * The operator's work in progress, kept outside the screens so that it outlives them: the lock screen
 * takes the place of the signed-in shell (nothing of an order stays in the page while locked), and after
 * unlocking the screens pick up from here — the same search, the same open order, the same ticket.
 * Everything here goes when the session ends.
 */
import { create } from 'zustand';
import type { OrderSummary, ScanView } from '../../../shared/delivery-views';
import { useSession } from './session-store';

/** Which button of which ticket row had the focus. */
export type TicketAction = 'mobile' | 'print' | 'reissue';

export interface TicketPosition {
  orderId: number;
  /** The row's index in the order (0-based), and the list's scroll offset. */
  index: number | null;
  action: TicketAction | null;
  scrollTop: number;
}

export type RecentScan = ScanView & { n: number };

interface WorkState {
  /** The orders screen: last search, its matches and the order open. */
  query: string;
  results: OrderSummary[] | null;
  orderId: number | null;
  /** Where the operator was in the open order's ticket list. */
  position: TicketPosition | null;
  /** The gate's last scans (never its last verdict: a stale "Valid" must not greet the next guest). */
  recentScans: RecentScan[];
  setSearch(query: string, results: OrderSummary[] | null): void;
  setOrder(orderId: number | null): void;
  setPosition(position: Partial<TicketPosition> & { orderId: number }): void;
  setRecentScans(update: (scans: RecentScan[]) => RecentScan[]): void;
  reset(): void;
}

const EMPTY = { query: '', results: null, orderId: null, position: null, recentScans: [] as RecentScan[] };

export const useWork = create<WorkState>((set, get) => ({
  ...EMPTY,
  setSearch(query, results) {
    set({ query, results });
  },
  setOrder(orderId) {
    if (get().orderId !== orderId) set({ orderId });
  },
  setPosition(next) {
    const current = get().position;
    const base: TicketPosition = current && current.orderId === next.orderId ? current : { orderId: next.orderId, index: null, action: null, scrollTop: 0 };
    set({ position: { ...base, ...next } });
  },
  setRecentScans(update) {
    set({ recentScans: update(get().recentScans) });
  },
  reset() {
    set({ ...EMPTY });
  },
}));

// The work belongs to the session: signed out (by hand, by time, by a restore), it is forgotten, so the
// next operator at this terminal starts afresh.
useSession.subscribe((state, previous) => {
  if (state.session.state === 'signedOut' && previous.session.state !== 'signedOut') useWork.getState().reset();
});
