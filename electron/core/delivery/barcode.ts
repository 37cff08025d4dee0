/**
 * Ticket barcodes: 32 random symbols from an alphabet without look-alikes (no 0/O, 1/I/L), about
 * 158 bits — unguessable, and readable aloud at a counter.
 */
import crypto from 'node:crypto';

export const BARCODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BARCODE_LENGTH = 32;
const PATTERN = new RegExp(`^[${BARCODE_ALPHABET}]{${BARCODE_LENGTH}}$`);

export function newBarcode(): string {
  let out = '';
  while (out.length < BARCODE_LENGTH) {
    for (const byte of crypto.randomBytes(48)) {
      // Rejection sampling: every symbol equally likely.
      if (byte < 256 - (256 % BARCODE_ALPHABET.length)) out += BARCODE_ALPHABET[byte % BARCODE_ALPHABET.length];
      if (out.length === BARCODE_LENGTH) break;
    }
  }
  return out;
}

/** What a scanner or a keyboard typed (the PDF prints it in groups of four), in the stored form; null when it cannot be one of ours. */
export const normalizeBarcode = (typed: string): string | null => {
  const compact = typed.replace(/[\s-]/g, '').toUpperCase();
  return PATTERN.test(compact) ? compact : null;
};
