import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Field } from '../components/Field';
import { Alert } from '../components/Alert';
import { call } from '../state/api';

/** Orders in: an import file (JSON or CSV, docs/IMPORT.md) or the demo dataset. */
export function DataPanel() {
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [mobileUrl, setMobileUrl] = useState('');

  async function saveMobileUrl(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.settings.setMobileTicketUrl({ url: mobileUrl.trim() || null }));
    setMessage(result.ok ? { tone: 'info', text: result.value.mobileTicketUrl ? 'Mobile-ticket links can now be texted to customers.' : 'Texting mobile-ticket links is off.' } : { tone: 'error', text: result.error.message });
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    setBusy(true);
    const result = await call(async (a) => a.orders.import({ format, content: await file.text() }));
    setBusy(false);
    setMessage(result.ok ? { tone: 'info', text: `Imported ${result.value.orders} orders with ${result.value.tickets} tickets from ${file.name}.` } : { tone: 'error', text: result.error.message });
  }

  async function demo() {
    setBusy(true);
    const result = await call((a) => a.demo.load());
    setBusy(false);
    setMessage(result.ok ? { tone: 'info', text: `Demo data loaded: ${result.value.orders} orders, ${result.value.tickets} tickets. Try the order DEMO-GROUP-5000.` } : { tone: 'error', text: result.error.message });
  }

  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Orders and demo data</h2>
      <p className="muted">Import a JSON or CSV file of orders from the shop. Every row is checked first; if one is wrong, nothing is imported and the message says which row and field.</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="actions">
        <label className="button">
          Import orders (JSON or CSV)…
          <input type="file" accept=".json,.csv,application/json,text/csv" className="visually-hidden" disabled={busy} onChange={importFile} />
        </label>
        <button type="button" className="button" disabled={busy} onClick={demo}>
          Load demo data
        </button>
      </div>
      <form className="inline-form" onSubmit={saveMobileUrl} noValidate>
        <Field label="Mobile ticket address" name="mobileUrl" type="url" placeholder="https://tickets.example.com/m/{barcode}" value={mobileUrl} onChange={(e) => setMobileUrl(e.target.value)} hint="Texted to customers with the barcode in place of {barcode}. Empty: no links." />
        <button type="submit" className="button">
          Save address
        </button>
      </form>
    </section>
  );
}
