import { useId, useState, type FormEvent } from 'react';
import type { TicketView } from '../../../../shared/delivery-views';
import { useT } from '../../i18n';
import { SHOW_OPTIONS, useFilterFor, useTicketFilter, type ShowFilter } from './ticket-filter';

interface Props {
  orderId: number;
  tickets: TicketView[];
  total: number;
  /** How many tickets the filter shows (null: not filtering, every ticket is shown). */
  shown: number | null;
  /** Scrolls to ticket `row` (the order's index) and focuses it; says whether the filter had to be cleared for it. */
  onGoTo: (row: number) => 'shown' | 'cleared';
}

/** Above the ticket list: show by state, by seat, and go to a ticket by its number. */
export function TicketTools({ orderId, tickets, total, shown, onGoTo }: Props) {
  const t = useT();
  const { filter } = useFilterFor(orderId);
  const setFilter = useTicketFilter((s) => s.setFilter);
  const [number, setNumber] = useState('');
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();
  const noteId = `${id}-note`;

  function goTo(event: FormEvent) {
    event.preventDefault();
    const n = Number(number.trim());
    if (!number.trim() || !Number.isInteger(n) || n < 1 || n > total) {
      setNote({ error: true, text: t('orders.ticketTools.range', { total }) });
      return;
    }
    const outcome = onGoTo(n - 1);
    setNote(outcome === 'cleared' ? { error: false, text: t('orders.ticketTools.cleared', { number: n }) } : null);
  }

  const loaded = tickets.length;
  const status =
    note?.text ??
    (shown === null ? null : loaded < total ? t('orders.ticketTools.shownLoading', { shown, total, loaded }) : t('orders.ticketTools.shown', { shown, total }));

  return (
    <div className="ticket-tools" role="group" aria-label={t('orders.ticketTools.label')}>
      <span className="ticket-tools__field">
        <label htmlFor={`${id}-show`}>{t('orders.ticketTools.show')}</label>
        <select
          id={`${id}-show`}
          value={filter.show}
          onChange={(e) => {
            setFilter(orderId, { show: e.target.value as ShowFilter });
            setNote(null);
          }}
        >
          {SHOW_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.label)}
            </option>
          ))}
        </select>
      </span>
      <span className="ticket-tools__field">
        <label htmlFor={`${id}-seat`}>{t('orders.ticketTools.seat')}</label>
        <input
          id={`${id}-seat`}
          type="search"
          className="ticket-tools__seat"
          autoComplete="off"
          spellCheck={false}
          value={filter.seat}
          onChange={(e) => {
            setFilter(orderId, { seat: e.target.value });
            setNote(null);
          }}
        />
      </span>
      <form className="ticket-tools__goto" onSubmit={goTo} noValidate>
        <span className="ticket-tools__field">
          <label htmlFor={`${id}-goto`}>{t('orders.ticketTools.goTo')}</label>
          <input
            id={`${id}-goto`}
            type="number"
            className="ticket-tools__number"
            inputMode="numeric"
            min={1}
            max={total}
            value={number}
            aria-invalid={note?.error ? true : undefined}
            aria-describedby={note ? noteId : undefined}
            onChange={(e) => {
              setNumber(e.target.value);
              if (note?.error) setNote(null);
            }}
          />
        </span>
        <button type="submit" className="button ticket-tools__button">
          {t('orders.ticketTools.go')}
        </button>
      </form>
      <p id={noteId} className={`ticket-tools__status${note?.error ? ' ticket-tools__status--error' : ''}`} role="status">
        {status}
      </p>
    </div>
  );
}
