/**
 * Lookups over the vocabulary that the postings cannot answer, built lazily on first use and refreshed as
 * words are added: the terms sorted (right truncation) and spelling buckets (did you mean).
 */
import type { SearchIndex } from './search-index.ts';
import { FIRST_TERM, type U32 } from './store.ts';

type Lexicon = {
  sorted: U32;
  sortedUpTo: number; // terms below this number are in `sorted`
  buckets: Map<string, number[]> | null;
  letters: U32; // per term: which letters a-z occur (cheap lower bound on edit distance)
  bucketsUpTo: number;
  stamps: U32; // per term: the call that last looked at it (dedupes overlapping buckets)
  stamp: number;
};

const cache = new WeakMap<SearchIndex, Lexicon>();
const MAX_PENDING = 20_000;
const MAX_EXPANSION = 10_000;

function lexicon(ix: SearchIndex): Lexicon {
  let lex = cache.get(ix);
  if (!lex) {
    lex = {
      sorted: new Uint32Array(0),
      sortedUpTo: FIRST_TERM,
      buckets: null,
      letters: new Uint32Array(0),
      bucketsUpTo: 0,
      stamps: new Uint32Array(0),
      stamp: 0,
    };
    cache.set(ix, lex);
  }
  return lex;
}

const isWordTerm = (text: string) => text.length > 0 && text[0] !== '#';

/** Merges the terms added since the last build into the sorted list when there are many of them. */
function refreshSorted(ix: SearchIndex, lex: Lexicon): void {
  const total = ix.termText.length;
  if (total - lex.sortedUpTo <= MAX_PENDING && lex.sorted.length > 0) return;
  const text = ix.termText;
  const fresh: number[] = [];
  for (let t = lex.sortedUpTo; t < total; t++) if (isWordTerm(text[t]!)) fresh.push(t);
  fresh.sort((a, b) => (text[a]! < text[b]! ? -1 : 1));
  const merged = new Uint32Array(lex.sorted.length + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < lex.sorted.length && j < fresh.length)
    merged[k++] = text[lex.sorted[i]!]! < text[fresh[j]!]! ? lex.sorted[i++]! : fresh[j++]!;
  while (i < lex.sorted.length) merged[k++] = lex.sorted[i++]!;
  while (j < fresh.length) merged[k++] = fresh[j++]!;
  lex.sorted = merged;
  lex.sortedUpTo = total;
}

/** Builds the lazy structures now (after a boot load) so the first truncation or misspelling is fast. */
export function prepareLexicon(ix: SearchIndex): void {
  const lex = lexicon(ix);
  refreshSorted(ix, lex);
  lex.buckets = null;
  refreshBuckets(ix, lex);
}

/** Terms (with postings) that start with `prefix`, at most MAX_EXPANSION of them. */
export function prefixTerms(ix: SearchIndex, prefix: string): number[] {
  const lex = lexicon(ix);
  refreshSorted(ix, lex);
  const text = ix.termText;
  const out: number[] = [];
  let lo = 0;
  let hi = lex.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (text[lex.sorted[mid]!]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < lex.sorted.length && out.length < MAX_EXPANSION; i++) {
    const t = lex.sorted[i]!;
    if (!text[t]!.startsWith(prefix)) break;
    if (ix.postings.df(t) > 0) out.push(t);
  }
  for (let t = lex.sortedUpTo; t < text.length && out.length < MAX_EXPANSION; t++)
    if (text[t]!.startsWith(prefix) && isWordTerm(text[t]!) && ix.postings.df(t) > 0) out.push(t);
  return out;
}

function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) m |= 1 << c;
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** At most this many words (the most frequent) are offered as corrections. */
const SPELLING_WORDS = 100_000;

/**
 * Words eligible as corrections: letters only, 3+ long, in at least two documents, and among the
 * SPELLING_WORDS most frequent (a rare word is a poor suggestion, and fewer candidates keep it fast).
 */
function refreshBuckets(ix: SearchIndex, lex: Lexicon): Map<string, number[]> {
  const total = ix.termText.length;
  // Rebuilt once the vocabulary grew by a tenth: an index that started empty and filled through updates
  // must not keep the (empty) lists of its first search. prepareLexicon forces a rebuild (df changes).
  if (lex.buckets && total - lex.bucketsUpTo < Math.max(100, lex.bucketsUpTo / 10)) return lex.buckets;
  const eligible: number[] = [];
  for (let t = FIRST_TERM; t < total; t++) {
    const w = ix.termText[t]!;
    if (w.length >= 3 && ix.postings.df(t) >= 2 && /^[a-z]+$/.test(w)) eligible.push(t);
  }
  let minDf = 2;
  if (eligible.length > SPELLING_WORDS) {
    const dfs = Uint32Array.from(eligible, (t) => ix.postings.df(t)).sort();
    minDf = dfs[dfs.length - SPELLING_WORDS]!;
  }
  const buckets = new Map<string, number[]>();
  const letters = new Uint32Array(total);
  const put = (key: string, t: number) => {
    const list = buckets.get(key);
    if (list) list.push(t);
    else buckets.set(key, [t]);
  };
  for (const t of eligible) {
    if (ix.postings.df(t) < minDf) continue;
    const w = ix.termText[t]!;
    letters[t] = letterMask(w);
    put(w[0]! + w.length, t); // same first letter
    put('~' + w[1]! + w.length, t); // same second letter: catches a wrong, missing or extra first letter
  }
  lex.buckets = buckets;
  lex.letters = letters;
  lex.stamps = new Uint32Array(total);
  lex.bucketsUpTo = total;
  return buckets;
}

const ROW = 64;
const rows = [new Int32Array(ROW), new Int32Array(ROW), new Int32Array(ROW)];

/** Optimal string alignment distance, or max + 1 as soon as it must exceed `max` (no allocation). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length >= ROW) return a === b ? 0 : max + 1;
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      if (prev[j]! + 1 < v) v = prev[j]! + 1;
      if (cur[j - 1]! + 1 < v) v = cur[j - 1]! + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2]! + 1 < v)
        v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * The best dictionary word within edit distance 2 of `word` that occurs in more than `minDf` documents:
 * closer first, then more documents, a same first letter counting for a little.
 */
export function bestCorrection(ix: SearchIndex, word: string, minDf: number): string | null {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return null;
  const lex = lexicon(ix);
  const buckets = refreshBuckets(ix, lex);
  const mask = letterMask(word);
  const stamp = ++lex.stamp;
  let best: string | null = null;
  let bestScore = -Infinity;
  const max = word.length <= 4 ? 1 : 2;
  for (let len = word.length - max; len <= word.length + max; len++) {
    for (const key of [word[0]! + len, word[1]! + len, '~' + word[1]! + len, '~' + word[0]! + len]) {
      for (const t of buckets.get(key) ?? []) {
        if (lex.stamps[t] === stamp) continue;
        lex.stamps[t] = stamp;
        if (popcount(lex.letters[t]! ^ mask) > 2 * max) continue;
        const df = ix.postings.df(t);
        if (df <= minDf) continue;
        const candidate = ix.termText[t]!;
        const d = editDistance(word, candidate, max);
        if (d === 0 || d > max) continue;
        const score = -3 * d + Math.log(df) + (candidate[0] === word[0] ? 1 : 0);
        if (score > bestScore || (score === bestScore && candidate < best!)) {
          bestScore = score;
          best = candidate;
        }
      }
    }
  }
  return best;
}
