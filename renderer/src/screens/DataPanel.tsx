import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Field } from '../components/Field';
import { Alert } from '../components/Alert';
import { errorText, tNow, useT } from '../i18n';
import { call } from '../state/api';

/** Orders in: an import file (JSON or CSV, docs/IMPORT.md) or the demo dataset. */
export function DataPanel() {
  const t = useT();
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [mobileUrl, setMobileUrl] = useState('');

  async function saveMobileUrl(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.settings.setMobileTicketUrl({ url: mobileUrl.trim() || null }));
    setMessage(
      result.ok
        ? { tone: 'info', text: tNow(result.value.mobileTicketUrl ? 'orders.data.mobileUrl.on' : 'orders.data.mobileUrl.off') }
        : { tone: 'error', text: errorText(result.error) },
    );
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    setBusy(true);
    const result = await call(async (a) => a.orders.import({ format, content: await file.text() }));
    setBusy(false);
    setMessage(
      result.ok
        ? { tone: 'info', text: tNow('orders.data.imported', { orders: result.value.orders, tickets: result.value.tickets, fileName: file.name }) }
        : { tone: 'error', text: errorText(result.error) },
    );
  }

  async function demo() {
    setBusy(true);
    const result = await call((a) => a.demo.load());
    setBusy(false);
    setMessage(
      result.ok
        ? { tone: 'info', text: tNow('orders.data.demoLoaded', { orders: result.value.orders, tickets: result.value.tickets }) }
        : { tone: 'error', text: errorText(result.error) },
    );
  }

  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('orders.data.title')}</h2>
      <p className="muted">{t('orders.data.intro')}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="actions">
        <label className="button">
          {t('orders.data.import')}
          <input type="file" accept=".json,.csv,application/json,text/csv" className="visually-hidden" disabled={busy} onChange={importFile} />
        </label>
        <button type="button" className="button" disabled={busy} onClick={demo}>
          {t('orders.data.demo')}
        </button>
      </div>
      <form className="inline-form" onSubmit={saveMobileUrl} noValidate>
        <Field
          label={t('orders.data.mobileUrl')}
          name="mobileUrl"
          type="url"
          // An address pattern, the same in every language: data, not text to translate.
          placeholder="https://tickets.example.com/m/{barcode}"
          translate="no"
          value={mobileUrl}
          onChange={(e) => setMobileUrl(e.target.value)}
          hint={t('orders.data.mobileUrl.hint')}
        />
        <button type="submit" className="button">
          {t('orders.data.mobileUrl.save')}
        </button>
      </form>
    </section>
  );
}
