/**
 * Typed-array storage for the index. Postings are sorted internal document numbers with a parallel word:
 * field bits (low byte) and the word's first position in the document's token stream (next 15 bits, bit 23
 * set when the word occurs more than once), so most phrases are decided without reading streams. They live
 * in large shared pages (a term's list is a region of a page that moves to a region twice as large when
 * full) so a million small lists cost no per-list object; lists past BIG_LIST get arrays of their
 * own. Document numbers only grow, so appending keeps every list sorted.
 */

export type U32 = Uint32Array<ArrayBuffer>;
export type U8 = Uint8Array<ArrayBuffer>;
/** Bitsets of document numbers: signed words, so bit 31 never turns a word into a heap number. */
export type Bits = Int32Array<ArrayBuffer>;

const PAGE_BITS = 22;
const PAGE = 1 << PAGE_BITS; // entries per page: 16 MB of numbers + 16 MB of bits and positions
const BIG_LIST = 1 << 16; // longer lists leave the pages
const NO_BIG = 0xffffffff;

/** A growable typed array (doubling), for per-document and per-term columns. */
export function grow<
  T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Int16Array | Float64Array,
>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let size = Math.max(16, array.length);
  while (size < needed) size *= 2;
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

export class Postings {
  private docPages: U32[] = [];
  private bitPages: U32[] = [];
  private used = PAGE; // forces a first page
  private start: U32 = new Uint32Array(1024);
  private len: U32 = new Uint32Array(1024);
  private cap: U32 = new Uint32Array(1024);
  private bigIndex: U32 = new Uint32Array(1024).fill(NO_BIG);
  private bigDocs: U32[] = [];
  private bigBits: U32[] = [];
  /** Entries in abandoned regions, reclaimed by repack(). */
  garbage = 0;
  live = 0;

  /** Number of postings of a term (dead documents included until compaction). */
  df(term: number): number {
    return term < this.len.length ? this.len[term]! : 0;
  }

  private ensureTerms(term: number): void {
    if (term < this.len.length) return;
    const old = this.bigIndex.length;
    this.start = grow(this.start, term + 1);
    this.len = grow(this.len, term + 1);
    this.cap = grow(this.cap, term + 1);
    this.bigIndex = grow(this.bigIndex, term + 1);
    this.bigIndex.fill(NO_BIG, old);
  }

  private allocate(size: number): number {
    if (this.used + size > PAGE) {
      this.docPages.push(new Uint32Array(PAGE));
      this.bitPages.push(new Uint32Array(PAGE));
      this.used = 0;
    }
    const at = (this.docPages.length - 1) * PAGE + this.used;
    this.used += size;
    return at;
  }

  add(term: number, doc: number, bits: number): void {
    this.ensureTerms(term);
    const n = this.len[term]!;
    if (this.bigIndex[term] === NO_BIG && n === this.cap[term]) this.move(term, n === 0 ? 2 : n * 2);
    const big = this.bigIndex[term]!;
    if (big !== NO_BIG) {
      if (n === this.bigDocs[big]!.length) {
        this.bigDocs[big] = grow(this.bigDocs[big]!, n + 1);
        this.bigBits[big] = grow(this.bigBits[big]!, n + 1);
      }
      this.bigDocs[big]![n] = doc;
      this.bigBits[big]![n] = bits;
    } else {
      const at = this.start[term]! + n;
      this.docPages[at >>> PAGE_BITS]![at & (PAGE - 1)] = doc;
      this.bitPages[at >>> PAGE_BITS]![at & (PAGE - 1)] = bits;
    }
    this.len[term] = n + 1;
    this.live++;
  }

  /** Moves a term's list to a region of `size` entries, or to arrays of its own past BIG_LIST. */
  private move(term: number, size: number): void {
    const n = this.len[term]!;
    const { docs, bits, offset } = this.view(term);
    if (size > BIG_LIST) {
      this.bigIndex[term] = this.bigDocs.length;
      this.bigDocs.push(grow(docs.slice(offset, offset + n), size));
      this.bigBits.push(grow(bits.slice(offset, offset + n), size));
    } else {
      const at = this.allocate(size);
      if (n > 0) {
        this.docPages[at >>> PAGE_BITS]!.set(docs.subarray(offset, offset + n), at & (PAGE - 1));
        this.bitPages[at >>> PAGE_BITS]!.set(bits.subarray(offset, offset + n), at & (PAGE - 1));
      }
      this.start[term] = at;
    }
    this.garbage += this.cap[term]!;
    this.cap[term] = size;
  }

