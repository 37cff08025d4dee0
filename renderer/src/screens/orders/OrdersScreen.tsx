import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { OrderSummary, OrderView, PrintAtHomeDocument, TicketView } from '../../../../shared/delivery-views';
import type { AppError } from '../../../../shared/result';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { call } from '../../state/api';
import { useLiveChange } from '../../state/live';
import { useSession } from '../../state/session-store';
import { useWork } from '../../state/work-store';
import type { JobView } from '../../../../shared/job-views';
import { JobProgress } from './JobProgress';
import { ShortcutsHelp } from './ShortcutsHelp';
import { TicketList, type ActionOrigin, type TicketListHandle } from './TicketList';
import { MobileTicketDialog, PdfDialog, ReissueDialog } from './TicketDialogs';
import { useTicketFilter } from './ticket-filter';

const PAGE = 500;
const MODE_LABEL = { mobile: 'Mobile', print_at_home: 'print@home' } as const;
/** A ticket action refused because the ticket changed meanwhile (most often at another desk): the order is shown as it is now. */
const STALE_ERRORS = new Set<AppError['code']>(['DELIVERY_LOCKED', 'CONFLICT']);

/** `page` written over `tickets` from `offset` on, in a new array (rows not loaded yet stay empty). */
function withPage(tickets: TicketView[], offset: number, page: TicketView[]): TicketView[] {
  const next = tickets.slice();
  page.forEach((t, i) => (next[offset + i] = t));
  return next;
}

