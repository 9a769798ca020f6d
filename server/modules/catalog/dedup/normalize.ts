/**
 * Text and identifier normalisation for deduplication: folding, ISBN / ISSN / LCCN / OCLC numbers, edition and
 * part numbers, bounded edit distance. Pure functions; hot paths avoid regexes and allocation where it is easy.
 */

const MARKS = /[\p{M}\p{Lm}]/gu;
const WORD_CHAR = /^[\p{L}\p{N}]+$/u;
const SPECIAL_MAP: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ı: 'i',
  ĸ: 'k',
  ŀ: 'l',
  ſ: 's',
};
const APOSTROPHES = new Set(["'", '’', 'ʼ', '`', '´']);

/**
 * What one character folds to: letters and digits ("é" → "e", "Ø" → "o", "ß" → "ss", "Д" → "д"), "" for
 * combining marks and apostrophes, " " for anything else. ASCII is tabulated; other code points are worked out
 * once (decomposition, marks dropped, lower case, special letters spelled out) and cached.
 */
const ASCII_FOLD: string[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_FOLD.push(/[a-z0-9]/i.test(ch) ? ch.toLowerCase() : ch === "'" || ch === '`' ? '' : ' ');
}
const FOLD_CACHE = new Map<number, string>();

function foldCodePoint(code: number): string {
  let folded = FOLD_CACHE.get(code);
  if (folded !== undefined) return folded;
  const ch = String.fromCodePoint(code);
  if (APOSTROPHES.has(ch)) folded = '';
  else {
    const base = ch.normalize('NFD').replace(MARKS, '').toLowerCase();
    let out = '';
    for (const c of base) out += SPECIAL_MAP[c] ?? c;
    folded = out === '' ? '' : WORD_CHAR.test(out) ? out : ' ';
  }
  FOLD_CACHE.set(code, folded);
  return folded;
}

/**
 * Folds text for comparison: Unicode decomposition, combining marks dropped, lower case, Latin special letters
 * spelled out (ø → o, ß → ss), apostrophes removed, every other non-letter/digit run becomes one space, no
 * leading or trailing space. Letters of other scripts are kept (lower-cased) so non-Latin titles still have
 * keys. One pass over the characters with a per-character table: no regexes, no normalisation of the whole
 * string.
 */
export function fold(text: string): string {
  let out = '';
  let space = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < 128) piece = ASCII_FOLD[code]!;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      piece = foldCodePoint(text.codePointAt(i)!);
      i++;
    } else piece = foldCodePoint(code);
    if (piece === ' ') space = out.length > 0;
    else if (piece !== '') {
      if (space) {
        out += ' ';
        space = false;
      }
      out += piece;
    }
  }
  return out;
}

/** Leading articles dropped from titles whose non-filing indicator was left at 0. */
const ARTICLES = new Set('the a an der die das le la les l el los las il lo gli un une ein eine'.split(' '));

export function dropLeadingArticle(folded: string): string {
  const space = folded.indexOf(' ');
  if (space <= 0) return folded;
  return ARTICLES.has(folded.slice(0, space)) ? folded.slice(space + 1) : folded;
}

/**
 * Blocking title key: the folded words run together, cut after the third word longer than 3 characters or at
 * 35 characters, whichever comes first.
 */
