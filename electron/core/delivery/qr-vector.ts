/**
 * A QR code as PDF vector shapes: the module matrix the `qrcode` package computes, drawn as one path of
 * rectangles (one per horizontal run of dark modules). Sharp at any zoom or printer resolution, a few
 * hundred bytes, and no image to encode and decode again.
 */
import QRCode from 'qrcode';

/** ISO/IEC 18004 asks for four light modules around the symbol; scanners at the gate rely on it. */
export const QUIET_ZONE_MODULES = 4;

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  /** Row-major, 1 = dark. */
  dark: Uint8Array;
}

/** The QR alphanumeric set: every barcode of ours (barcode.ts) is one such segment. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

export function qrMatrix(text: string): QrMatrix {
  // Naming the segment spares the library its search for the best mix of modes (half its time) — same symbol.
  const data = ALPHANUMERIC.test(text) ? [{ data: text, mode: 'alphanumeric' as const }] : text;
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: Uint8Array.from(modules.data) };
}

/**
 * Content-stream operators that fill the dark modules of `qr` inside the square whose lower-left corner
 * is (x, y) and whose side is `side` points. Coordinates are in modules (a scaling `cm`), so each
 * rectangle is a few integers.
 */
export function qrOperators(qr: QrMatrix, x: number, y: number, side: number): string {
  const { size, dark } = qr;
  const scale = side / size;
  const parts: string[] = [`q ${fmt(scale)} 0 0 ${fmt(scale)} ${fmt(x)} ${fmt(y)} cm`];
  for (let row = 0; row < size; row++) {
    const py = size - 1 - row; // PDF y grows upwards; row 0 is the top of the symbol
    let col = 0;
    while (col < size) {
      if (!dark[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark[row * size + col]) col++;
      parts.push(`${start} ${py} ${col - start} 1 re`);
    }
  }
  parts.push('f Q');
  return parts.join('\n');
}

/** Numbers as a PDF writes them: at most 3 decimals, no trailing zeros (deterministic across runs). */
export const fmt = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};
