/**
 * Fonts for the print@home ticket. Text that fits WinAnsi prints in the PDF standard fonts (nothing to
 * embed: the fast path). Any other text prints in DejaVu Sans (shipped with the app, Bitstream Vera
 * licence), embedded as a subset of the glyphs the ticket uses; right-to-left runs are put in reading
 * order by the Unicode bidirectional algorithm (bidi-js) and shaped by fontkit (Arabic joining forms).
 * A character DejaVu Sans has no glyph for (CJK, Indic, Thai, …) prints as its code point, "U+4E2D".
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import bidiFactory from 'bidi-js';

export const UNICODE_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export const FONT_LICENCE_FILE = 'LICENSE';
/** The npm package the font files come from; scripts/build.mjs copies them to dist/electron/fonts. */
export const FONT_PACKAGE = 'dejavu-fonts-ttf';

export type Weight = keyof typeof UNICODE_FONT_FILES;

/** Where the font files are: beside the bundle (dist/electron/fonts, also inside the asar), else the npm package (tests, tools). */
export function fontDirectory(): string {
  const candidates: string[] = [];
  if (process.env.BOX_OFFICE_FONT_DIR) candidates.push(process.env.BOX_OFFICE_FONT_DIR);
  if (typeof __dirname === 'string') candidates.push(path.join(__dirname, 'fonts'));
  try {
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    candidates.push(path.join(path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`)), 'ttf'));
  } catch {
    // not installed here: only the bundled copy can serve
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, UNICODE_FONT_FILES.regular)));
  if (!found) throw new Error(`The ticket font ${UNICODE_FONT_FILES.regular} is missing (looked in ${candidates.join(', ')}). Rebuild with npm run build.`);
  return found;
}

interface LoadedFont {
  bytes: Uint8Array;
  font: fontkit.Font;
}

const loaded = new Map<Weight, LoadedFont>();

/** Each font file is read and parsed once per process; every ticket then reuses the parsed tables. */
export function unicodeFont(weight: Weight): LoadedFont {
  let entry = loaded.get(weight);
  if (!entry) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(fontDirectory(), UNICODE_FONT_FILES[weight])));
    entry = { bytes, font: fontkit.create(bytes) };
    loaded.set(weight, entry);
  }
  return entry;
}

/**
 * fontkit caches each glyph with the characters it was first looked up for. Subsetting a composite glyph
 * ("ó" = "o" + accent) looks its parts up without characters, and a later ticket would then map "o" to
 * nothing in its ToUnicode table (text search and copy would lose the letter). Dropping those entries
 * before a ticket lays out its text makes every glyph carry its characters again.
 */
export function forgetGlyphsWithoutText(font: fontkit.Font): void {
  const cache = (font as unknown as { _glyphs?: Record<number, { codePoints?: number[] }> })._glyphs;
  if (!cache || typeof cache !== 'object') return;
  for (const id of Object.keys(cache)) if (!cache[Number(id)]?.codePoints?.length) delete cache[Number(id)];
}

/** What pdf-lib's registerFontkit gets: the same API, but a font file already parsed is not parsed again for each document. */
export const cachingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): fontkit.Font {
    for (const entry of loaded.values()) if (entry.bytes === bytes) return entry.font;
    return fontkit.create(bytes, postscriptName);
  },
};

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One line of ticket text: composed form (é, not e + accent), no control characters. */
export const cleanText = (text: string): string => text.normalize('NFC').replace(CONTROL, ' ');

const codePointLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Characters the font cannot draw become their code point: visible, unambiguous, never "?". */
export function withinFont(text: string, font: fontkit.Font): string {
  let out = '';
  let previousMissing = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (font.hasGlyphForCodePoint(cp) || /\s/u.test(ch)) {
      out += ch;
      previousMissing = false;
    } else {
      out += (previousMissing ? ' ' : '') + codePointLabel(cp);
      previousMissing = true;
    }
  }
  return out;
}

let bidi: ReturnType<typeof bidiFactory> | undefined;

/** A piece of a line, in the order the eye reads left to right, and whether it came from right-to-left text. */
export interface VisualRun {
  text: string;
  rtl: boolean;
}

/**
 * The line in visual order, cut where the direction changes. Right-to-left pieces keep their logical
 * order in `text` (the shaper needs it for joining forms; fontkit reverses a right-to-left script's
 * glyphs itself); mirrored characters (brackets) are already swapped.
 */
export function visualRuns(text: string): VisualRun[] {
  if (text.length === 0) return [];
  bidi ??= bidiFactory();
  const levels = bidi.getEmbeddingLevels(text);
  const chars = [...text]; // code points, but bidi-js counts UTF-16 units: map unit index -> char
  const unitToChar: number[] = [];
  chars.forEach((ch, i) => {
    for (let k = 0; k < ch.length; k++) unitToChar.push(i);
  });
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, 0, text.length - 1);
  const logical = chars.map((ch, i) => {
    const unit = unitToChar.indexOf(i);
    return { ch: mirrored.get(unit) ?? ch, rtl: (levels.levels[unit]! & 1) === 1 };
  });
  // Visual order of UTF-16 units, then back to code points (a surrogate pair moves as one).
  const order = Array.from({ length: text.length }, (_, i) => i);
  for (const segment of bidi.getReorderSegments(text, levels, 0, text.length - 1)) {
    const [start, end] = segment as [number, number];
    const slice = order.slice(start, end + 1).reverse();
    order.splice(start, slice.length, ...slice);
  }
  const seen = new Set<number>();
  const visual = order.map((u) => unitToChar[u]!).filter((c) => (seen.has(c) ? false : (seen.add(c), true)));
  const runs: VisualRun[] = [];
  for (const c of visual) {
    const { ch, rtl } = logical[c]!;
    const last = runs[runs.length - 1];
    if (last && last.rtl === rtl) last.text += ch;
    else runs.push({ text: ch, rtl });
  }
  // Right-to-left runs were collected in visual order: hand them to the shaper in logical order.
  for (const run of runs) if (run.rtl) run.text = [...run.text].reverse().join('');
  return runs;
}
