/**
 * One pass over the matching documents: filters with multi-select facet semantics, facet counts, total and
 * the top of the requested order. A document failing no filter is a hit and counts in every facet; one
 * failing exactly one facet's filter counts only in that facet (so its other values stay selectable);
 * one failing two or more counts nowhere.
 */
import { NO_YEAR, type SearchIndex } from './search-index.ts';
import { yearKey } from './score.ts';
import type { Bits, U32 } from './store.ts';
import type { FacetValue, SearchFilters, SearchResponse, SearchSort } from './types.ts';

type Facets = SearchResponse['facets'];
const FORMAT = 1;
const LANGUAGE = 2;
const LIBRARY = 3;
const SUBJECT = 4;
const AUTHOR = 5;
const YEAR = 6;
const DECADES = 400; // decades 0..3990

/** Selection table over a dictionary: 1 for selected values (unknown values select nothing). */
function selection(ids: Map<string, number>, size: number, values: string[] | undefined): Uint8Array | null {
  if (!values || values.length === 0) return null;
  const sel = new Uint8Array(size + 1);
  for (const v of values) {
    const id = ids.get(v);
    if (id !== undefined) sel[id] = 1;
  }
  return sel;
}

function anySelected(off: U32, vals: Uint16Array | U32, d: number, sel: Uint8Array): boolean {
  for (let i = off[d]!, end = off[d + 1]!; i < end; i++) if (sel[vals[i]!] === 1) return true;
  return false;
}

/** Counts for a large dictionary, remembering which values were touched so reading them back is cheap. */
class SparseCounts {
  counts: U32 = new Uint32Array(0);
  touched: number[] = [];
  reset(size: number): void {
    if (this.counts.length < size) this.counts = new Uint32Array(size);
    this.touched = [];
  }
  add(off: U32, vals: U32, d: number): void {
    for (let i = off[d]!, end = off[d + 1]!; i < end; i++) {
      const v = vals[i]!;
      if (this.counts[v]! === 0) this.touched.push(v);
      this.counts[v]!++;
    }
  }
  top(values: string[], limit: number): FacetValue[] {
    const out = topValues(this.touched, this.counts, values, limit);
    for (const v of this.touched) this.counts[v] = 0;
    return out;
  }
}

const sparse = { subject: new SparseCounts(), author: new SparseCounts() };

