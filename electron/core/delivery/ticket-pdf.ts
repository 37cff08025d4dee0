/**
 * The print@home ticket: one A4 page with event, venue, date, seat, holder, order number and the
 * barcode as a QR code; "Duplicate #n" after a reissue. Made once per generation and stored.
 *
 * Fast by construction: the page is one hand-written content stream (deflated by Node's zlib), the QR
 * code is vector rectangles from its module matrix, text that fits WinAnsi uses the standard fonts
 * (nothing embedded), and only text outside WinAnsi pulls in a subset of DejaVu Sans (ticket-fonts.ts).
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, StandardFontEmbedder, StandardFonts, type PDFFont, type PDFRef } from 'pdf-lib';
import { fmt, qrMatrix, qrOperators, QUIET_ZONE_MODULES } from './qr-vector';
import { placeLogo, prepareLogo } from './ticket-logo';
import { formatDate } from '../../../shared/i18n/format';
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/translator';
import { cachingFontkit, cleanText, forgetGlyphsWithoutText, unicodeFont, visualRuns, withinFont, type Weight } from './ticket-fonts';

export interface TicketPdfInput {
  /**
   * The customer's language: the ticket's own words (labels, footer) and its date. Absent: English (tickets
   * rendered before languages existed). A stored ticket is never rendered again, so it keeps its language.
   */
  locale?: Locale;
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
  /** The institution's logo (PNG or JPEG, checked when it was uploaded), in the header beside its name. */
  logo?: Uint8Array | null;
  /** Doors and entrance, one line under the date (institution settings). */
  doors?: string | null;
  /** Terms, a few small lines above the page's foot (institution settings). */
  terms?: string | null;
}


const A4: [number, number] = [595.28, 841.89];
const [W, H] = A4;
const MARGIN = 40;

/** The QR code: the symbol (dark modules) is a 200 pt square centred where the ticket always had it. */
export const QR_LAYOUT = { centreX: W - 150, centreY: H - 360, side: 200 } as const;

type Rgb = readonly [number, number, number];
const INK: Rgb = [0.08, 0.13, 0.24];
const MUTED: Rgb = [0.42, 0.48, 0.56];
const WHITE: Rgb = [1, 1, 1];
const PALE: Rgb = [0.85, 0.88, 0.93];
const AMBER: Rgb = [0.95, 0.66, 0];

// The standard fonts' metrics and WinAnsi encoding, loaded once per process.
export const standardEmbedder = (name: StandardFonts) => StandardFontEmbedder.for(name as unknown as Parameters<typeof StandardFontEmbedder.for>[0]);
const standard = { regular: standardEmbedder(StandardFonts.Helvetica), bold: standardEmbedder(StandardFonts.HelveticaBold) };
const STANDARD_RESOURCE: Record<Weight, string> = { regular: 'F1', bold: 'F2' };
const UNICODE_RESOURCE: Record<Weight, string> = { regular: 'F3', bold: 'F4' };

/** Per character of the standard fonts: its WinAnsi code as hex, or null (not in WinAnsi); and its width per 1000 of the size. */
const winAnsiHex = new Map<string, string | null>();
const standardWidths: Record<Weight, Map<string, number>> = { regular: new Map(), bold: new Map() };

function hexOf(ch: string): string | null {
  let hex = winAnsiHex.get(ch);
  if (hex === undefined) {
    try {
      hex = standard.regular.encodeText(ch).asString();
    } catch {
      hex = null;
    }
    winAnsiHex.set(ch, hex);
  }
  return hex;
}

const fitsWinAnsi = (text: string): boolean => {
  for (const ch of text) if (hexOf(ch) === null) return false;
  return true;
};

/** Width in points as Tj draws it: glyph advances, no kerning. */
function standardWidth(text: string, weight: Weight, size: number): number {
  const widths = standardWidths[weight];
  let sum = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) {
      w = standard[weight].widthOfTextAtSize(ch, 1000);
      widths.set(ch, w);
    }
    sum += w;
  }
  return (sum * size) / 1000;
}

