import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import jsQR from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, StandardFonts, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { qrMatrix, QUIET_ZONE_MODULES } from '../../../../electron/core/delivery/qr-vector';
import { fontDirectory, visualRuns } from '../../../../electron/core/delivery/ticket-fonts';
import { joinPdfs, QR_LAYOUT, renderTicketPdf, standardEmbedder, type TicketPdfInput } from '../../../../electron/core/delivery/ticket-pdf';
import { LOGO_MAX_BYTES, prepareLogo } from '../../../../electron/core/delivery/ticket-logo';
import { makeSetUpCore } from '../../../helpers/core';
import { makePng } from '../../../helpers/png';
import { importOrder } from '../../../helpers/delivery';

const FIXTURES = path.join(process.cwd(), 'test', 'fixtures');
/** Rendered by the renderer before the vector QR code and the Unicode font (the PNG QR code, pdf-lib's own zlib). */
const OLD_PDF = fs.readFileSync(path.join(FIXTURES, 'ticket-pdf-v1.pdf'));
const OLD_INPUT = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ticket-pdf-v1.json'), 'utf8')) as TicketPdfInput;

const LATIN: TicketPdfInput = { ...OLD_INPUT, institution: 'Théâtre du Lac', holder: 'Zoë Dupont-Müller' };

// ---- A small reader for what the renderer writes: its content stream, its fonts and their ToUnicode maps.

interface DrawnText {
  font: string;
  size: number;
  x: number;
  y: number;
  /** Hex strings shown, in order. */
  hex: string[];
}

interface Page {
  ops: string;
  texts: DrawnText[];
  fonts: Map<string, { baseFont: string; toUnicode?: Map<number, string>; embedded: boolean }>;
  doc: PDFDocument;
}

const streamText = (stream: PDFRawStream) => {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes = Buffer.from(stream.getContents());
  return (filter ? zlib.inflateSync(bytes) : bytes).toString('latin1');
};

function parseCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(src!, 16), hexText(dst!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, rest] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      const list = rest!.startsWith('[') ? [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => hexText(m[1]!)) : null;
      for (let cid = from; cid <= to; cid++) {
        if (list) map.set(cid, list[cid - from]!);
        else {
          const base = hexText(rest!.slice(1, -1));
          map.set(cid, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + cid - from));
        }
      }
    }
  return map;
}