  /** The arrays holding a term's list and where it starts in them (entries offset .. offset + df - 1). */
  view(term: number): { docs: U32; bits: U32; offset: number } {
    const big = term < this.bigIndex.length ? this.bigIndex[term]! : NO_BIG;
    if (big !== NO_BIG) return { docs: this.bigDocs[big]!, bits: this.bigBits[big]!, offset: 0 };
    if (term >= this.len.length || this.cap[term] === 0) return { docs: EMPTY32, bits: EMPTY32, offset: 0 };
    const at = this.start[term]!;
    return {
      docs: this.docPages[at >>> PAGE_BITS]!,
      bits: this.bitPages[at >>> PAGE_BITS]!,
      offset: at & (PAGE - 1),
    };
  }

  /**
   * Rewrites every list into fresh pages with little slack, keeping documents for which `map` returns a
   * number (their new number; it must be increasing) — compaction after removals, or just reclaiming
   * abandoned regions when `map` is omitted.
   */
  repack(map?: (doc: number) => number): void {
    const terms = this.len.length;
    const old = {
      docPages: this.docPages,
      bitPages: this.bitPages,
      bigDocs: this.bigDocs,
      bigBits: this.bigBits,
    };
    const oldBig = this.bigIndex;
    const oldStart = this.start.slice();
    this.docPages = [];
    this.bitPages = [];
    this.bigDocs = [];
    this.bigBits = [];
    this.bigIndex = new Uint32Array(oldBig.length).fill(NO_BIG);
    this.used = PAGE;
    this.garbage = 0;
    this.live = 0;
    let longest = 0;
    for (let t = 0; t < terms; t++) longest = Math.max(longest, this.len[t]!);
    const keepDocs = new Uint32Array(longest);
    const keepBits = new Uint32Array(longest);
    for (let t = 0; t < terms; t++) {
      const n = this.len[t]!;
      if (n === 0) continue;
      let docs: U32, bits: U32, offset: number;
      if (oldBig[t] !== NO_BIG) {
        docs = old.bigDocs[oldBig[t]!]!;
        bits = old.bigBits[oldBig[t]!]!;
        offset = 0;
      } else {
        const at = oldStart[t]!;
        docs = old.docPages[at >>> PAGE_BITS]!;
        bits = old.bitPages[at >>> PAGE_BITS]!;
        offset = at & (PAGE - 1);
      }
      let kept = 0;
      for (let i = 0; i < n; i++) {
        const d = map ? map(docs[offset + i]!) : docs[offset + i]!;
        if (d < 0) continue;
        keepDocs[kept] = d;
        keepBits[kept++] = bits[offset + i]!;
      }
      this.len[t] = kept;
      const size = kept === 0 ? 0 : kept + (kept >> 3) + 1;
      this.cap[t] = size;
      if (size > BIG_LIST) {
        this.bigIndex[t] = this.bigDocs.length;
        this.bigDocs.push(grow(keepDocs.slice(0, kept), size));
        this.bigBits.push(grow(keepBits.slice(0, kept), size));
      } else if (size > 0) {
        const at = this.allocate(size);
        this.docPages[at >>> PAGE_BITS]!.set(keepDocs.subarray(0, kept), at & (PAGE - 1));
        this.bitPages[at >>> PAGE_BITS]!.set(keepBits.subarray(0, kept), at & (PAGE - 1));
        this.start[t] = at;
      }
      this.live += kept;
    }
  }

  bytes(): number {
    let total = this.docPages.length * PAGE * 8;
    for (const d of this.bigDocs) total += d.byteLength;
    for (const b of this.bigBits) total += b.byteLength;
    return total + this.start.byteLength * 4;
  }
}

const EMPTY32 = new Uint32Array(0);

/**
 * Each document's words as term numbers, field value by field value (a field tag < FIRST_TERM starts each
 * value), appended in document order in pages. Used to verify phrases and whole-title matches.
 */
export const FIRST_TERM = 16;
/** Position flag in postings: the word occurs more than once in the document (or too far in to say where). */
export const MULTIPLE = 0x8000;

export class TokenStreams {
  private pages: U32[] = [];
  private used = PAGE;

  /** Appends `n` tokens and returns where they start. A stream never spans two pages. */
  append(tokens: U32, n: number): number {
    if (n > PAGE) throw new RangeError('document too long');
    if (this.used + n > PAGE) {
      this.pages.push(new Uint32Array(PAGE));
      this.used = 0;
    }
    const at = (this.pages.length - 1) * PAGE + this.used;
    this.pages[this.pages.length - 1]!.set(tokens.subarray(0, n), this.used);
    this.used += n;
    return at;
  }

  page(at: number): U32 {
    return this.pages[at >>> PAGE_BITS]!;
  }

  offset(at: number): number {
    return at & (PAGE - 1);
  }

  bytes(): number {
    return this.pages.length * PAGE * 4;
  }
}

/** Strings numbered in order of first appearance (facet values, library ids). */
export class ValueDictionary {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }
}