export function titleKey(folded: string): string {
  let key = '';
  let long = 0;
  let start = 0;
  while (start < folded.length) {
    let end = folded.indexOf(' ', start);
    if (end < 0) end = folded.length;
    const length = end - start;
    key += folded.slice(start, end);
    if (key.length >= 35) return key.slice(0, 35);
    if (length > 3 && ++long >= 3) break;
    start = end + 1;
  }
  return key;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** ISBN-10 check digit (mod 11, X = 10). */
export function isValidIsbn10(isbn: string): boolean {
  if (isbn.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = isbn.charCodeAt(i);
    const value = isDigitCode(c) ? c - 48 : i === 9 && (c === 88 || c === 120) ? 10 : -1;
    if (value < 0) return false;
    sum += value * (10 - i);
  }
  return sum % 11 === 0;
}

/** ISBN-13 / EAN-13 check digit (weights 1, 3). */
export function isValidEan13(ean: string): boolean {
  if (ean.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) {
    const c = ean.charCodeAt(i);
    if (!isDigitCode(c)) return false;
    sum += (c - 48) * (i % 2 ? 3 : 1);
  }
  return sum % 10 === 0;
}

/** Converts a valid ISBN-10 to ISBN-13 (978 prefix, new check digit). */
export function isbn10To13(isbn10: string): string {
  const body = '978' + isbn10.slice(0, 9);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (body.charCodeAt(i) - 48) * (i % 2 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

/**
 * Normalises the ISBN at the start of a 020 $a (or 024 EAN) to ISBN-13: leading "ISBN" and trailing
 * qualifiers ("(pbk.)", ": $4.95") dropped, hyphens and spaces removed. Returns undefined when no valid ISBN
 * is there — an ISBN-10 is converted only when its check digit is right; an ISBN-13 must be 978/979 and valid.
 */
export function normalizeIsbn(raw: string): string | undefined {
  let i = 0;
  const n = raw.length;
  while (i < n && !isDigitCode(raw.charCodeAt(i))) i++;
  let compact = '';
  let firstGroup = '';
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (isDigitCode(c) || ((c === 88 || c === 120) && compact.length === 9)) compact += raw[i];
    else if (c === 45) continue;
    else if (c === 32) {
      if (!firstGroup) firstGroup = compact;
    } else break;
    if (compact.length > 13) break;
  }
  const isbn = checkIsbn(compact.toUpperCase());
  return isbn ?? (firstGroup && firstGroup !== compact ? checkIsbn(firstGroup.toUpperCase()) : undefined);
}

function checkIsbn(digits: string): string | undefined {
  if (digits.length === 10) return isValidIsbn10(digits) ? isbn10To13(digits) : undefined;
  if (digits.length === 13 && (digits.startsWith('978') || digits.startsWith('979'))) {
    return isValidEan13(digits) ? digits : undefined;
  }
  return undefined;
}

/** ISSN "1064-3923" → "10643923" when the mod-11 check digit is right; otherwise undefined. */
export function normalizeIssn(raw: string): string | undefined {
  const m = /(\d{4})\s*-?\s*(\d{3}[\dXx])/.exec(raw);
  if (!m) return undefined;
  const issn = (m[1]! + m[2]!).toUpperCase();
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (issn.charCodeAt(i) - 48) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return issn[7] === (check === 10 ? 'X' : String(check)) ? issn : undefined;
}

/**
 * LCCN normalisation after the Library of Congress rules: blanks removed, everything from a slash on dropped,
 * a hyphenated serial part left-padded with zeros to six digits; lower case.
 */
export function normalizeLccn(raw: string): string | undefined {
  let s = raw.replace(/\s+/g, '');
  const slash = s.indexOf('/');
  if (slash >= 0) s = s.slice(0, slash);
  const hyphen = s.indexOf('-');
  if (hyphen >= 0) {
    const serial = s.slice(hyphen + 1).replace(/-/g, '');
    s = s.slice(0, hyphen) + (/^\d{1,6}$/.test(serial) ? serial.padStart(6, '0') : serial);
  }
  s = s.toLowerCase();
  return /^[a-z]{0,3}\d{8,10}$/.test(s) ? s : undefined;
}

/**
 * OCLC number from a 035 $a such as "(OCoLC)ocm00012345", "(OCoLC)on1234567890" or "(OCoLC) 12345": the digits
 * with ocm/ocn/on prefixes and leading zeros stripped. `prefixed: false` accepts a bare number (001 with 003
 * OCoLC). Returns undefined for other systems' numbers.
 */
export function normalizeOclc(raw: string, prefixed = true): string | undefined {
  let s = raw.trim();
  if (prefixed) {
    if (!/^\(ocolc\)/i.test(s)) return undefined;
    s = s.slice(7).trim();
  }
  s = s.replace(/^(ocm|ocn|on)/i, '').trim();
  if (!/^\d+$/.test(s)) return undefined;
  s = s.replace(/^0+/, '');
  return s.length ? s : undefined;
}

/** Ordinal words (English, German, French, Spanish, Italian, Dutch, Scandinavian; folded), 1st–10th. */
const ORDINALS: Record<string, number> = {};
/** Cardinal words, trusted for part numbers ("Part one") but not in titles ("Four psalms"). */
const CARDINALS: Record<string, number> = {};
[
  'first erste erster ersten premiere premier primera primero prima primo eerste forsta forste',
  'second zweite zweiter deuxieme seconde segunda segundo seconda tweede andra anden',
  'third dritte dritter troisieme tercera tercero terza derde tredje',
  'fourth vierte vierter quatrieme cuarta cuarto quarta quarto vierde fjarde fjerde',
  'fifth funfte fuenfte cinquieme quinta quinto vijfde femte',
  'sixth sechste sixieme sexta sexto sesta zesde sjatte sjette',
  'seventh siebte siebente septieme septima septimo settima zevende sjunde syvende',
  'eighth achte huitieme octava octavo ottava achtste attonde ottende',
  'ninth neunte neuvieme novena noveno nona negende nionde niende',
  'tenth zehnte dixieme decima decimo tiende',
].forEach((words, index) => {
  for (const w of words.split(' ')) ORDINALS[w] = index + 1;
});
'one two three four five six seven eight nine ten'
  .split(' ')
  .forEach((w, index) => (CARDINALS[w] = index + 1));
const NUMBERED = /^(\d+)(st|nd|rd|th|e|er|re|eme|ieme|a|o|de|te|ste|nde|ed)?$/;
const ROMAN = /^(?=[mdclxvi]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * A number written as digits ("2", "2nd", "2e", "002") or an ordinal word ("second", "zweite"); cardinal
 * words ("two") and roman numerals ("ii") only when `loose` (part numbers, where they are common).
 */
export function numberOfToken(token: string, loose = false): number | undefined {
  const m = NUMBERED.exec(token);
  if (m) return Number(m[1]);
  const word = ORDINALS[token] ?? (loose ? CARDINALS[token] : undefined);
  if (word !== undefined) return word;
  return loose && token.length <= 6 && ROMAN.test(token) ? romanValue(token) : undefined;
}

/** Labels that introduce a part, volume or series number ("Vol.", "Teil", "no."). */
const PART_LABELS = new Set(
  (
    'v vol vols volume volumes pt part parts band bd bde teil t tome tomo tom no nr nro num number numero ' +
    'heft h livre book bk bok parte deel del osa cz sect section ser series serie reihe fasc fascicle ' +
    'fascicule suppl supplement issue iss jahrg jg anno ano year'
  ).split(' '),
);

/**
 * Part / volume / series number: "Vol. 4:" → "4", "Teil II" → "2", "Part one" → "1", "no. 003" → "3",
 * "Band A" → "a". Undefined when the text holds nothing but labels.
 */
export function normalizePartNumber(text: string): string | undefined {
  const folded = fold(text);
  if (!folded) return undefined;
  const tokens = folded.split(' ');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (PART_LABELS.has(token) && (i < tokens.length - 1 || i === 0)) continue;
    const n = numberOfToken(token, true);
    return n !== undefined ? String(n) : token;
  }
  return undefined;
}

const MAY_HAVE_NUMBER = new RegExp(`\\d|\\b(?:${Object.keys(ORDINALS).join('|')})\\b`);

/** Numbers written in a folded title (digits and ordinal words, not roman numerals), in order. */
export function titleNumbers(folded: string): string[] {
  if (!MAY_HAVE_NUMBER.test(folded)) return EMPTY;
  let out: string[] | undefined;
  for (const token of folded.split(' ')) {
    const c = token.charCodeAt(0);
    const n = isDigitCode(c) || ORDINALS[token] !== undefined ? numberOfToken(token) : undefined;
    if (n !== undefined) (out ??= []).push(String(n));
  }
  return out ?? EMPTY;
}

export const EMPTY: string[] = [];
Object.freeze(EMPTY);

const EDITION_NOISE = new Set(
  (
    'ed eds edn edition editions edicion edizione edicao ausg ausgabe aufl auflage udg udgave uppl ' +
    'upplagan utg utgave druk painos wyd wydanie izd izdanie printing impr impression tirage'
  ).split(' '),
);
const EDITION_WORDS: Record<string, string> = {
  rev: 'revised',
  revised: 'revised',
  uberarb: 'revised',
  enl: 'enlarged',
  erw: 'enlarged',
  erweiterte: 'enlarged',
  corr: 'corrected',
  lg: 'large',
  amer: 'american',
  am: 'american',
  brit: 'british',
  abr: 'abridged',
  abridged: 'abridged',
  illus: 'illustrated',
  ill: 'illustrated',
  pbk: 'paperback',
};

export type Edition = { number: number | undefined; words: string };

/**
 * Edition statement → its number ("2nd ed." = "Second edition" = "2. Aufl." → 2) and, for unnumbered ones, the
 * significant words with abbreviations spelled out ("Rev. ed." = "Revised edition" → "revised").
 */
export function normalizeEdition(text: string): Edition {
  const folded = fold(text);
  let number: number | undefined;
  const words: string[] = [];
  for (const token of folded.split(' ')) {
    if (!token) continue;
    if (number === undefined) {
      const n = numberOfToken(token);
      if (n !== undefined) {
        number = n;
        continue;
      }
    }
    if (EDITION_NOISE.has(token)) continue;
    words.push(EDITION_WORDS[token] ?? token);
  }
  return { number, words: words.sort().join(' ') };
}

let rowA = new Uint16Array(256);
let rowB = new Uint16Array(256);

/**
 * Levenshtein distance, giving up once it must exceed `max` (then returns max + 1). Reuses two rows, so it
 * allocates nothing for strings under 256 characters.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const m = a.length;
  const n = b.length;
  if (m - n > max) return max + 1;
  if (n === 0) return m;
  if (n + 1 > rowA.length) {
    rowA = new Uint16Array(n + 1);
    rowB = new Uint16Array(n + 1);
  }
  let prev = rowA;
  let curr = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = curr;
    curr = t;
  }
  return prev[n]!;
}
