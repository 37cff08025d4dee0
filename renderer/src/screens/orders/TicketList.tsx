import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { TicketView } from '../../../../shared/delivery-views';

const STATE_LABEL: Record<TicketView['state'], string> = { none: 'Not issued', mobile: 'Mobile', print_at_home: 'print@home' };
const ROW_HEIGHT = 76;

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

interface Props {
  tickets: TicketView[];
  total: number;
  canReissue: boolean;
  onMobile: (t: TicketView) => void;
  onPrint: (t: TicketView) => void;
  onReissue: (t: TicketView) => void;
}

/** Every ticket of an order; only the visible rows are in the page, so 5,000 tickets scroll as smoothly as 5. */
export function TicketList({ tickets, total, canReissue, onMobile, onPrint, onReissue }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <div className="ticket-list" ref={scroller} role="list" aria-label="Tickets">
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
                    <button type="button" className="button button--small" disabled={!t.actions.mobile.allowed} title={t.actions.mobile.reason ?? undefined} aria-label={`Issue ticket ${t.position} to mobile`} onClick={() => onMobile(t)}>
                      {t.state === 'mobile' ? 'Show mobile' : 'Issue to mobile'}
                    </button>
                    <button type="button" className="button button--small" disabled={!t.actions.printAtHome.allowed} title={t.actions.printAtHome.reason ?? undefined} aria-label={`Print@home ticket ${t.position}`} onClick={() => onPrint(t)}>
                      {t.state === 'print_at_home' ? 'Open PDF' : 'Print@home'}
                    </button>
                    {canReissue ? (
                      <button type="button" className="button button--small" aria-label={`Reissue ticket ${t.position}`} onClick={() => onReissue(t)}>
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

/** The one reason worth showing on the row: why the other mode is locked. */
const lockReason = (t: TicketView): string | null => (t.state === 'mobile' ? t.actions.printAtHome.reason : t.state === 'print_at_home' ? t.actions.mobile.reason : null);
