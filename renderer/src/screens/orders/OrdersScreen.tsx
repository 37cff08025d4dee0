import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { OrderSummary, OrderView, PrintAtHomeDocument, TicketView } from '../../../../shared/delivery-views';
import type { AppError } from '../../../../shared/result';
import { LOCALE_NAMES, isLocale } from '../../../../shared/i18n/locales';
import { errorText, tNow, useFormat, useT, type Translate } from '../../i18n';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { call } from '../../state/api';
import { useLiveChange } from '../../state/live';
import { useSession } from '../../state/session-store';
import { useWork } from '../../state/work-store';
import type { JobView } from '../../../../shared/job-views';
import { JobProgress } from './JobProgress';
import { ShortcutsHelp } from './ShortcutsHelp';
import { reasonOf, TicketList, type ActionOrigin, type TicketListHandle } from './TicketList';
import { MobileTicketDialog, PdfDialog, ReissueDialog } from './TicketDialogs';
import type { SensitiveInput } from '../../components/SensitiveFields';
import { useTicketFilter } from './ticket-filter';

const PAGE = 500;
/** The shop's modes in words: "Mobile", "Mobile and print@home". */
const modesText = (t: Translate, modes: readonly string[]): string => {
  const names = modes.map((mode) => t('orders.mode', { mode }));
  return names.length ? names.reduce((first, second) => t('orders.modes.both', { first, second })) : '';
};
/**
 * The letter of a shortcut as the keyboard's labels say: the key typed (Alt+M is the key marked M on AZERTY and
 * QWERTZ too), or the key's place on a US keyboard when Alt types no plain letter (Option on macOS types "µ").
 */