const color = ([r, g, b]: Rgb) => `${fmt(r)} ${fmt(g)} ${fmt(b)} rg`;
const rect = (x: number, y: number, w: number, h: number, c: Rgb) => `${color(c)} ${fmt(x)} ${fmt(y)} ${fmt(w)} ${fmt(h)} re f`;

/** One line of text, in the standard font when it fits WinAnsi, else in DejaVu Sans. */
interface TextItem {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: Weight;
  color: Rgb;
  /** Shrinks the font size (never wraps, never cuts) so the line ends before this width. */
  maxWidth: number;
}

/** Lines every ticket of a language has, in the standard fonts: encoded once per process and language. */
const staticOps = new Map<Locale, string>();
const staticText = (locale: Locale): TextItem[] => [
  { text: translate(locale, 'ticket.pdf.showAtEntrance'), x: MARGIN, y: 90, size: 10, weight: 'regular', color: MUTED, maxWidth: W - 2 * MARGIN },
  { text: translate(locale, 'ticket.pdf.copiesRefused'), x: MARGIN, y: 74, size: 10, weight: 'regular', color: MUTED, maxWidth: W - 2 * MARGIN },
];

/**
 * French writes a narrow no-break space (U+202F) in dates, numbers and before a currency; WinAnsi has only the
 * no-break space, which reads the same on paper and keeps the line in the standard font.
 */
const forPaper = (text: string): string => text.replace(/\u202f/g, '\u00a0');

function standardText(item: TextItem): string {
  const width = standardWidth(item.text, item.weight, item.size);
  const size = width > item.maxWidth ? (item.size * item.maxWidth) / width : item.size;
  let hex = '';
  for (const ch of item.text) hex += hexOf(ch)!;
  return `BT /${STANDARD_RESOURCE[item.weight]} ${fmt(size)} Tf ${color(item.color)} ${fmt(item.x)} ${fmt(item.y)} Td <${hex}> Tj ET`;
}

/** The Unicode path: bidi runs in visual order, each shaped by fontkit in the embedded subset. */
function unicodeText(item: TextItem, font: PDFFont, resource: string, shaper: ReturnType<typeof unicodeFont>['font']): string {
  const pieces: string[] = [];
  for (const run of visualRuns(item.text)) {
    // fontkit reverses a right-to-left script's glyphs itself; when its guess of the direction differs
    // from the bidi algorithm's (brackets alone, Arabic-Indic digits), lay the run out a character at a time.
    if ((shaper.layout(run.text).direction === 'rtl') === run.rtl) pieces.push(run.text);
    else {
      const chars = [...run.text];
      pieces.push(...(run.rtl ? chars.reverse() : chars));
    }
  }
  const width = pieces.reduce((sum, piece) => sum + font.widthOfTextAtSize(piece, item.size), 0);
  const size = width > item.maxWidth ? (item.size * item.maxWidth) / width : item.size;
  const shown = pieces.map((piece) => `${font.encodeText(piece).toString()} Tj`).join(' ');
  return `BT /${resource} ${fmt(size)} Tf ${color(item.color)} ${fmt(item.x)} ${fmt(item.y)} Td ${shown} ET`;
}

/** A subset's font name carries a tag naming its glyphs, so two subsets in one joined file never share a name. */
const subsetName = (weight: Weight, texts: string[]) =>
  `${[...crypto.createHash('sha256').update(texts.join('\n')).digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('')}+DejaVuSans${weight === 'bold' ? '-Bold' : ''}`;

/** The logo's box in the header band (the band is 90 pt high). */
const LOGO_BOX = { height: 56, maxWidth: 160, bottom: H - 76 } as const;
const TERMS = { size: 8, leading: 10, maxLines: 6, top: 150 } as const;

