/**
 * The print@home ticket: one A4 page with event, venue, date, seat, holder, order number and the
 * barcode as a QR code; "Duplicate #n" after a reissue. Made once per generation and stored.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';

export interface TicketPdfInput {
  institution: string;
  event: string;
  venue: string;
  startsAt: number;
  timeZone: string;
  seat: string;
  holder: string;
  orderNumber: string;
  barcode: string;
  generation: number;
  price: string;
  issuedAt: number;
}

const A4: [number, number] = [595.28, 841.89];

/** Letters that do not decompose into a base letter and an accent. */
const FALLBACK: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

/** Standard PDF fonts only know Latin-1-ish text: drop accents the font cannot show, never fail. */
function printable(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        const base = FALLBACK[ch] ?? ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        try {
          font.encodeText(base);
          return base;
        } catch {
          return '?';
        }
      }
    })
    .join('');
}

export async function renderTicketPdf(input: TicketPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // Fixed metadata: nothing in the file depends on when or where it was rendered but the issue time.
  const issued = new Date(input.issuedAt);
  doc.setTitle(`${input.event} — ${input.seat}`);
  doc.setAuthor(input.institution);
  doc.setProducer('Box Office');
  doc.setCreator('Box Office');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const page = doc.addPage(A4);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const ink = rgb(0.08, 0.13, 0.24);
  const muted = rgb(0.42, 0.48, 0.56);
  const text = (s: string, x: number, y: number, size: number, font = regular, color = ink) => page.drawText(printable(font, s), { x, y, size, font, color });

  page.drawRectangle({ x: 0, y: A4[1] - 90, width: A4[0], height: 90, color: ink });
  text(input.institution, 40, A4[1] - 50, 20, bold, rgb(1, 1, 1));
  text('print@home ticket', 40, A4[1] - 72, 11, regular, rgb(0.85, 0.88, 0.93));
  if (input.generation > 1) {
    page.drawRectangle({ x: A4[0] - 200, y: A4[1] - 70, width: 160, height: 32, color: rgb(0.95, 0.66, 0) });
    text(`Duplicate #${input.generation - 1}`, A4[0] - 188, A4[1] - 59, 14, bold);
  }

  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: input.timeZone }).format(new Date(input.startsAt));
  let y = A4[1] - 140;
  text(input.event, 40, y, 24, bold);
  y -= 30;
  text(input.venue, 40, y, 14);
  y -= 22;
  text(when, 40, y, 14);
  y -= 50;
  const rows: [string, string][] = [
    ['Seat', input.seat],
    ['Holder', input.holder],
    ['Order', input.orderNumber],
    ['Price', input.price],
  ];
  for (const [label, value] of rows) {
    text(label.toUpperCase(), 40, y, 9, bold, muted);
    text(value, 40, y - 18, 15, bold);
    y -= 48;
  }

  const qr = await doc.embedPng(await QRCode.toBuffer(input.barcode, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 400 }));
  page.drawImage(qr, { x: A4[0] - 260, y: A4[1] - 470, width: 220, height: 220 });
  text(input.barcode.match(/.{1,4}/g)!.join(' '), A4[0] - 262, A4[1] - 490, 9, regular, muted);

  text('Show this page, printed or on a screen, at the entrance. Each ticket admits one person once.', 40, 90, 10, regular, muted);
  text('Copies of this ticket are refused once the original has been scanned. A reissued ticket replaces all earlier ones.', 40, 74, 10, regular, muted);
  return doc.save({ useObjectStreams: false });
}

/** One file of several tickets, for printing a group at once (each ticket keeps its own stored PDF). */
export async function joinPdfs(files: Uint8Array[]): Promise<Uint8Array> {
  const joined = await PDFDocument.create();
  joined.setProducer('Box Office');
  for (const file of files) {
    const source = await PDFDocument.load(file);
    for (const page of await joined.copyPages(source, source.getPageIndices())) joined.addPage(page);
  }
  return joined.save({ useObjectStreams: false });
}