/** Order lookup and delivery: the counter's main screen. */
export function OrdersScreen() {
  const session = useSession((s) => s.session);
  const canReissue = session.state === 'active' && session.permissions.includes('delivery.reissue');
  // The last search and the open order outlive this screen (the lock screen replaces it): see work-store.
  const [query, setQuery] = useState(() => useWork.getState().query);
  const [results, setResults] = useState<OrderSummary[] | null>(() => useWork.getState().results);
  // Coming back to a ticket the operator was on: the focus goes there (TicketList), not to the search.
  const [returningToTicket] = useState(() => {
    const { orderId, position } = useWork.getState();
    return orderId !== null && position?.orderId === orderId && position.index !== null;
  });
  const [order, setOrder] = useState<OrderView | null>(null);
  const [tickets, setTickets] = useState<TicketView[]>([]);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const shell = useSession((s) => s.info?.shell);
  const [job, setJob] = useState<JobView | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'mobile' | 'reissue'; ticket: TicketView } | { kind: 'pdf'; doc: PrintAtHomeDocument } | { kind: 'reissueAll' } | null>(null);
  const list = useRef<TicketListHandle>(null);
  const searchForm = useRef<HTMLFormElement>(null);

  // When a dialog closes, the focus goes back to where it was opened from: the ticket's button (drawn
  // again if the list scrolled meanwhile), or the control that opened it.
  const returnTo = useRef<{ element: HTMLElement | null; ticket: ActionOrigin | null } | null>(null);
  const show = (next: NonNullable<typeof dialog>, from: ActionOrigin | null = null) => {
    returnTo.current = { element: from?.element ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null), ticket: from };
    setDialog(next);
  };
  useEffect(() => {
    if (dialog !== null || !returnTo.current) return;
    const { element, ticket } = returnTo.current;
    returnTo.current = null;
    // From a ticket's row: the button of the action done (it stays usable after it; the list draws the row again if need be).
    if (ticket && (!element || element.closest('[data-row]')) && list.current?.focusRow(ticket.row, ticket.action)) return;
    if (element?.isConnected && !(element as HTMLButtonElement).disabled) element.focus();
    // The control is gone or disabled (a bulk job started): to the order, not to the page.
    else document.getElementById('order-title')?.focus();
  }, [dialog]);

  /** Whether more orders match than are shown: the list says so, and offers the next ones. */
  const [more, setMore] = useState(false);

  async function showMore() {
    const shownQuery = useWork.getState().query || query;
    const result = await call((a) => a.orders.search({ query: shownQuery, offset: results?.length ?? 0 }));
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    const next = [...(results ?? []), ...result.value.orders];
    setResults(next);
    setMore(result.value.more);
    useWork.getState().setSearch(shownQuery, next);
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const result = await call((a) => a.orders.search({ query }));
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setResults(result.value.orders);
    setMore(result.value.more);
    useWork.getState().setSearch(query, result.value.orders);
    if (result.value.orders.length === 1) void open(result.value.orders[0]!.id);
    if (result.value.orders.length === 0) setMessage({ tone: 'info', text: `No order matches “${query}”. Check the number, or try the customer's email.` });
  }

  /** The order on screen, for answers and live changes that arrive after another order was opened. */
  const shown = useRef<number | null>(null);

  /** Loads the first page at once and the rest behind it; the list is usable meanwhile. */
  const open = useCallback(async (orderId: number) => {
    shown.current = orderId;
    const first = await call((a) => a.orders.get({ orderId, offset: 0, limit: PAGE }));
    if (!first.ok) {
      if (useWork.getState().orderId === orderId && first.error.code === 'NOT_FOUND') useWork.getState().setOrder(null);
      return setMessage({ tone: 'error', text: first.error.message });
    }
    setOrder(first.value);
    useWork.getState().setOrder(orderId);
    // A job this session started on the order (still running, or ended with a file to save) shows again.
    const found = await call((a) => a.jobs.status({ orderId }));
    setJob(found.ok ? found.value.job : null);
    let all = first.value.tickets;
    setTickets(all);
    for (let offset = PAGE; offset < first.value.ticketCount; offset += PAGE) {
      const page = await call((a) => a.orders.get({ orderId, offset, limit: PAGE }));
      if (!page.ok || shown.current !== orderId) break;
      all = all.concat(page.value.tickets);
      setTickets(all);
    }
  }, []);

  /**
   * The open order again, in place: each page replaces its rows as it arrives, so the list keeps its
   * scroll position and focus and shows no loading state. Silent: a failed fetch leaves the order as shown.
   */
  const refreshOrder = useCallback(async (orderId: number) => {
    const first = await call((a) => a.orders.get({ orderId, offset: 0, limit: PAGE }));
    if (!first.ok || shown.current !== orderId) return;
    setOrder(first.value);
    setTickets((current) => withPage(current.slice(0, first.value.ticketCount), 0, first.value.tickets));
    for (let offset = PAGE; offset < first.value.ticketCount; offset += PAGE) {
      const page = await call((a) => a.orders.get({ orderId, offset, limit: PAGE }));
      if (!page.ok || shown.current !== orderId) return;
      setTickets((current) => withPage(current, offset, page.value.tickets));
    }
  }, []);

  // A ticket of this order issued, printed or reissued at another desk shows here within a second.
  useLiveChange(
    (c) => c.kind === 'order' && c.ref !== null && c.ref === shown.current,
    () => {
      if (shown.current !== null) void refreshOrder(shown.current);
    },
  );

  /** Shows a refused ticket action; when the ticket changed meanwhile, shows the order as it is now (who holds the ticket). */
  const refused = (error: AppError) => {
    if (STALE_ERRORS.has(error.code) && shown.current !== null) void refreshOrder(shown.current);
  };

  const reload = () => (order ? open(order.id) : Promise.resolve());

  // Back from the lock screen (or from another section): the order that was open opens again.
  useEffect(() => {
    const { orderId } = useWork.getState();
    if (orderId !== null) void open(orderId);
  }, [open]);

  async function issueMobile(ticket: TicketView, from: ActionOrigin | null = null) {
    const result = await call((a) => a.delivery.issueMobile({ ticketIds: [ticket.id] }));
    if (!result.ok) {
      refused(result.error);
      return setMessage({ tone: 'error', text: result.error.message });
    }
    await reload();
    show({ kind: 'mobile', ticket }, from);
  }

  const jobRunning = job?.state === 'running' && job.orderId === order?.id;
  const jobId = jobRunning ? job.id : null;

  // While the order's job runs: its progress twice a second; once it ends, the order as it is now.
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const timer = setInterval(() => {
      void call((a) => a.jobs.status({ jobId })).then((result) => {
        if (stopped || !result.ok || !result.value.job) return;
        const next = result.value.job;
        setJob(next);
        if (next.state !== 'running') {
          stopped = true;
          clearInterval(timer);
          void open(next.orderId);
        }
      });
    }, 500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, open]);

  async function startJob(start: () => Promise<{ ok: true; value: { jobId: string } } | { ok: false; error: { message: string } }>): Promise<string | null> {
    setMessage(null);
    const started = await start();
    if (!started.ok) return started.error.message;
    const first = await call((a) => a.jobs.status({ jobId: started.value.jobId }));
    if (first.ok) setJob(first.value.job);
    return null;
  }

  async function issueAllMobile() {
    if (!order) return;
    const refused = await startJob(() => call((a) => a.jobs.startMobile({ orderId: order.id })));
    if (refused) setMessage({ tone: 'error', text: refused });
  }

  async function printAllAtHome() {
    if (!order) return;
    const refused = await startJob(() => call((a) => a.jobs.startPrintAtHome({ orderId: order.id })));
    if (refused) setMessage({ tone: 'error', text: refused });
  }

  async function reissueAll(reason: string): Promise<string | null> {
    if (!order) return null;
    const refused = await startJob(() => call((a) => a.jobs.startReissue({ orderId: order.id, reason })));
    if (!refused) setDialog(null);
    return refused;
  }

  async function cancelJob() {
    if (!job) return;
    const result = await call((a) => a.jobs.cancel({ jobId: job.id }));
    if (result.ok) setJob(result.value);
    else setMessage({ tone: 'error', text: result.error.message });
  }

  async function saveJobFile() {
    if (!job) return;
    const result = await call((a) => a.jobs.saveResult({ jobId: job.id }));
    if (!result.ok) setMessage({ tone: 'error', text: result.error.message });
    else if (result.value.saved) setMessage({ tone: 'info', text: `${result.value.fileName} ${shell === 'electron' ? 'was saved' : 'is downloading'}.` });
  }

  async function printAtHome(ticket: TicketView, from: ActionOrigin | null = null) {
    const result = await call((a) => a.delivery.printAtHome({ ticketId: ticket.id }));
    if (!result.ok) {
      refused(result.error);
      return setMessage({ tone: 'error', text: result.error.message });
    }
    show({ kind: 'pdf', doc: result.value }, from);
    await reload();
  }

  async function reissue(ticket: TicketView, reason: string): Promise<string | null> {
    const result = await call((a) => a.delivery.reissue({ ticketId: ticket.id, reason }));
    if (!result.ok) {
      refused(result.error);
      return result.error.message;
    }
    setDialog(null);
    setMessage({ tone: 'info', text: `Ticket ${ticket.position} was reissued as duplicate #${ticket.generation}. The old barcode no longer opens the gate.` });
    await reload();
    return null;
  }

  // The counter's shortcuts (ShortcutsHelp, docs/SHORTCUTS.md), each with Alt: no single key sets one off.
  const onShortcut = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onShortcut.current = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || e.getModifierState('AltGraph')) return;
    if (document.querySelector('dialog[open]')) return; // a dialog's keys are its own
    if (e.code === 'KeyS' && !e.shiftKey) {
      e.preventDefault();
      const input = searchForm.current?.querySelector('input');
      input?.focus();
      input?.select();
      return;
    }
    if (!order || !list.current) return;
    if (e.code === 'KeyN') {
      e.preventDefault();
      list.current.step(e.shiftKey ? -1 : 1);
      return;
    }
    if ((e.code !== 'KeyM' && e.code !== 'KeyP') || e.shiftKey) return;
    e.preventDefault();
    if (e.repeat) return;
    const mobile = e.code === 'KeyM';
    const row = list.current.currentRow();
    const ticket = row === null ? undefined : tickets[row];
    if (row === null || !ticket) return setMessage({ tone: 'info', text: `First go to a ticket (Alt+N, or “Go to ticket”), then press Alt+${mobile ? 'M' : 'P'} again.` });
    const state = mobile ? ticket.actions.mobile : ticket.actions.printAtHome;
    if (!state.allowed) return setMessage({ tone: 'error', text: `Ticket ${ticket.position}: ${state.reason ?? `${mobile ? 'mobile' : 'print@home'} is not possible.`}` });
    useTicketFilter.getState().keep(order.id, row);
    const from: ActionOrigin = { row, action: mobile ? 'mobile' : 'print', element: document.activeElement instanceof HTMLElement ? document.activeElement : null };
    void (mobile ? issueMobile(ticket, from) : printAtHome(ticket, from));
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onShortcut.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="orders">
      <section className="panel orders__find" aria-labelledby="orders-title">
        <div className="orders__find-row">
          <h1 id="orders-title">Orders</h1>
          <form ref={searchForm} className="orders__search" onSubmit={search} role="search">
            <Field label="Order number, customer name, email or barcode" name="query" autoFocus={!returningToTicket} aria-keyshortcuts="Alt+S" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="submit" className="button button--primary">
              Search
            </button>
          </form>
          <ShortcutsHelp />
        </div>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {results && results.length > 1 ? (
          <ul className="results" aria-label="Matching orders">
            {results.map((r) => (
              <li key={r.id}>
                <button type="button" className="result" onClick={() => open(r.id)}>
                  <span className="result__head">
                    <strong>{r.number}</strong> {r.customerName} <span className={r.paid ? 'badge badge--paid' : 'badge badge--warn'}>{r.paid ? 'Paid' : 'Not paid'}</span>
                  </span>
                  <span className="muted">
                    {r.event ? `${r.event.name}, ${new Date(r.event.startsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: r.event.timeZone })}` : 'No tickets'}
                    {r.otherEvents > 0 ? ` and ${r.otherEvents} other event${r.otherEvents === 1 ? '' : 's'}` : ''} · {r.ticketCount} {r.ticketCount === 1 ? 'ticket' : 'tickets'} · {r.customerEmail}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {results && results.length > 1 && more ? (
          <p className="results__more">
            <span>More orders match than are shown. Add a word of the name, or search by order number or email.</span>{' '}
            <button type="button" className="button" onClick={() => void showMore()}>
              Show more orders
            </button>
          </p>
        ) : null}
      </section>

      {order ? (
        <section className="panel orders__order" aria-labelledby="order-title">
          <div className="orders__head">
            <h2 id="order-title" tabIndex={-1}>
              Order {order.number}
            </h2>
            <p className="orders__meta">
              {order.customerName} · {order.customerEmail} · shop allows {order.allowedModes.map((m) => MODE_LABEL[m]).join(' and ')} · chosen at checkout: {MODE_LABEL[order.checkoutMode]} ·{' '}
              {order.paid ? <span className="status-on">paid</span> : <strong className="status-bad">not paid</strong>}
            </p>
          </div>
          <div className="orders__bar">
            <div className="counts orders__counts" aria-label="Ticket states">
              <span>{order.counts.none} not issued</span>
              <span>{order.counts.mobile} mobile</span>
              <span>{order.counts.print_at_home} print@home</span>
            </div>
            <div className="orders__bulk">
              <button type="button" className="button orders__bulk-button" disabled={jobRunning || order.counts.none === 0 || !order.allowedModes.includes('mobile') || !order.paid} onClick={issueAllMobile}>
                Issue all not issued to mobile ({order.counts.none})
              </button>
              <button type="button" className="button orders__bulk-button" disabled={jobRunning || order.counts.none === 0 || !order.allowedModes.includes('print_at_home') || !order.paid} onClick={printAllAtHome}>
                Print@home all not issued ({order.counts.none})
              </button>
              {canReissue ? (
                <button type="button" className="button button--danger-outline orders__bulk-button" aria-haspopup="dialog" disabled={jobRunning || order.counts.none === 0} onClick={() => show({ kind: 'reissueAll' })}>
                  Reissue all not issued ({order.counts.none})
                </button>
              ) : null}
            </div>
          </div>
          {job && job.orderId === order.id ? <JobProgress job={job} shell={shell} onCancel={() => void cancelJob()} onSave={() => void saveJobFile()} /> : null}
          <TicketList
            key={order.id}
            handle={list}
            orderId={order.id}
            tickets={tickets}
            total={order.ticketCount}
            canReissue={canReissue}
            allowedModes={order.allowedModes}
            paid={order.paid}
            onMobile={issueMobile}
            onPrint={printAtHome}
            onReissue={(t, from) => show({ kind: 'reissue', ticket: t }, from)}
          />
        </section>
      ) : null}

      {dialog?.kind === 'mobile' ? <MobileTicketDialog ticket={dialog.ticket} customerPhone={order?.customerPhone ?? null} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reissueAll' && order ? <ReissueDialog ticket={null} count={order.counts.none} onConfirm={reissueAll} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'pdf' ? <PdfDialog doc={dialog.doc} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reissue' ? <ReissueDialog ticket={dialog.ticket} count={1} onConfirm={(reason) => reissue(dialog.ticket, reason)} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
