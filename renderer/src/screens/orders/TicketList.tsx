import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent, type RefObject } from 'react';
import type { ActionState, DeliveryMode, TicketView } from '../../../../shared/delivery-views';
import { errorText, useFormat, useT, type Formatters, type Translate } from '../../i18n';
import { useWork, type TicketAction, type TicketPosition } from '../../state/work-store';
import { lowerBound, matchingRows, NO_FILTER, useFilterFor, useTicketFilter } from './ticket-filter';
import { TicketTools } from './TicketTools';

/** Estimates until a row is drawn and measured: one line, or one line and the note under it. */
const ROW_HEIGHT = 36;
const ROW_WITH_NOTE_HEIGHT = 58;

/** Where a ticket action came from: the focus goes back there when its dialog closes. */
export interface ActionOrigin {
  /** The order's index of the ticket (0-based). */
  row: number;
  action: TicketAction | null;
  /** The control that had the focus (the button clicked, or where a shortcut was pressed). */
  element: HTMLElement | null;
}

/** What the orders screen asks of the list (keyboard shortcuts, focus after a dialog). */
export interface TicketListHandle {
  /** The ticket the operator is on: the row with the focus, else the last one that had it. */
  currentRow(): number | null;
  /** Scrolls to a ticket (by the order's index) and focuses it: the button for `action` if it can be used, else its first usable one, else the row. */
  focusRow(row: number, action?: TicketAction | null): boolean;
  /** Focuses the next (1) or previous (-1) ticket shown. */
  step(delta: 1 | -1): void;
}

interface Props {
  orderId: number;
  tickets: TicketView[];
  total: number;
  canReissue: boolean;
  /** The order's modes and payment: whether a ticket's lock reason already says who issued it, when and where. */
  allowedModes: readonly DeliveryMode[];
  paid: boolean;
  handle: RefObject<TicketListHandle | null>;
  onMobile: (t: TicketView, from: ActionOrigin) => void;
  onPrint: (t: TicketView, from: ActionOrigin) => void;
  onReissue: (t: TicketView, from: ActionOrigin) => void;
}

/**
 * Every ticket of an order, one compact line each (a lock reason on a line of its own under it, whole),
 * filtered by state and seat, with "Go to ticket". Only the visible rows are in the page, so 5,000
 * tickets scroll as smoothly as 5.
 */
