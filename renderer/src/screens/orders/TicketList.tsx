import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';
import type { TicketView } from '../../../../shared/delivery-views';
import { useWork, type TicketAction, type TicketPosition } from '../../state/work-store';

const STATE_LABEL: Record<TicketView['state'], string> = { none: 'Not issued', mobile: 'Mobile', print_at_home: 'print@home' };
const ROW_HEIGHT = 76;

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

interface Props {
  orderId: number;
  tickets: TicketView[];
  total: number;
  canReissue: boolean;
  onMobile: (t: TicketView) => void;
  onPrint: (t: TicketView) => void;
  onReissue: (t: TicketView) => void;
}

/** Every ticket of an order; only the visible rows are in the page, so 5,000 tickets scroll as smoothly as 5. */
export function TicketList({ orderId, tickets, total, canReissue, onMobile, onPrint, onReissue }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const restoring = useRestoredPosition(orderId, scroller, tickets, total);

  // Where the operator is, kept for after the lock screen (or a visit to another section).
  const remember = (e: FocusEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!button || restoring.current) return;
    useWork.getState().setPosition({ orderId, index: Number(button.dataset.row), action: button.dataset.action as TicketAction });
  };
  const onScroll = () => {
    if (scroller.current && !restoring.current) useWork.getState().setPosition({ orderId, scrollTop: scroller.current.scrollTop });
  };

  return (
    <div className="ticket-list" ref={scroller} role="list" aria-label="Tickets" onFocus={remember} onScroll={onScroll}>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const t = tickets[item.index];
          return (
            <div key={item.key} role="listitem" className="ticket-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              {t ? (
                <>
                  <div className="ticket-row__main">
                    <strong>
                      #{t.position} · {t.seat}
                    </strong>
                    <span className="muted">
                      {t.event}
                      {t.generation > 1 ? ` · Duplicate #${t.generation - 1}` : ''}
                    </span>
                  </div>
                  <div className="ticket-row__state">
                    <span className={`badge badge--${t.state}`}>{STATE_LABEL[t.state]}</span>
                    {t.issuedAt ? (
                      <span className="muted small">
                        {when(t.issuedAt)} · {t.issuedBy} · {t.issuedTerminal}
                      </span>
                    ) : null}
                  </div>
                  <div className="ticket-row__actions">
                    <button type="button" className="button button--small" disabled={!t.actions.mobile.allowed} title={t.actions.mobile.reason ?? undefined} aria-label={`Issue ticket ${t.position} to mobile`} data-row={item.index} data-action="mobile" onClick={() => onMobile(t)}>
                      {t.state === 'mobile' ? 'Show mobile' : 'Issue to mobile'}
                    </button>
                    <button type="button" className="button button--small" disabled={!t.actions.printAtHome.allowed} title={t.actions.printAtHome.reason ?? undefined} aria-label={`Print@home ticket ${t.position}`} data-row={item.index} data-action="print" onClick={() => onPrint(t)}>
                      {t.state === 'print_at_home' ? 'Open PDF' : 'Print@home'}
                    </button>
                    {canReissue ? (
                      <button type="button" className="button button--small" aria-label={`Reissue ticket ${t.position}`} data-row={item.index} data-action="reissue" onClick={() => onReissue(t)}>
                        Reissue
                      </button>
                    ) : null}
                  </div>
                  {lockReason(t) ? <p className="ticket-row__reason">{lockReason(t)}</p> : null}
                </>
              ) : (
                <span className="muted">Loading ticket {item.index + 1}…</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Back to the saved position of this order's list, once: its scroll offset at once, then the focus on
 * the ticket button that had it, as soon as that row is loaded and drawn. Returns a ref that is true
 * while restoring (the position is not saved over meanwhile).
 */
function useRestoredPosition(orderId: number, scroller: RefObject<HTMLDivElement | null>, tickets: TicketView[], total: number) {
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
    if (saved.index === null || saved.action === null) restoring.current = false;
  }, [saved, scroller, total]);

  useEffect(() => {
    if (!restoring.current || !saved || saved.index === null || !scrolled.current) return;
    const row = saved.index;
    if (row >= total) {
      restoring.current = false;
      return;
    }
    if (!tickets[row]) return; // not loaded yet: the next page brings it
    const list = scroller.current;
    const buttons = list ? [...list.querySelectorAll<HTMLButtonElement>(`button[data-row="${row}"]`)] : [];
    if (!buttons.length) {
      // Loaded but not drawn (the offset was off): bring the row into view; the next render focuses it.
      if (list) list.scrollTop = Math.max(0, row * ROW_HEIGHT - list.clientHeight / 2);
      return;
    }
    const target = buttons.find((b) => b.dataset.action === saved.action && !b.disabled) ?? buttons.find((b) => !b.disabled);
    restoring.current = false;
    target?.focus();
  });

  return restoring;
}

/** The one reason worth showing on the row: why the other mode is locked. */
const lockReason = (t: TicketView): string | null => (t.state === 'mobile' ? t.actions.printAtHome.reason : t.state === 'print_at_home' ? t.actions.mobile.reason : null);
