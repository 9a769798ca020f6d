/**
 * Field bits (one byte per posting says in which fields of the document the word occurs) and the relevance
 * weights. Integer weights keep scores exact, so ties are decided by the tie-breakers and the order does
 * not depend on how the index was built.
 *
 * Order the weights guarantee for one word: exact title (even in a long title) > stemmed title > subject >
 * author > series > publisher > notes. A query equal to the whole title beats everything.
 */
import type { SearchField } from './types.ts';

export const TITLE = 1;
export const TITLE_ALT = 2;
export const AUTHOR = 4;
export const SUBJECT = 8;
export const SERIES = 16;
export const PUBLISHER = 32;
export const NOTES = 64;
export const IDENTIFIER = 128;

/** Which bits a query field may match. */
export const FIELD_BITS: Record<SearchField, number> = {
  all: 0xff,
  title: TITLE | TITLE_ALT,
  author: AUTHOR,
  subject: SUBJECT,
  publisher: PUBLISHER,
  series: SERIES,
  isbn: IDENTIFIER,
  issn: IDENTIFIER,
  oclc: IDENTIFIER,
};

const WEIGHT = [1000, 500, 200, 300, 100, 60, 20, 5000]; // by bit index, as above
export const WHOLE_TITLE_BONUS = 100_000;

/** Best field's weight plus a tenth of the others': a word in title and subject beats title alone. */
function combined(bits: number, factor: number): number {
  let best = 0;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    if (bits & (1 << i)) {
      const w = Math.floor(WEIGHT[i]! * factor);
      sum += w;
      best = Math.max(best, w);
    }
  }
  return best + Math.floor((sum - best) / 10);
}

/** Score of one posting by its field bits: [exact, stemmed][bits]. */
export const EXACT = Int32Array.from({ length: 256 }, (_, bits) => combined(bits, 1));
export const STEMMED = Int32Array.from({ length: 256 }, (_, bits) => combined(bits, 0.6));

/** Title matches in short titles count more (tenths, by title length in words). */
export const TITLE_LENGTH_TENTHS = Uint8Array.from({ length: 256 }, (_, n) =>
  n <= 3 ? 10 : n <= 6 ? 9 : n <= 10 ? 8 : 7,
);

/** A posting's score given the table, its (field-restricted) bits and the title length of its document. */
export function postingScore(table: Int32Array, bits: number, titleLength: number): number {
  const s = table[bits]!;
  return bits & TITLE ? Math.floor((s * TITLE_LENGTH_TENTHS[titleLength]!) / 10) : s;
}

/** Year packed for sort keys: 0 = unknown, else 1..4095 for years 1001..5095. */
export function yearKey(year: number, noYear: number): number {
  return year === noYear ? 0 : Math.min(4095, Math.max(1, year - 1000));
}