function shortcutLetter(e: KeyboardEvent): string | null {
  if (/^[a-z]$/i.test(e.key)) return e.key.toUpperCase();
  if (/^[\x20-\x7e]$/.test(e.key)) return null; // a key marked with another character ("," or ";"): no shortcut
  return /^Key[A-Z]$/.test(e.code) ? e.code.slice(3) : null;
}

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
  const t = useT();
  const f = useFormat();
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
    if (!result.ok) return setMessage({ tone: 'error', text: errorText(result.error) });
    const next = [...(results ?? []), ...result.value.orders];
    setResults(next);
    setMore(result.value.more);
    useWork.getState().setSearch(shownQuery, next);
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const result = await call((a) => a.orders.search({ query }));
    if (!result.ok) return setMessage({ tone: 'error', text: errorText(result.error) });
    setResults(result.value.orders);
    setMore(result.value.more);
    useWork.getState().setSearch(query, result.value.orders);
    if (result.value.orders.length === 1) void open(result.value.orders[0]!.id);
    if (result.value.orders.length === 0) setMessage({ tone: 'info', text: tNow('orders.search.noMatch', { query }) });
  }

  /** The order on screen, for answers and live changes that arrive after another order was opened. */
  const shown = useRef<number | null>(null);

  /** Loads the first page at once and the rest behind it; the list is usable meanwhile. */
  const open = useCallback(async (orderId: number) => {
    shown.current = orderId;
    const first = await call((a) => a.orders.get({ orderId, offset: 0, limit: PAGE }));
    if (!first.ok) {
      if (useWork.getState().orderId === orderId && first.error.code === 'NOT_FOUND') useWork.getState().setOrder(null);
      return setMessage({ tone: 'error', text: errorText(first.error) });
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
      return setMessage({ tone: 'error', text: errorText(result.error) });
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

  async function startJob(start: () => Promise<{ ok: true; value: { jobId: string } } | { ok: false; error: AppError }>): Promise<AppError | null> {
    setMessage(null);
    const started = await start();
    if (!started.ok) return started.error;
    const first = await call((a) => a.jobs.status({ jobId: started.value.jobId }));
    if (first.ok) setJob(first.value.job);
    return null;
  }

  async function issueAllMobile() {
    if (!order) return;
    const refused = await startJob(() => call((a) => a.jobs.startMobile({ orderId: order.id })));
    if (refused) setMessage({ tone: 'error', text: errorText(refused) });
  }

  async function printAllAtHome() {
    if (!order) return;
    const refused = await startJob(() => call((a) => a.jobs.startPrintAtHome({ orderId: order.id })));
    if (refused) setMessage({ tone: 'error', text: errorText(refused) });
  }

  async function reissueAll(reason: string, extra: SensitiveInput): Promise<AppError | null> {
    if (!order) return null;
    const refused = await startJob(() => call((a) => a.jobs.startReissue({ orderId: order.id, reason, ...extra })));
    if (!refused) setDialog(null);
    return refused;
  }

  async function cancelJob() {
    if (!job) return;
    const result = await call((a) => a.jobs.cancel({ jobId: job.id }));
    if (result.ok) setJob(result.value);
    else setMessage({ tone: 'error', text: errorText(result.error) });
  }

  async function saveJobFile() {
    if (!job) return;
    const result = await call((a) => a.jobs.saveResult({ jobId: job.id }));
    if (!result.ok) setMessage({ tone: 'error', text: errorText(result.error) });
    else if (result.value.saved) setMessage({ tone: 'info', text: tNow('orders.saved', { fileName: result.value.fileName, shell: shell ?? 'web' }) });
  }

  async function printAtHome(ticket: TicketView, from: ActionOrigin | null = null) {
    const result = await call((a) => a.delivery.printAtHome({ ticketId: ticket.id }));
    if (!result.ok) {
      refused(result.error);
      return setMessage({ tone: 'error', text: errorText(result.error) });
    }
    show({ kind: 'pdf', doc: result.value }, from);
    await reload();
  }

  async function reissue(ticket: TicketView, reason: string, extra: SensitiveInput): Promise<AppError | null> {
    const result = await call((a) => a.delivery.reissue({ ticketId: ticket.id, reason, ...extra }));
    if (!result.ok) {
      refused(result.error);
      return result.error;
    }
    setDialog(null);
    setMessage({ tone: 'info', text: tNow('orders.reissued', { position: ticket.position, generation: ticket.generation }) });
    await reload();
    return null;
  }

  // The counter's shortcuts (ShortcutsHelp, docs/SHORTCUTS.md), each with Alt: no single key sets one off.
  const onShortcut = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onShortcut.current = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || e.getModifierState('AltGraph')) return;
    if (document.querySelector('dialog[open]')) return; // a dialog's keys are its own
    const letter = shortcutLetter(e);
    if (letter === 'S' && !e.shiftKey) {
      e.preventDefault();
      const input = searchForm.current?.querySelector('input');
      input?.focus();
      input?.select();
      return;
    }
    if (!order || !list.current) return;
    if (letter === 'N') {
      e.preventDefault();
      list.current.step(e.shiftKey ? -1 : 1);
      return;
    }
    if ((letter !== 'M' && letter !== 'P') || e.shiftKey) return;
    e.preventDefault();
    if (e.repeat) return;
    const mobile = letter === 'M';
    const row = list.current.currentRow();
    const ticket = row === null ? undefined : tickets[row];
    if (row === null || !ticket) return setMessage({ tone: 'info', text: tNow('orders.shortcut.goToTicketFirst', { key: mobile ? 'M' : 'P' }) });
    const state = mobile ? ticket.actions.mobile : ticket.actions.printAtHome;
    if (!state.allowed)
      return setMessage({
        tone: 'error',
        text: tNow('orders.shortcut.refused', { position: ticket.position, reason: reasonOf(state) ?? tNow('orders.shortcut.notPossible', { mode: mobile ? 'mobile' : 'print_at_home' }) }),
      });
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
          <h1 id="orders-title">{t('orders.title')}</h1>
          <form ref={searchForm} className="orders__search" onSubmit={search} role="search">
            <Field label={t('orders.search.label')} name="query" autoFocus={!returningToTicket} aria-keyshortcuts="Alt+S" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="submit" className="button button--primary">
              {t('orders.search.submit')}
            </button>
          </form>
          <ShortcutsHelp />
        </div>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {results && results.length > 1 ? (
          <ul className="results" aria-label={t('orders.results.label')}>
            {results.map((r) => (
              <li key={r.id}>
                <button type="button" className="result" onClick={() => open(r.id)}>
                  <span className="result__head">
                    <strong translate="no">{r.number}</strong> <span translate="no">{r.customerName}</span>{' '}
                    <span className={r.paid ? 'badge badge--paid' : 'badge badge--warn'}>{r.paid ? t('orders.results.paid') : t('orders.results.notPaid')}</span>
                  </span>
                  <span className="muted">
                    {r.event
                      ? t('orders.results.line', { event: r.event.name, startsAt: f.date(r.event.startsAt, 'event', r.event.timeZone), otherEvents: r.otherEvents, tickets: r.ticketCount, email: r.customerEmail })
                      : t('orders.results.lineNoEvent', { tickets: r.ticketCount, email: r.customerEmail })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {results && results.length > 1 && more ? (
          <p className="results__more">
            <span>{t('orders.results.more')}</span>{' '}
            <button type="button" className="button" onClick={() => void showMore()}>
              {t('orders.results.showMore')}
            </button>
          </p>
        ) : null}
      </section>

      {order ? (
        <section className="panel orders__order" aria-labelledby="order-title">
          <div className="orders__head">
            <h2 id="order-title" tabIndex={-1}>
              {t('orders.order.title', { number: order.number })}
            </h2>
            <p className="orders__meta">
              {t('orders.order.meta', { name: order.customerName, email: order.customerEmail, modes: modesText(t, order.allowedModes), checkout: t('orders.mode', { mode: order.checkoutMode }) })}{' '}
              {order.paid ? <span className="status-on">{t('orders.order.paid')}</span> : <strong className="status-bad">{t('orders.order.notPaid')}</strong>}
              {isLocale(order.language) ? <span className="orders__language"> · {t('orders.order.language', { language: LOCALE_NAMES[order.language] })}</span> : null}
            </p>
          </div>
          <div className="orders__bar">
            <div className="counts orders__counts" aria-label={t('orders.counts.label')}>
              <span>{t('orders.counts.none', { count: order.counts.none })}</span>
              <span>{t('orders.counts.mobile', { count: order.counts.mobile })}</span>
              <span>{t('orders.counts.printAtHome', { count: order.counts.print_at_home })}</span>
            </div>
            <div className="orders__bulk">
              <button type="button" className="button orders__bulk-button" disabled={jobRunning || order.counts.none === 0 || !order.allowedModes.includes('mobile') || !order.paid} onClick={issueAllMobile}>
                {t('orders.bulk.mobile', { count: order.counts.none })}
              </button>
              <button type="button" className="button orders__bulk-button" disabled={jobRunning || order.counts.none === 0 || !order.allowedModes.includes('print_at_home') || !order.paid} onClick={printAllAtHome}>
                {t('orders.bulk.printAtHome', { count: order.counts.none })}
              </button>
              {canReissue ? (
                <button type="button" className="button button--danger-outline orders__bulk-button" aria-haspopup="dialog" disabled={jobRunning || order.counts.none === 0} onClick={() => show({ kind: 'reissueAll' })}>
                  {t('orders.bulk.reissue', { count: order.counts.none })}
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
      {dialog?.kind === 'reissueAll' && order ? <ReissueDialog ticket={null} count={order.counts.none} sensitive="bulkReissue" onConfirm={reissueAll} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'pdf' ? <PdfDialog doc={dialog.doc} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reissue' ? <ReissueDialog
          ticket={dialog.ticket}
          count={1}
          // A ticket the customer already has (mobile or print@home): core asks more for its reissue.
          sensitive={dialog.ticket.state === 'none' ? null : 'reissue'}
          onConfirm={(reason, extra) => reissue(dialog.ticket, reason, extra)}
          onClose={() => setDialog(null)}
        /> : null}
    </div>
  );
}
