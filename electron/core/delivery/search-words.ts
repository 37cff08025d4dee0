/**
 * The words of a customer's name as the counter searches them: any word, in any case, with or without
 * its accents — "muller", "MÜLLER" and "Müll" all find "Anna Müller". Kept in a table of their own
 * (order_words), written with the order, so a search is an index range on a word on either engine —
 * neither has an accent-folding index of its own without extensions.
 */

/** Letters that decomposition does not split into a base letter and a mark. */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Lower case, accents removed (NFKD, combining marks dropped), ligatures spelled out. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (c) => SPECIAL[c] ?? c);
}

/** The distinct words of a name, folded: runs of letters and digits (an apostrophe or hyphen splits). */
export function nameWords(name: string): string[] {
  return [...new Set(foldText(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, 20).map((w) => w.slice(0, 60));
}

/** A word's prefix range: every word that starts with `prefix` sorts between the two (binary collation). */
export const prefixRange = (prefix: string): [string, string] => [prefix, `${prefix}\u{10FFFF}`];