/** Words into lines of at most `width` in Helvetica at `size` (a word longer than a line is its own line). */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && standardWidth(next, 'regular', size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderTicketPdf(input: TicketPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Fixed metadata: nothing in the file depends on when or where it was rendered but the issue time.
  const issued = new Date(input.issuedAt);
  doc.setTitle(cleanText(`${input.event} — ${input.seat}`));
  doc.setAuthor(cleanText(input.institution));
  doc.setProducer('Box Office');
  doc.setCreator('Box Office');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const page = doc.addPage(A4);
  const { context } = doc;

  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) => forPaper(translate(locale, key, values));
  const when = forPaper(formatDate(input.startsAt, locale, input.timeZone, 'event'));
  const qr = qrMatrix(input.barcode);
  const module = QR_LAYOUT.side / qr.size;
  const qrLeft = QR_LAYOUT.centreX - QR_LAYOUT.side / 2;
  const qrBottom = QR_LAYOUT.centreY - QR_LAYOUT.side / 2;
  const quiet = QUIET_ZONE_MODULES * module;
  // Text beside the code ends before its quiet zone; the caption's tallest glyph stays below it.
  const besideQr = qrLeft - quiet - MARGIN - 4;
  const captionSize = 9;

  const logo = input.logo ? await prepareLogo(input.logo) : null;
  const logoWidth = logo ? Math.min(LOGO_BOX.maxWidth, (LOGO_BOX.height * logo.width) / logo.height) : 0;
  const logoHeight = logo ? (logoWidth * logo.height) / logo.width : 0;
  // The name and the "print@home ticket" line stand beside the logo, when there is one.
  const headerX = logo ? MARGIN + logoWidth + 12 : MARGIN;
  const items: TextItem[] = [
    { text: input.institution, x: headerX, y: H - 50, size: 20, weight: 'bold', color: WHITE, maxWidth: (input.generation > 1 ? W - 200 : W - MARGIN) - headerX - 12 },
    { text: t('ticket.pdf.kind'), x: headerX, y: H - 72, size: 11, weight: 'regular', color: PALE, maxWidth: Infinity },
    { text: input.event, x: MARGIN, y: H - 140, size: 24, weight: 'bold', color: INK, maxWidth: W - 2 * MARGIN },
    { text: input.venue, x: MARGIN, y: H - 170, size: 14, weight: 'regular', color: INK, maxWidth: W - 2 * MARGIN },
    { text: when, x: MARGIN, y: H - 192, size: 14, weight: 'regular', color: INK, maxWidth: W - 2 * MARGIN },
  ];
  if (input.doors) items.push({ text: input.doors, x: MARGIN, y: H - 214, size: 12, weight: 'regular', color: INK, maxWidth: besideQr });
  if (input.terms) {
    const lines = wrap(cleanText(input.terms), TERMS.size, W - 2 * MARGIN);
    const shown = lines.length > TERMS.maxLines ? [...lines.slice(0, TERMS.maxLines - 1), `${lines[TERMS.maxLines - 1]} …`] : lines;
    shown.forEach((line, i) => items.push({ text: line, x: MARGIN, y: TERMS.top - i * TERMS.leading, size: TERMS.size, weight: 'regular', color: MUTED, maxWidth: W - 2 * MARGIN }));
  }
  if (input.generation > 1) items.push({ text: t('ticket.pdf.duplicate', { number: input.generation - 1 }), x: W - 188, y: H - 59, size: 14, weight: 'bold', color: INK, maxWidth: 140 });
  let y = H - 242;
  for (const [label, value] of [
    [t('ticket.pdf.seat'), input.seat],
    [t('ticket.pdf.holder'), input.holder],
    [t('ticket.pdf.order'), input.orderNumber],
    [t('ticket.pdf.price'), forPaper(input.price)],
  ] as const) {
    items.push({ text: label.toLocaleUpperCase(INTL_TAG[locale]), x: MARGIN, y, size: 9, weight: 'bold', color: MUTED, maxWidth: besideQr });
    items.push({ text: value, x: MARGIN, y: y - 18, size: 15, weight: 'bold', color: INK, maxWidth: besideQr });
    y -= 48;
  }
  items.push({ text: input.barcode.match(/.{1,4}/g)!.join(' '), x: qrLeft - 12, y: qrBottom - quiet - captionSize, size: captionSize, weight: 'regular', color: MUTED, maxWidth: W - MARGIN - (qrLeft - 12) });
  for (const item of items) item.text = cleanText(item.text);

  // Text outside WinAnsi: embed the Unicode font (a subset), per weight, only when a line needs it.
  const unicodeItems = items.filter((item) => !fitsWinAnsi(item.text));
  const fonts: Partial<Record<Weight, { pdf: PDFFont; shaper: ReturnType<typeof unicodeFont>['font'] }>> = {};
  if (unicodeItems.length > 0) {
    doc.registerFontkit(cachingFontkit);
    for (const weight of ['regular', 'bold'] as const) {
      const mine = unicodeItems.filter((item) => item.weight === weight);
      if (mine.length === 0) continue;
      const loaded = unicodeFont(weight);
      // DejaVu Sans Bold lacks a few scripts DejaVu Sans has: such a line prints in the regular weight.
      for (const item of mine) {
        item.text = withinFont(item.text, unicodeFont('regular').font);
        if (weight === 'bold' && ![...item.text].every((ch) => /\s/u.test(ch) || loaded.font.hasGlyphForCodePoint(ch.codePointAt(0)!))) item.weight = 'regular';
      }
    }
    for (const weight of ['regular', 'bold'] as const) {
      const mine = unicodeItems.filter((item) => item.weight === weight);
      if (mine.length === 0) continue;
      const loaded = unicodeFont(weight);
      const pdf = await doc.embedFont(loaded.bytes, { subset: true, customName: subsetName(weight, mine.map((item) => item.text)) });
      fonts[weight] = { pdf, shaper: loaded.font };
    }
  }

  // No await from here to the end of the layout: no other ticket's subsetting can touch the glyph cache meanwhile.
  for (const font of Object.values(fonts)) forgetGlyphsWithoutText(font.shaper);
  let footer = staticOps.get(locale);
  if (footer === undefined) staticOps.set(locale, (footer = staticText(locale).map(standardText).join('\n')));
  const ops: string[] = [rect(0, H - 90, W, 90, INK)];
  if (logo) ops.push(`q ${fmt(logoWidth)} 0 0 ${fmt(logoHeight)} ${fmt(MARGIN)} ${fmt(LOGO_BOX.bottom + (LOGO_BOX.height - logoHeight) / 2)} cm /Logo Do Q`);
  if (input.generation > 1) ops.push(rect(W - 200, H - 70, 160, 32, AMBER));
  ops.push(footer);
  for (const item of items) {
    const font = unicodeItems.includes(item) ? fonts[item.weight] : undefined;
    ops.push(font ? unicodeText(item, font.pdf, UNICODE_RESOURCE[item.weight], font.shaper) : standardText(item));
  }
  ops.push(`${color(INK)}\n${qrOperators(qr, qrLeft, qrBottom, QR_LAYOUT.side)}`);

  const contents = context.stream(zlib.deflateSync(Buffer.from(ops.join('\n'), 'latin1'), { level: 9 }), { Filter: 'FlateDecode' });
  const fontRefs: Record<string, PDFRef> = {
    F1: context.register(context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' })),
    F2: context.register(context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica-Bold', Encoding: 'WinAnsiEncoding' })),
  };
  for (const weight of ['regular', 'bold'] as const) {
    const font = fonts[weight];
    if (font) fontRefs[UNICODE_RESOURCE[weight]] = font.pdf.ref;
  }
  page.node.set(PDFName.of('Contents'), context.register(contents));
  page.node.set(PDFName.of('Resources'), context.obj({ Font: fontRefs, ...(logo ? { XObject: { Logo: placeLogo(context, logo) } } : {}) }));
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
