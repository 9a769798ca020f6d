/**
 * Text and identifier normalisation shared by indexing and querying, so both sides fold words the same way:
 * NFKD, combining marks dropped, lower case, Latin special letters spelled out (ß → ss, æ → ae, ø → o, ł → l),
 * apostrophes removed ("Ender's" → "enders"), every other non-letter/digit splits words.
 */

const MARKS = /\p{M}/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]+$/u;
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ſ: 's',
};
const APOSTROPHES = "'’‘ʼʻ`´";

/** Per code point: its folded letters, "" (dropped) or " " (splits words). ASCII tabulated, the rest cached. */
const ASCII: string[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII.push(/[a-z0-9]/i.test(ch) ? ch.toLowerCase() : APOSTROPHES.includes(ch) ? '' : ' ');
}
const CACHE = new Map<number, string>();

function foldCodePoint(code: number): string {
  let out = CACHE.get(code);
  if (out !== undefined) return out;
  const ch = String.fromCodePoint(code);
  if (APOSTROPHES.includes(ch)) out = '';
  else {
    const base = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
    let spelled = '';
    for (const c of base) spelled += SPECIAL[c] ?? (LETTER_OR_DIGIT.test(c) ? c : ' ');
    // A compatibility character may expand to several (ﬁ → fi, ½ → 1⁄2): keep letters, split on the rest.
    out = base === '' ? '' : spelled.trim() === '' ? ' ' : spelled;
  }
  CACHE.set(code, out);
  return out;
}

/** Calls `emit` with each folded word of `text`, in order. One pass, no regexes on the hot path. */
export function forEachWord(text: string, emit: (word: string) => void): void {
  if (!asciiWords(text, emit)) foldedWords(text, emit);
}

/**
 * Fast path for plain ASCII text (most catalog data): words are slices of the lower-cased text, no
 * per-character concatenation. Returns false, having emitted nothing, when the text needs the full fold.
 */
function asciiWords(text: string, emit: (word: string) => void): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || c === 39 || c === 96) return false; // non-ASCII, apostrophe, backtick
  }
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (wordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      emit(lower.slice(start, i));
      start = -1;
    }
  }
  return true;
}

function foldedWords(text: string, emit: (word: string) => void): void {
  let word = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < 128) piece = ASCII[code]!;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      piece = foldCodePoint(text.codePointAt(i)!);
      i++;
    } else piece = foldCodePoint(code);
    if (piece.length === 1 && piece !== ' ') word += piece;
    else if (piece === '') continue;
    else if (piece === ' ') {
      if (word !== '') emit(word);
      word = '';
    } else {
      // Multi-letter expansion, possibly with spaces inside (compatibility forms).
      const parts = piece.split(' ');
      word += parts[0];
      for (let p = 1; p < parts.length; p++) {
        if (word !== '') emit(word);
        word = parts[p]!;
      }
    }
  }
  if (word !== '') emit(word);
}

/** The folded words of `text`. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
}

/** Folded text: words joined by single spaces. */
export function fold(text: string): string {
  return words(text).join(' ');
}

/** Short English and Spanish stop-word lists: not required to match, but they keep their place in phrases. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for from has have in is it its of on or that the this to was were with ' +
    'el la los las un una unos unas de del y e o u en al con por para que se su sus lo le les es'
  ).split(' '),
);

/** ISBN-13 digits for an ISBN-10 or ISBN-13 (hyphens and spaces ignored, X check digit), else null. */
export function normalizeIsbn(raw: string): string | null {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(s)) return isbn10To13(s);
  if (/^97[89]\d{10}$/.test(s)) return s;
  return null;
}

/** The ISBN-13 of an ISBN-10: 978 + the first nine digits + a new check digit (the old one is not trusted). */
export function isbn10To13(isbn10: string): string {
  const body = '978' + isbn10.slice(0, 9);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

/** ISSN as eight characters without hyphen ("03178471"), else null. */
export function normalizeIssn(raw: string): string | null {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^\d{7}[\dX]$/.test(s) ? s : null;
}

/** OCLC number digits without prefixes ("(OCoLC)", "ocm", "ocn", "on") and leading zeros, else null. */
export function normalizeOclc(raw: string): string | null {
  const m = /^(?:\(ocolc\))?(?:ocm|ocn|on)?0*(\d{1,12})$/i.exec(raw.replace(/\s/g, ''));
  return m ? m[1]! : null;
}

/** LCCN compact form: lower case, no spaces; "85-2" style hyphens pad the serial to six digits. */
export function normalizeLccn(raw: string): string | null {
  let s = raw.replace(/\s/g, '').toLowerCase().split('/')[0]!;
  const hyphen = s.indexOf('-');
  if (hyphen > 0) s = s.slice(0, hyphen) + s.slice(hyphen + 1).padStart(6, '0');
  return /^[a-z]{0,3}\d{6,10}$/.test(s) ? s : null;
}

/** True when a query chunk (before folding) looks like a standard number rather than words. */
export function looksLikeIdentifier(chunk: string): boolean {
  return (
    normalizeIsbn(chunk) !== null ||
    /^\d{4}-\d{3}[\dxX]$/.test(chunk) ||
    /^(?:\(ocolc\))?(?:ocm|ocn|on)\d+$/i.test(chunk) ||
    /^\(ocolc\)\d+$/i.test(chunk)
  );
}