async function readPage(bytes: Uint8Array): Promise<Page> {
  const doc = await PDFDocument.load(bytes);
  const [page] = doc.getPages();
  const lookup = <T extends PDFObject>(o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o) as T;
  const contents = lookup<PDFRawStream>(page!.node.get(PDFName.of('Contents')));
  const ops = streamText(contents);
  const texts: DrawnText[] = [];
  for (const [, body] of ops.matchAll(/BT ([\s\S]*?) ET/g)) {
    const m = /\/(F\d) ([\d.]+) Tf .*? ([\d.-]+) ([\d.-]+) Td/.exec(body!)!;
    texts.push({ font: m[1]!, size: Number(m[2]), x: Number(m[3]), y: Number(m[4]), hex: [...body!.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((h) => h[1]!) });
  }
  const fonts: Page['fonts'] = new Map();
  const fontDict = lookup<PDFDict>(lookup<PDFDict>(page!.node.get(PDFName.of('Resources'))).get(PDFName.of('Font')));
  for (const [name, ref] of fontDict.entries()) {
    const font = lookup<PDFDict>(ref);
    const toUnicodeRef = font.get(PDFName.of('ToUnicode'));
    const descendants = font.get(PDFName.of('DescendantFonts')) ? lookup<PDFArray>(font.get(PDFName.of('DescendantFonts'))) : undefined;
    const descriptor = descendants ? lookup<PDFDict>(lookup<PDFDict>(descendants.get(0)).get(PDFName.of('FontDescriptor'))) : undefined;
    fonts.set(name.decodeText(), {
      baseFont: lookup<PDFName>(font.get(PDFName.of('BaseFont'))).decodeText(),
      toUnicode: toUnicodeRef ? parseCMap(streamText(lookup<PDFRawStream>(toUnicodeRef))) : undefined,
      embedded: Boolean(descriptor?.get(PDFName.of('FontFile2'))),
    });
  }
  return { ops, texts, fonts, doc };
}

/** The text of one drawn line, as a PDF viewer's copy would give it (visual order). */
function textOf(page: Page, drawn: DrawnText): string {
  const font = page.fonts.get(drawn.font)!;
  return drawn.hex
    .map((hex) => {
      if (font.toUnicode) return (hex.match(/.{4}/g) ?? []).map((cid) => font.toUnicode!.get(parseInt(cid, 16)) ?? '\uFFFD').join('');
      return Buffer.from(hex, 'hex').toString('latin1'); // WinAnsi: Latin-1 for everything these tests print
    })
    .join('');
}

/** The QR code as drawn: the rectangles inside the `cm` scaled to modules, back into a matrix. */
function drawnQr(ops: string) {
  const m = /q ([\d.]+) 0 0 [\d.]+ ([\d.]+) ([\d.]+) cm\n([\s\S]*?)\nf Q/.exec(ops)!;
  const [scale, x, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const rects = [...m[4]!.matchAll(/(\d+) (\d+) (\d+) 1 re/g)].map((r) => r.slice(1).map(Number) as [number, number, number]);
  const size = Math.round(QR_LAYOUT.side / scale);
  const dark = new Uint8Array(size * size);
  for (const [col, py, w] of rects) for (let c = col; c < col + w; c++) dark[(size - 1 - py) * size + c] = 1;
  return { scale, x, y, size, dark };
}

function decodeQr(qr: { size: number; dark: Uint8Array }, quiet: number): string | undefined {
  const px = 4;
  const side = (qr.size + 2 * quiet) * px;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++)
      if (qr.dark[r * qr.size + c])
        for (let dy = 0; dy < px; dy++)
          for (let dx = 0; dx < px; dx++) {
            const i = (((r + quiet) * px + dy) * side + (c + quiet) * px + dx) * 4;
            rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
          }
  return jsQR(rgba, side, side)?.data;
}

describe('the print@home ticket PDF', () => {
  it('is one A4 page whose QR code is the barcode, drawn as vector modules with a quiet zone of at least 4 modules', async () => {
    const page = await readPage(await renderTicketPdf(LATIN));
    expect(page.doc.getPageCount()).toBe(1);
    expect(page.doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(page.doc.getTitle()).toBe('La Traviata — Parterre, row 7, seat 12');
    expect(page.ops).not.toMatch(/\bDo\b/); // no image XObject: the code is shapes

    const qr = drawnQr(page.ops);
    expect(qr.dark).toEqual(qrMatrix(LATIN.barcode).dark);
    expect(decodeQr(qr, QUIET_ZONE_MODULES)).toBe(LATIN.barcode);

    // Nothing is drawn within 4 modules of the symbol: every text line's box stays outside.
    const quiet = QUIET_ZONE_MODULES * qr.scale;
    const zone = { left: qr.x - quiet, right: qr.x + QR_LAYOUT.side + quiet, bottom: qr.y - quiet, top: qr.y + QR_LAYOUT.side + quiet };
    const metrics = { F1: standardEmbedder(StandardFonts.Helvetica), F2: standardEmbedder(StandardFonts.HelveticaBold) };
    for (const drawn of page.texts) {
      const font = metrics[drawn.font as 'F1' | 'F2'];
      const text = textOf(page, drawn);
      const width = [...text].reduce((sum, ch) => sum + font.widthOfTextAtSize(ch, drawn.size), 0);
      const box = { left: drawn.x, right: drawn.x + width, bottom: drawn.y - 0.25 * drawn.size, top: drawn.y + 0.75 * drawn.size };
      const overlaps = box.left < zone.right && box.right > zone.left && box.bottom < zone.top && box.top > zone.bottom;
      expect(overlaps, `"${text}" is inside the quiet zone`).toBe(false);
    }
  });

  it('keeps the quiet zone free even for a very long holder name (the line shrinks, nothing is cut)', async () => {
    const holder = 'Maximiliane Wilhelmina Theodora von Hohenzollern-Sigmaringen';
    const page = await readPage(await renderTicketPdf({ ...LATIN, holder }));
    const drawn = page.texts.find((t) => textOf(page, t) === holder)!;
    expect(drawn.size).toBeLessThan(15);
    const width = [...holder].reduce((sum, ch) => sum + standardEmbedder(StandardFonts.HelveticaBold).widthOfTextAtSize(ch, drawn.size), 0);
    const qr = drawnQr(page.ops);
    expect(drawn.x + width).toBeLessThanOrEqual(qr.x - QUIET_ZONE_MODULES * qr.scale);
  });

  it('prints text that fits WinAnsi in the standard fonts, embedding no font, in under 4 KB', async () => {
    const bytes = await renderTicketPdf(LATIN);
    const page = await readPage(bytes);
    expect([...page.fonts.values()].map((f) => f.baseFont).sort()).toEqual(['Helvetica', 'Helvetica-Bold']);
    expect(page.texts.map((t) => textOf(page, t))).toEqual(expect.arrayContaining(['Théâtre du Lac', 'Zoë Dupont-Müller', 'CHF 85.00', 'print@home ticket']));
    expect(bytes.length).toBeLessThanOrEqual(4096);
  });

  it('puts the institution\'s logo beside its name (with its transparency), and prints the doors line and the terms', async () => {
    const logo = makePng(120, 40, (x) => (x < 60 ? [200, 20, 20, 255] : [0, 0, 0, 0]));
    const terms = 'Tickets are not refundable. Latecomers are admitted at a suitable break. Photography and recording are not allowed during the performance. The programme may change. Please keep this ticket until the end of the performance; it may be checked again.';
    const bytes = await renderTicketPdf({ ...LATIN, logo, doors: 'Doors 19:00 · Entrance B, Seefeldstrasse', terms });
    const page = await readPage(bytes);
    const [pdfPage] = page.doc.getPages();
    const xobjects = (pdfPage!.node.Resources()!.lookup(PDFName.of('XObject')) as PDFDict);
    const image = page.doc.context.lookup(xobjects.get(PDFName.of('Logo'))) as PDFRawStream;
    expect(image.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('Image'));
    expect([image.dict.get(PDFName.of('Width'))?.toString(), image.dict.get(PDFName.of('Height'))?.toString()]).toEqual(['120', '40']);
    expect(image.dict.get(PDFName.of('SMask'))).toBeInstanceOf(PDFRef);
    expect(page.ops).toMatch(/ cm \/Logo Do Q/);
    const texts = page.texts.map((t) => ({ text: textOf(page, t), x: t.x }));
    // The name moves right of the logo (40 pt margin + 120 pt wide box + 12 pt gap).
    expect(texts.find((t) => t.text === 'Théâtre du Lac')!.x).toBeGreaterThanOrEqual(40 + 120 + 12);
    expect(texts.map((t) => t.text)).toContain('Doors 19:00 · Entrance B, Seefeldstrasse');
    const termLines = page.texts.filter((t) => t.size === 8).map((t) => textOf(page, t));
    expect(termLines.length).toBeGreaterThan(1);
    expect(termLines.join(' ')).toBe(terms);
    // The same logo again: prepared once, the same bytes.
    expect(Buffer.from(await renderTicketPdf({ ...LATIN, logo, doors: 'Doors 19:00 · Entrance B, Seefeldstrasse', terms })).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a logo that is not a PNG or JPEG, is damaged, too large or too wide, saying which', async () => {
    await expect(prepareLogo(Buffer.from('GIF89a not a png'))).rejects.toThrow(/PNG or JPEG/);
    await expect(prepareLogo(Buffer.concat([makePng(4, 4, () => [0, 0, 0, 255]).subarray(0, 40), Buffer.from('garbage')]))).rejects.toThrow(/damaged/);
    await expect(prepareLogo(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0]), Buffer.alloc(LOGO_MAX_BYTES)]))).rejects.toThrow(/at most 200 KB/);
    await expect(prepareLogo(makePng(1300, 2, () => [1, 2, 3, 255]))).rejects.toThrow(/1300×2 pixels/);
    await expect(prepareLogo(makePng(30, 10, () => [1, 2, 3, 255]))).resolves.toMatchObject({ width: 30, height: 10, alpha: null });
  });

  it('prints Cyrillic, Greek, Polish, Arabic and Hebrew names in an embedded subset of DejaVu Sans, never as "?"', async () => {
    const input = { ...LATIN, institution: 'Большой театр', event: 'Лебединое озеро', venue: 'Μέγαρο Μουσικής Αθηνών', holder: 'محمد علي', seat: 'Łódź — שורה 3' };
    const page = await readPage(await renderTicketPdf(input));
    const lines = page.texts.map((t) => textOf(page, t));
    expect(lines).toEqual(expect.arrayContaining(['Большой театр', 'Лебединое озеро', 'Μέγαρο Μουσικής Αθηνών']));
    // Right-to-left text is stored in visual order, shaped (joining forms), each glyph mapped back to its letter.
    expect(lines).toContain([...'محمد علي'].reverse().join(''));
    // The number after Hebrew words belongs to them (rule W/N1): it reads right after "row", left of it.
    expect(lines.filter((l) => l.startsWith('Łódź'))).toEqual([`Łódź — 3 ${[...'שורה'].reverse().join('')}`]);
    expect(lines.join('')).not.toContain('?');
    const unicodeFonts = [...page.fonts.values()].filter((f) => f.toUnicode);
    expect(unicodeFonts.map((f) => f.baseFont)).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z]{6}\+DejaVuSans-Bold$/)]));
    expect(unicodeFonts.every((f) => f.embedded)).toBe(true);
    // Latin lines of the same ticket stay in the standard fonts.
    const caption = page.texts.find((t) => textOf(page, t).startsWith(input.barcode.slice(0, 4)))!;
    expect(page.fonts.get(caption.font)!.baseFont).toBe('Helvetica');
  });

  it('prints a character no shipped font has as its code point, not "?"', async () => {
    const page = await readPage(await renderTicketPdf({ ...LATIN, holder: '山田 Taro' }));
    const lines = page.texts.map((t) => textOf(page, t));
    expect(lines.filter((l) => l.endsWith('Taro'))).toEqual(['U+5C71 U+7530 Taro']);
  });

  it('maps every glyph back to its letter, also after another ticket subset an accented letter built from it', async () => {
    await renderTicketPdf({ ...LATIN, holder: 'Óscar Łoś', seat: 'Świątek' });
    const page = await readPage(await renderTicketPdf({ ...LATIN, holder: 'Łukasz Nowak', seat: 'Ścisło' }));
    expect(page.texts.map((t) => textOf(page, t))).toEqual(expect.arrayContaining(['Łukasz Nowak', 'Ścisło']));
  });

  it('orders mixed-direction text by the bidirectional algorithm: numbers stay left to right, brackets mirror', () => {
    expect(visualRuns('محمد (علي) 123')).toEqual([
      { text: '123', rtl: false },
      { text: 'محمد )علي( ', rtl: true },
    ]);
    expect(visualRuns('Seat 12')).toEqual([{ text: 'Seat 12', rtl: false }]);
  });

  it('is deterministic: the same input gives the same bytes, in the standard fonts and with an embedded subset', async () => {
    for (const input of [LATIN, { ...LATIN, holder: 'Ιωάννης Παπαδόπουλος', generation: 3 }]) {
      const [a, b] = [await renderTicketPdf(input), await renderTicketPdf(input)];
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
  });

  it('marks a reissued ticket as a duplicate', async () => {
    const page = await readPage(await renderTicketPdf({ ...LATIN, generation: 3 }));
    expect(page.texts.map((t) => textOf(page, t))).toContain('Duplicate #2');
  });

  it('joins tickets of both kinds into one file of as many pages', async () => {
    const joined = await joinPdfs([await renderTicketPdf(LATIN), await renderTicketPdf({ ...LATIN, holder: 'Анна Каренина' }), OLD_PDF]);
    expect((await PDFDocument.load(joined)).getPageCount()).toBe(3);
  });

  it('finds its font files in the npm package when run from the sources (dist/electron/fonts when bundled)', () => {
    expect(fs.existsSync(path.join(fontDirectory(), 'DejaVuSans.ttf'))).toBe(true);
    expect(fs.existsSync(path.join(fontDirectory(), 'DejaVuSans-Bold.ttf'))).toBe(true);
  });
});

describe('a ticket printed before this renderer', () => {
  it('reopens byte for byte through the delivery service', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t);
    const ticket = order.tickets[0]!;
    await t.must('delivery.printAtHome', { ticketId: ticket.id });
    // The store as an older version left it: the document it kept is the old renderer's.
    const sha256 = (await import('node:crypto')).createHash('sha256').update(OLD_PDF).digest('hex');
    await t.core.internals.sql.run('UPDATE ticket_documents SET pdf = ?, sha256 = ? WHERE ticket_id = ?', [OLD_PDF, sha256, ticket.id]);
    const reopened = await t.must('delivery.printAtHome', { ticketId: ticket.id });
    expect(reopened.reopened).toBe(true);
    expect(Buffer.from(reopened.pdfBase64, 'base64').equals(OLD_PDF)).toBe(true);
    expect(reopened.sha256).toBe(sha256);
    // And the old file is still a valid PDF with its QR image.
    expect((await PDFDocument.load(OLD_PDF)).getPageCount()).toBe(1);
  });
});