export function TicketList({ orderId, tickets, total, canReissue, allowedModes, paid, handle, onMobile, onPrint, onReissue }: Props) {
  const t = useT();
  const f = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const { filter, kept } = useFilterFor(orderId);
  // Typing in the seat filter stays responsive on a large order: the list follows a moment later.
  const seat = useDeferredValue(filter.seat);
  const rows = useMemo(() => matchingRows(tickets, { show: filter.show, seat }, kept), [tickets, filter.show, seat, kept]);
  const count = rows ? rows.length : total;
  /** The order's index of the ticket at a place in the list, and back (-1: not shown). */
  const rowAt = useCallback((index: number) => (rows ? rows[index]! : index), [rows]);
  const indexOf = useCallback(
    (row: number) => {
      if (!rows) return row >= 0 && row < total ? row : -1;
      const at = lowerBound(rows, row);
      return rows[at] === row ? at : -1;
    },
    [rows, total],
  );

  const estimateSize = useCallback((index: number) => (noteFor(tickets[rowAt(index)], allowedModes, paid, t, f) ? ROW_WITH_NOTE_HEIGHT : ROW_HEIGHT), [tickets, rowAt, allowedModes, paid, t, f]);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize, getItemKey: rowAt, overscan: 10, measureElement: exactHeight });
  const height = useFillHeight(scroller);
  const restoring = useRestoredPosition(orderId, scroller, virtual, tickets, total, indexOf);

  // Focus asked for a row not drawn yet, given as soon as it is; for a ticket not loaded yet, the row has
  // it meanwhile, and its button once the ticket arrives (unless the operator went elsewhere).
  const pending = useRef<{ row: number; action: TicketAction | null; onRow: boolean } | null>(null);
  const rowItem = (row: number) => scroller.current?.querySelector<HTMLElement>(`[role="listitem"][data-row="${row}"]`) ?? null;
  /** Focuses the row's button (or the row while its ticket loads): 'none' when not drawn, 'row' while loading, 'done'. */
  const tryFocus = useCallback((row: number, action: TicketAction | null): 'none' | 'row' | 'done' => {
    const item = rowItem(row);
    if (!item) return 'none';
    const buttons = [...item.querySelectorAll<HTMLButtonElement>('button[data-action]')];
    const target = buttons.find((b) => b.dataset.action === action && !b.disabled) ?? buttons.find((b) => !b.disabled) ?? item;
    target.focus();
    return buttons.length ? 'done' : 'row';
  }, []);
  useEffect(() => {
    const want = pending.current;
    const item = want ? rowItem(want.row) : null;
    if (!want || !item) return; // not drawn yet: a later render draws it
    if (want.onRow && document.activeElement !== item) pending.current = null; // the operator moved on
    else if (tryFocus(want.row, want.action) === 'done') pending.current = null;
    else want.onRow = true;
  });

  const focusRow = useCallback(
    (row: number, action: TicketAction | null = null): boolean => {
      const index = indexOf(row);
      if (index < 0) return false;
      virtual.scrollToIndex(index, { align: 'auto' });
      const given = tryFocus(row, action);
      pending.current = given === 'done' ? null : { row, action, onRow: given === 'row' };
      return true;
    },
    [indexOf, virtual, tryFocus],
  );

  // "Go to ticket": a ticket the filter hides is shown by clearing the filter, then focused once drawn.
  const pendingGoTo = useRef<number | null>(null);
  const goTo = useCallback(
    (row: number): 'shown' | 'cleared' => {
      if (focusRow(row)) return 'shown';
      pendingGoTo.current = row;
      useTicketFilter.getState().setFilter(orderId, NO_FILTER);
      return 'cleared';
    },
    [focusRow, orderId],
  );
  useEffect(() => {
    const row = pendingGoTo.current;
    if (row !== null && indexOf(row) >= 0) {
      pendingGoTo.current = null;
      focusRow(row);
    }
  });

  const currentRow = useCallback((): number | null => {
    const active = document.activeElement;
    const item = active instanceof HTMLElement && scroller.current?.contains(active) ? active.closest<HTMLElement>('[data-row]') : null;
    if (item) return Number(item.dataset.row);
    const position = useWork.getState().position;
    return position?.orderId === orderId && position.index !== null && position.index < total ? position.index : null;
  }, [orderId, total]);

  useImperativeHandle(
    handle,
    () => ({
      currentRow,
      focusRow,
      step(delta) {
        if (count === 0) return;
        const current = currentRow();
        const active = document.activeElement as HTMLElement | null;
        const action = (scroller.current?.contains(active) ? (active?.dataset.action as TicketAction | undefined) : undefined) ?? null;
        let index: number;
        if (current === null) index = delta > 0 ? 0 : count - 1;
        else {
          // The ticket the operator was on may be filtered out: the next one shown after it.
          const at = rows ? lowerBound(rows, current) : current;
          const on = rows ? rows[at] === current : true;
          index = delta > 0 ? (on ? at + 1 : at) : at - 1;
        }
        focusRow(rowAt(Math.min(count - 1, Math.max(0, index))), action);
      },
    }),
    [currentRow, focusRow, count, rows, rowAt],
  );

  // Where the operator is, kept for after the lock screen (or a visit to another section).
  const remember = (e: FocusEvent<HTMLDivElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!item || restoring.current) return;
    useWork.getState().setPosition({ orderId, index: Number(item.dataset.row), action: ((e.target as HTMLElement).dataset.action as TicketAction | undefined) ?? null });
  };
  const onScroll = () => {
    if (scroller.current && !restoring.current) useWork.getState().setPosition({ orderId, scrollTop: scroller.current.scrollTop });
  };

  /** A row's button pressed: acted on while filtering, the ticket stays in the list. */
  const act = (run: (t: TicketView, from: ActionOrigin) => void, t: TicketView, row: number, action: TicketAction) => (e: MouseEvent<HTMLButtonElement>) => {
    useTicketFilter.getState().keep(orderId, row);
    run(t, { row, action, element: e.currentTarget });
  };

  return (
    <div className="tickets">
      <TicketTools orderId={orderId} tickets={tickets} total={total} shown={rows ? rows.length : null} onGoTo={goTo} />
      {count === 0 && rows ? <p className="tickets__empty">{t('orders.ticketList.empty')}</p> : null}
      <div className="ticket-scroller" ref={scroller} role="list" aria-label={t('orders.ticketList.label')} style={{ height: height ?? undefined, ['--digits' as string]: String(total).length }} onFocus={remember} onScroll={onScroll}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rowAt(item.index);
            const ticket = tickets[row];
            const note = noteFor(ticket, allowedModes, paid, t, f);
            return (
              <div key={item.key} ref={virtual.measureElement} data-index={item.index} data-row={row} tabIndex={-1} role="listitem" className="ticket-item" style={{ transform: `translateY(${item.start}px)` }}>
                {ticket ? (
                  <>
                    <span className="ticket-item__seat" translate="no">
                      <span className="ticket-item__number">#{ticket.position}</span> {ticket.seat}
                    </span>
                    {ticket.generation > 1 ? (
                      <span className="ticket-item__event">{t('orders.ticketList.eventDuplicate', { event: ticket.event, number: ticket.generation - 1 })}</span>
                    ) : (
                      <span className="ticket-item__event" translate="no">
                        {ticket.event}
                      </span>
                    )}
                    <span className="ticket-item__state">
                      <span className={`badge badge--${ticket.state}`}>{t('orders.ticketList.state', { state: ticket.state })}</span>
                    </span>
                    <span className="ticket-item__actions">
                      <button type="button" className="button ticket-item__button ticket-item__button--mobile" disabled={!ticket.actions.mobile.allowed} title={reasonOf(ticket.actions.mobile) ?? undefined} aria-label={t('orders.ticketList.mobile.label', { position: ticket.position, shown: ticket.state === 'mobile' ? 'yes' : 'no' })} aria-keyshortcuts="Alt+M" data-action="mobile" onClick={act(onMobile, ticket, row, 'mobile')}>
                        {ticket.state === 'mobile' ? t('orders.ticketList.mobile.show') : t('orders.ticketList.mobile.issue')}
                      </button>
                      <button type="button" className="button ticket-item__button ticket-item__button--print" disabled={!ticket.actions.printAtHome.allowed} title={reasonOf(ticket.actions.printAtHome) ?? undefined} aria-label={t('orders.ticketList.print.label', { position: ticket.position, shown: ticket.state === 'print_at_home' ? 'yes' : 'no' })} aria-keyshortcuts="Alt+P" data-action="print" onClick={act(onPrint, ticket, row, 'print')}>
                        {ticket.state === 'print_at_home' ? t('orders.ticketList.print.open') : t('orders.ticketList.print.print')}
                      </button>
                      {canReissue ? (
                        <button type="button" className="button ticket-item__button" aria-label={t('orders.ticketList.reissue.label', { position: ticket.position })} aria-haspopup="dialog" data-action="reissue" onClick={act(onReissue, ticket, row, 'reissue')}>
                          {t('orders.ticketList.reissue')}
                        </button>
                      ) : null}
                    </span>
                    {note ? <p className="ticket-item__reason">{note}</p> : null}
                  </>
                ) : (
                  <span className="muted">{t('orders.ticketList.loading', { number: row + 1 })}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** A row's height unrounded: rounded, a row drawn a fraction of a pixel too high hides the line under the one before. */
const exactHeight = (element: Element, entry: ResizeObserverEntry | undefined) => entry?.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;

/**
 * The list is as tall as the window leaves room for under it, so that as many tickets as fit are in view
 * without scrolling the page (at least a few when the window is short, e.g. at 200 % zoom).
 */
function useFillHeight(scroller: RefObject<HTMLDivElement | null>): number | null {
  const [height, setHeight] = useState<number | null>(null);
  const measure = useCallback(() => {
    const list = scroller.current;
    if (!list) return;
    const top = list.getBoundingClientRect().top + window.scrollY;
    // Under the list: its margin, and the padding, border and margin of each box around it (the panel, the page).
    let below = parseFloat(getComputedStyle(list).marginBottom) || 0;
    for (let box = list.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      below += (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.borderBottomWidth) || 0) + (parseFloat(style.marginBottom) || 0);
    }
    const next = Math.round(Math.max(window.innerHeight - top - below, Math.min(360, window.innerHeight * 0.7)));
    setHeight((current) => (current !== null && Math.abs(current - next) < 2 ? current : next));
  }, [scroller]);
  // What is above the list (a message, a job's progress) changes with the screen's renders.
  useLayoutEffect(measure);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);
  return height;
}

/**
 * Back to the saved position of this order's list, once: its scroll offset at once, then the focus on
 * the ticket (the button that had it, or the row), as soon as that row is loaded and drawn. Returns a
 * ref that is true while restoring (the position is not saved over meanwhile).
 */
function useRestoredPosition(orderId: number, scroller: RefObject<HTMLDivElement | null>, virtual: Virtualizer<HTMLDivElement, Element>, tickets: TicketView[], total: number, indexOf: (row: number) => number) {
  const [saved] = useState<TicketPosition | null>(() => {
    const position = useWork.getState().position;
    return position?.orderId === orderId ? position : null;
  });
  const restoring = useRef(saved !== null);
  const scrolled = useRef(false);

  useLayoutEffect(() => {
    if (!saved || scrolled.current || !scroller.current || total === 0) return;
    scrolled.current = true;
    scroller.current.scrollTop = saved.scrollTop;
    if (saved.index === null) restoring.current = false;
  }, [saved, scroller, total]);

  useEffect(() => {
    if (!restoring.current || !saved || saved.index === null || !scrolled.current) return;
    const row = saved.index;
    if (row >= total) {
      restoring.current = false;
      return;
    }
    if (!tickets[row]) return; // not loaded yet: the next page brings it
    const index = indexOf(row);
    if (index < 0) {
      restoring.current = false; // filtered out meanwhile
      return;
    }
    const item = scroller.current?.querySelector<HTMLElement>(`[role="listitem"][data-row="${row}"]`);
    if (!item) {
      // Loaded but not drawn (the offset was off): bring the row into view; the next render focuses it.
      virtual.scrollToIndex(index, { align: 'center' });
      return;
    }
    const buttons = [...item.querySelectorAll<HTMLButtonElement>('button[data-action]')];
    const target = buttons.find((b) => b.dataset.action === saved.action && !b.disabled) ?? buttons.find((b) => !b.disabled) ?? item;
    restoring.current = false;
    target.focus();
  });

  return restoring;
}

/** Why an action is not possible, in this window's language (core's words when it sent no catalogue text). */
export const reasonOf = (state: ActionState): string | null => (state.reason === null ? null : errorText({ message: state.reason, text: state.reasonText }));

/**
 * The line under a ticket, whole: why the other mode is locked — which says who issued it, when, at which
 * terminal and why the other mode would harm — and, when the lock is the shop's or the payment's rather
 * than the delivery's, who issued it, when and where.
 */
function noteFor(t: TicketView | undefined, allowedModes: readonly DeliveryMode[], paid: boolean, tr: Translate, f: Formatters): string | null {
  if (!t || t.state === 'none') return null;
  const other: DeliveryMode = t.state === 'mobile' ? 'print_at_home' : 'mobile';
  const reason = reasonOf(other === 'print_at_home' ? t.actions.printAtHome : t.actions.mobile);
  if (reason && paid && allowedModes.includes(other)) return reason;
  const issued = t.issuedAt
    ? tr('orders.ticketList.issued', {
        state: t.state,
        when: f.date(t.issuedAt, 'dateTime'),
        hasBy: t.issuedBy ? 'yes' : 'no',
        by: t.issuedBy ?? '',
        hasTerminal: t.issuedTerminal ? 'yes' : 'no',
        terminal: t.issuedTerminal ?? '',
      })
    : null;
  return [issued, reason].filter(Boolean).join(' ') || null;
}
