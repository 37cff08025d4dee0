import QRCode from 'qrcode';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { PrintAtHomeDocument, TicketView } from '../../../../shared/delivery-views';
import { Alert } from '../../components/Alert';
import { DangerNote } from '../../components/DangerNote';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { call } from '../../state/api';

/** The mobile ticket as a QR code, for the customer to scan with their phone, or its link by text message. */
export function MobileTicketDialog({ ticket, customerPhone, onClose }: { ticket: TicketView; customerPhone: string | null; onClose: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [phone, setPhone] = useState(customerPhone ?? '');
  const [sent, setSent] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  async function textLink(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.delivery.sendMobileLink({ ticketId: ticket.id, phone: phone.trim() || undefined }));
    setSent(result.ok ? { tone: 'info', text: `The link was texted to ${result.value.sentTo}.` } : { tone: 'error', text: result.error.message });
  }
  useEffect(() => {
    void QRCode.toDataURL(ticket.barcode, { margin: 2, width: 280, errorCorrectionLevel: 'M' }).then(setQr);
  }, [ticket.barcode]);
  return (
    <Modal title={`Mobile ticket — ${ticket.seat}`} onClose={onClose}>
      <p className="lead">Let the customer scan this code with their phone. It is the ticket: the gate admits it once.</p>
      {qr ? <img className="qr-large" src={qr} alt={`Mobile ticket QR code for ${ticket.seat}`} width={280} height={280} /> : null}
      <p className="muted">
        {ticket.event} · {ticket.seat}
        {ticket.generation > 1 ? ` · Duplicate #${ticket.generation - 1}` : ''}
      </p>
      <form className="inline-form" onSubmit={textLink} noValidate>
        <Field label="Customer's mobile number (with country code)" name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        <button type="submit" className="button">
          Text the link
        </button>
      </form>
      {sent ? <Alert tone={sent.tone}>{sent.text}</Alert> : null}
    </Modal>
  );
}

/** The print@home PDF: shown here, and saved as a file; opening it again gives the same file. */
export function PdfDialog({ doc, onClose }: { doc: PrintAtHomeDocument; onClose: () => void }) {
  const url = useMemo(() => {
    const bytes = Uint8Array.from(atob(doc.pdfBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [doc.pdfBase64]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Modal title="print@home ticket" onClose={onClose} wide>
      {doc.reopened ? <Alert tone="info">This ticket was printed before: this is the very same file, and the earlier copy stays valid.</Alert> : null}
      <iframe className="pdf-frame" src={url} title="Ticket PDF" />
      <div className="actions">
        <a className="button button--primary" href={url} download={doc.fileName}>
          Save PDF
        </a>
        <span className="muted">SHA-256 {doc.sha256.slice(0, 16)}…</span>
      </div>
    </Modal>
  );
}

/** Reissue (one ticket, or every ticket not issued yet when `ticket` is null): a reason is required; old barcodes stop working at once. */
export function ReissueDialog({ ticket, count, onConfirm, onClose }: { ticket: TicketView | null; count: number; onConfirm: (reason: string) => Promise<string | null>; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(await onConfirm(reason));
  }
  const tickets = count === 1 ? '1 ticket' : `${count} tickets`;
  return (
    <Modal title={ticket ? `Reissue ${ticket.seat}` : `Reissue ${tickets} not issued yet`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {ticket ? (
          <p className="lead">
            The current barcode is revoked at once — a printed or mobile copy will be refused at the gate — and a duplicate (#{ticket.generation}) with a new barcode is made. The customer can then
            choose mobile or print@home again.
          </p>
        ) : (
          <DangerNote>
            <p>
              <strong>Every ticket of this order not issued yet gets a new barcode: {tickets}.</strong> Their current barcodes stop working at once — any copy of them, sent or printed
              elsewhere, is refused at the gate. This cannot be undone.
            </p>
          </DangerNote>
        )}
        <Field label="Reason for reissue" name="reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} error={error} hint="For example: customer lost the printout." />
        <button type="submit" className="button button--danger">
          {ticket ? 'Reissue ticket' : `Reissue ${tickets}`}
        </button>
      </form>
    </Modal>
  );
}