/** The `limit` most frequent values (count desc, then value asc) among `ids`, with a small bounded list. */
function topValues(
  ids: Iterable<number>,
  counts: ArrayLike<number>,
  values: string[],
  limit: number,
): FacetValue[] {
  const top: FacetValue[] = [];
  if (limit <= 0) return top;
  const worse = (a: FacetValue, b: FacetValue) =>
    a.count < b.count || (a.count === b.count && a.value > b.value);
  for (const id of ids) {
    const count = counts[id]!;
    if (count === 0) continue;
    if (top.length === limit && count < top[limit - 1]!.count) continue;
    const item = { value: values[id]!, count };
    if (top.length === limit && !worse(top[limit - 1]!, item)) continue;
    let i = Math.min(top.length, limit - 1);
    top[i] = item;
    while (i > 0 && worse(top[i - 1]!, top[i]!)) {
      [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
      i--;
    }
  }
  return top;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export type Collected = { total: number; docs: number[]; facets: Facets };

export function collect(
  ix: SearchIndex,
  set: Bits,
  scores: Int32Array,
  filters: SearchFilters,
  sort: SearchSort,
  window: number,
  facetLimit: number,
): Collected {
  const formatSel = selection(ix.formats.ids, ix.formats.size, filters.format);
  const languageSel = selection(ix.languages.ids, ix.languages.size, filters.language);
  const librarySel = selection(ix.libraries.ids, ix.libraries.size, filters.library);
  const subjectSel = selection(ix.subjects.ids, ix.subjects.size, filters.subject);
  const authorSel = selection(ix.authors.ids, ix.authors.size, filters.author);
  const from = filters.yearFrom ?? -Infinity;
  const to = filters.yearTo ?? Infinity;
  const yearFilter = filters.yearFrom !== undefined || filters.yearTo !== undefined;

  const formatCounts = new Uint32Array(ix.formats.size);
  const languageCounts = new Uint32Array(ix.languages.size);
  const libraryCounts = new Uint32Array(ix.libraries.size);
  const decades = new Uint32Array(DECADES);
  let minYear = Infinity;
  let maxYear = -Infinity;
  sparse.subject.reset(ix.subjects.size);
  sparse.author.reset(ix.authors.size);
  const { format, language, year, libOff, libVals, subjOff, subjVals, authOff, authVals } = ix;
  const heap = new TopK(ix, scores, sort, window);
  let total = 0;

  const countYear = (d: number) => {
    const y = year[d]!;
    if (y === NO_YEAR) return;
    if (y < minYear) minYear = y;
    if (y > maxYear) maxYear = y;
    const decade = Math.floor(y / 10);
    if (decade >= 0 && decade < DECADES) decades[decade]!++;
  };

  for (let w = 0; w < set.length; w++) {
    let word = set[w]!;
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      const d = (w << 5) + 31 - Math.clz32(low);
      let fails = 0;
      let failed = 0;
      if (formatSel && formatSel[format[d]!] !== 1) {
        fails++;
        failed = FORMAT;
      }
      if (languageSel && languageSel[language[d]!] !== 1) {
        fails++;
        failed = LANGUAGE;
      }
      if (librarySel && !anySelected(libOff, libVals, d, librarySel)) {
        fails++;
        failed = LIBRARY;
      }
      if (subjectSel && !anySelected(subjOff, subjVals, d, subjectSel)) {
        fails++;
        failed = SUBJECT;
      }
      if (authorSel && !anySelected(authOff, authVals, d, authorSel)) {
        fails++;
        failed = AUTHOR;
      }
      if (yearFilter) {
        const y = year[d]!;
        if (y === NO_YEAR || y < from || y > to) {
          fails++;
          failed = YEAR;
        }
      }
      if (fails > 1) continue;
      if (fails === 0 || failed === FORMAT) formatCounts[format[d]!]!++;
      if (fails === 0 || failed === LANGUAGE) languageCounts[language[d]!]!++;
      if (fails === 0 || failed === LIBRARY)
        for (let i = libOff[d]!, end = libOff[d + 1]!; i < end; i++) libraryCounts[libVals[i]!]!++;
      if (fails === 0 || failed === SUBJECT) sparse.subject.add(subjOff, subjVals, d);
      if (fails === 0 || failed === AUTHOR) sparse.author.add(authOff, authVals, d);
      if (fails === 0 || failed === YEAR) countYear(d);
      if (fails === 0) {
        total++;
        heap.offer(d);
      }
    }
  }

  languageCounts[0] = 0; // unknown language is not a facet value
  formatCounts[0] = 0;
  const decadeIds = range(DECADES).filter((i) => decades[i]! > 0);
  return {
    total,
    docs: heap.sorted(),
    facets: {
      format: topValues(range(formatCounts.length), formatCounts, ix.formats.values, facetLimit),
      language: topValues(range(languageCounts.length), languageCounts, ix.languages.values, facetLimit),
      library: topValues(range(libraryCounts.length), libraryCounts, ix.libraries.values, facetLimit),
      subject: sparse.subject.top(ix.subjects.values, facetLimit),
      author: sparse.author.top(ix.authors.values, facetLimit),
      year: {
        min: minYear === Infinity ? null : minYear,
        max: maxYear === -Infinity ? null : maxYear,
        buckets: decadeIds.map((i) => ({ value: String(i * 10), count: decades[i]! })),
      },
    },
  };
}

/**
 * Bounded heap of the best `k` documents in the requested order (root = the worst kept). Numeric keys
 * carry the order (relevance: score, holding libraries, year; newest/oldest: year, score); equal keys and
 * the title sort fall back to comparisons, the id last, so the order never depends on document numbers.
 */
class TopK {
  private readonly keys: Float64Array;
  private readonly docs: Int32Array;
  private size = 0;

  constructor(
    private readonly ix: SearchIndex,
    private readonly scores: Int32Array,
    private readonly sort: SearchSort,
    private readonly k: number,
  ) {
    this.keys = new Float64Array(k);
    this.docs = new Int32Array(k);
  }

  private key(d: number): number {
    const score = this.scores[d]!;
    const y = yearKey(this.ix.year[d]!, NO_YEAR);
    if (this.sort === 'newest') return y * 2 ** 36 + score;
    if (this.sort === 'oldest') return (y === 0 ? 0 : 4096 - y) * 2 ** 36 + score;
    if (this.sort === 'title') return score;
    return score * 2 ** 28 + this.ix.libraryCount[d]! * 2 ** 12 + y;
  }

  /** True when (ka, a) should come before (kb, b). */
  private better(ka: number, a: number, kb: number, b: number): boolean {
    if (this.sort === 'title') {
      const ta = this.ix.sortTitles[a]!;
      const tb = this.ix.sortTitles[b]!;
      if (ta !== tb) return ta < tb;
    }
    if (ka !== kb) return ka > kb;
    return this.ix.ids[a]! < this.ix.ids[b]!;
  }

  offer(d: number): void {
    if (this.k === 0) return;
    const key = this.key(d);
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(this.keys[parent]!, this.docs[parent]!, key, d)) break;
        this.keys[i] = this.keys[parent]!;
        this.docs[i] = this.docs[parent]!;
        i = parent;
      }
      this.keys[i] = key;
      this.docs[i] = d;
      return;
    }
    if (!this.better(key, d, this.keys[0]!, this.docs[0]!)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      let worst = left;
      const right = left + 1;
      if (
        right < this.size &&
        this.better(this.keys[left]!, this.docs[left]!, this.keys[right]!, this.docs[right]!)
      )
        worst = right;
      if (this.better(this.keys[worst]!, this.docs[worst]!, key, d)) break;
      this.keys[i] = this.keys[worst]!;
      this.docs[i] = this.docs[worst]!;
      i = worst;
    }
    this.keys[i] = key;
    this.docs[i] = d;
  }

  /** The kept documents, best first. */
  sorted(): number[] {
    const order = range(this.size);
    order.sort((a, b) => (this.better(this.keys[a]!, this.docs[a]!, this.keys[b]!, this.docs[b]!) ? -1 : 1));
    return order.map((i) => this.docs[i]!);
  }
}
