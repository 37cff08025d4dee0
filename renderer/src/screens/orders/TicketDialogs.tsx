import QRCode from 'qrcode';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { PrintAtHomeDocument, TicketView } from '../../../../shared/delivery-views';
import { Alert } from '../../components/Alert';
import { DangerNote } from '../../components/DangerNote';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { SensitiveFields, useSensitive, type SensitiveInput } from '../../components/SensitiveFields';
import type { SensitiveAction } from '../../../../shared/sensitive-views';
import type { AppError } from '../../../../shared/result';
import { errorText, tNow, useFormat, useT } from '../../i18n';
import { call } from '../../state/api';

/** The mobile ticket as a QR code, for the customer to scan with their phone, or its link by text message. */
export function MobileTicketDialog({ ticket, customerPhone, onClose }: { ticket: TicketView; customerPhone: string | null; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const [qr, setQr] = useState<string | null>(null);
  const [phone, setPhone] = useState(customerPhone ?? '');
  const [sent, setSent] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  async function textLink(event: FormEvent) {
    event.preventDefault();
    const result = await call((a) => a.delivery.sendMobileLink({ ticketId: ticket.id, phone: phone.trim() || undefined }));
    setSent(result.ok ? { tone: 'info', text: tNow('orders.mobileDialog.sent', { phone: result.value.sentTo }) } : { tone: 'error', text: errorText(result.error) });
  }
  useEffect(() => {
    void QRCode.toDataURL(ticket.barcode, { margin: 2, width: 280, errorCorrectionLevel: 'M' }).then(setQr);
  }, [ticket.barcode]);
  return (
    <Modal title={t('orders.mobileDialog.title', { seat: ticket.seat })} onClose={onClose}>
      <p className="lead">{t('orders.mobileDialog.lead')}</p>
      {qr ? <img className="qr-large" src={qr} alt={t('orders.mobileDialog.qrAlt', { seat: ticket.seat })} width={280} height={280} /> : null}
      <p className="muted">
        {ticket.generation > 1
          ? t('orders.mobileDialog.detailsDuplicate', { event: ticket.event, seat: ticket.seat, price: f.money(ticket.priceMinor, ticket.currency), number: ticket.generation - 1 })
          : t('orders.mobileDialog.details', { event: ticket.event, seat: ticket.seat, price: f.money(ticket.priceMinor, ticket.currency) })}
      </p>
      <form className="inline-form" onSubmit={textLink} noValidate>
        <Field label={t('orders.mobileDialog.phone')} name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        <button type="submit" className="button">
          {t('orders.mobileDialog.send')}
        </button>
      </form>
      {sent ? <Alert tone={sent.tone}>{sent.text}</Alert> : null}
    </Modal>
  );
}

/** The print@home PDF: shown here, and saved as a file; opening it again gives the same file. */
export function PdfDialog({ doc, onClose }: { doc: PrintAtHomeDocument; onClose: () => void }) {
  const t = useT();
  const url = useMemo(() => {
    const bytes = Uint8Array.from(atob(doc.pdfBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [doc.pdfBase64]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Modal title={t('orders.pdfDialog.title')} onClose={onClose} wide>
      {doc.reopened ? <Alert tone="info">{t('orders.pdfDialog.reopened')}</Alert> : null}
      <iframe className="pdf-frame" src={url} title={t('orders.pdfDialog.frame')} />
      <div className="actions">
        <a className="button button--primary" href={url} download={doc.fileName}>
          {t('orders.pdfDialog.save')}
        </a>
        <span className="muted">{t('orders.pdfDialog.checksum', { hash: doc.sha256.slice(0, 16) })}</span>
      </div>
    </Modal>
  );
}

/**
 * Reissue (one ticket, or every ticket not issued yet when `ticket` is null): a reason is required; old barcodes stop
 * working at once. A ticket the customer has, and any bulk reissue, is `sensitive`: the dialog also asks what core
 * will (her code again, a supervisor's approval), all at once.
 */
export function ReissueDialog({
  ticket,
  count,
  sensitive: action,
  onConfirm,
  onClose,
}: {
  ticket: TicketView | null;
  count: number;
  sensitive: SensitiveAction | null;
  onConfirm: (reason: string, extra: SensitiveInput) => Promise<AppError | null>;
  onClose: () => void;
}) {
  const t = useT();
  const sensitive = useSensitive(action);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!sensitive.validate()) return;
    setBusy(true);
    const refused = await onConfirm(reason, sensitive.input());
    setBusy(false);
    // Refusals about the code or the approval show beside those fields; the rest beside the reason.
    if (refused && !(await sensitive.place(refused))) setError(errorText(refused));
  }
  return (
    <Modal title={ticket ? t('orders.reissueDialog.title', { seat: ticket.seat }) : t('orders.reissueDialog.titleAll', { count })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {ticket ? (
          <p className="lead">{t('orders.reissueDialog.lead', { generation: ticket.generation })}</p>
        ) : (
          <DangerNote>
            <p>
              <strong>{t('orders.reissueDialog.allWarning', { count })}</strong> {t('orders.reissueDialog.allConsequence')}
            </p>
          </DangerNote>
        )}
        <Field label={t('orders.reissueDialog.reason')} name="reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} error={error} hint={t('orders.reissueDialog.reasonHint')} />
        <SensitiveFields sensitive={sensitive} />
        <button type="submit" className="button button--danger" disabled={busy || (sensitive.loading && !sensitive.check)}>
          {ticket ? t('orders.reissueDialog.submit') : t('orders.reissueDialog.submitAll', { count })}
        </button>
      </form>
    </Modal>
  );
}
