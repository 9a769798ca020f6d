/**
 * The in-memory index: a term dictionary with English and Spanish stem groups, postings with field bits,
 * each document's token stream (phrases, whole titles), dictionary-encoded facet columns (CSR for the
 * multi-valued ones) and sort columns. Documents get increasing internal numbers; removal leaves a tombstone
 * and compaction renumbers. Synchronous and single-threaded: a search never sees half an update.
 */
import { forEachWord, normalizeIsbn, normalizeIssn, normalizeLccn, normalizeOclc } from './normalize.ts';
import { AUTHOR, IDENTIFIER, NOTES, PUBLISHER, SERIES, SUBJECT, TITLE, TITLE_ALT } from './score.ts';
import { prepareLexicon } from './lexicon.ts';
import { runSearch } from './search.ts';
import { stemEnglish, stemSpanish } from './stem.ts';
import {
  FIRST_TERM,
  grow,
  MULTIPLE,
  Postings,
  TokenStreams,
  ValueDictionary,
  type Bits,
  type U32,
} from './store.ts';
import type { SearchDoc, SearchRequest, SearchResponse } from './types.ts';

export const NO_YEAR = -32768;
const MAX_DOC_TOKENS = 65_535;

export type IndexOptions = {
  /** Compact (renumber, drop tombstones) when this share of document numbers is dead... */
  compactRatio?: number;
  /** ...and at least this many are. */
  compactMinDead?: number;
};

export type MemoryStats = {
  documents: number;
  deadDocuments: number;
  terms: number;
  postings: number;
  postingsBytes: number;
  streamBytes: number;
  columnBytes: number;
  facetValues: number;
};

export class SearchIndex {
  // Dictionary: term number → text; stem groups as linked lists through the terms (head at the stem's number).
  readonly termIds = new Map<string, number>();
  readonly termText: string[] = Array.from({ length: FIRST_TERM }, () => '');
  enHead = new Int32Array(1024);
  enNext = new Int32Array(1024);
  esHead = new Int32Array(1024);
  esNext = new Int32Array(1024);
  private linked = new Uint8Array(1024);
  readonly postings = new Postings();
  streams = new TokenStreams();

  // Per document number.
  next = 0;
  dead = 0;
  alive: Bits = new Int32Array(64);
  format = new Uint16Array(1024);
  language = new Uint16Array(1024);
  year = new Int16Array(1024);
  libraryCount = new Uint16Array(1024);
  titleLength = new Uint8Array(1024);
  streamAt: U32 = new Uint32Array(1024);
  streamLength = new Uint16Array(1024);
  libOff: U32 = new Uint32Array(1025);
  libVals = new Uint16Array(1024);
  subjOff: U32 = new Uint32Array(1025);
  subjVals: U32 = new Uint32Array(1024);
  authOff: U32 = new Uint32Array(1025);
  authVals: U32 = new Uint32Array(1024);
  ids: string[] = [];
  sortTitles: string[] = [];
  readonly idToDoc = new Map<string, number>();

  readonly formats = new ValueDictionary();
  readonly languages = new ValueDictionary();
  readonly libraries = new ValueDictionary();
  readonly subjects = new ValueDictionary();
  readonly authors = new ValueDictionary();
  /** Language number of Spanish: Spanish stems only join words in Spanish documents. */
  readonly spanish: number;

  private readonly compactRatio: number;
  private readonly compactMinDead: number;
  private docBits = new Uint8Array(1024);
  /** Per term, for the document being added: first stream position, | MULTIPLE when seen again. */
  private docPos = new Uint16Array(1024);
  private touched: U32 = new Uint32Array(256);
  private touchedCount = 0;
  private tokens: U32 = new Uint32Array(1024);
  private tokenCount = 0;
  private currentBit = 0;
  private readonly onWord = (word: string) => this.addWord(word);

  constructor(options: IndexOptions = {}) {
    this.compactRatio = options.compactRatio ?? 0.2;
    this.compactMinDead = options.compactMinDead ?? 10_000;
    this.languages.intern(''); // 0 = unknown
    this.formats.intern('');
    this.spanish = this.languages.intern('spa');
  }

  get size(): number {
    return this.next - this.dead;
  }

  has(id: string): boolean {
    return this.idToDoc.has(id);
  }

  search(request: SearchRequest): SearchResponse {
    return runSearch(this, request);
  }

  /**
   * Builds what searches otherwise build lazily on first use (sorted vocabulary for truncation, spelling
   * buckets for did-you-mean): call after the boot load so no user waits for it.
   */
  prepare(): void {
    if (this.postings.garbage > 0) this.postings.repack();
    prepareLexicon(this);
  }

  /** Term number of a folded word (or "#i…" identifier key), or -1. */
  term(word: string): number {
    return this.termIds.get(word) ?? -1;
  }

  private intern(word: string): number {
    let t = this.termIds.get(word);
    if (t !== undefined) return t;
    t = this.termText.length;
    this.termText.push(word);
    this.termIds.set(word, t);
    if (t >= this.enHead.length) {
      this.enHead = grow(this.enHead, t + 1);
      this.enNext = grow(this.enNext, t + 1);
      this.esHead = grow(this.esHead, t + 1);
      this.esNext = grow(this.esNext, t + 1);
      this.linked = grow(this.linked, t + 1);
      this.docBits = grow(this.docBits, t + 1);
      this.docPos = grow(this.docPos, t + 1);
    }
    return t;
  }

  /** Puts a word that occurs in a document into its stem groups (once). */
  private link(t: number): void {
    this.linked[t] = 1;
    const word = this.termText[t]!;
    if (word[0] === '#') return;
    const en = this.intern(stemEnglish(word));
    this.enNext[t] = this.enHead[en]!;
    this.enHead[en] = t;
    const es = this.intern(stemSpanish(word));
    this.esNext[t] = this.esHead[es]!;
    this.esHead[es] = t;
  }

  private addWord(word: string): void {
    const t = this.intern(word);
    if (this.docBits[t] === 0) {
      if (this.touchedCount === this.touched.length) this.touched = grow(this.touched, this.touchedCount + 1);
      this.touched[this.touchedCount++] = t;
      this.docPos[t] = this.tokenCount < MULTIPLE ? this.tokenCount : MULTIPLE;
    } else this.docPos[t]! |= MULTIPLE;
    this.docBits[t]! |= this.currentBit;
    if (this.tokenCount < MAX_DOC_TOKENS) {
      if (this.tokenCount === this.tokens.length) this.tokens = grow(this.tokens, this.tokenCount + 1);
      this.tokens[this.tokenCount++] = t;
    }
  }

  private addValues(values: readonly string[], tag: number, bit: number): void {
    this.currentBit = bit;
    for (const value of values) {
      if (this.tokenCount < MAX_DOC_TOKENS) {
        if (this.tokenCount === this.tokens.length) this.tokens = grow(this.tokens, this.tokenCount + 1);
        this.tokens[this.tokenCount++] = tag;
      }
      forEachWord(value, this.onWord);
    }
  }

  private addIdentifier(key: string): void {
    this.currentBit = IDENTIFIER;
    const t = this.intern(key);
    if (this.docBits[t] === 0) {
      if (this.touchedCount === this.touched.length) this.touched = grow(this.touched, this.touchedCount + 1);
      this.touched[this.touchedCount++] = t;
      this.docPos[t] = MULTIPLE;
    }
    this.docBits[t]! |= IDENTIFIER;
  }

  /** Adds a document, replacing the one with the same id. */
  upsert(doc: SearchDoc): void {
    const existing = this.idToDoc.get(doc.id);
    if (existing !== undefined) this.removeNumber(existing);
    const d = this.next++;
    this.ensureDocs(d + 1);
    this.ids[d] = doc.id;
    this.sortTitles[d] = doc.sortTitle;
    this.idToDoc.set(doc.id, d);
    this.alive[d >>> 5]! |= 1 << (d & 31);

    this.tokenCount = 0;
    this.touchedCount = 0;
    this.addValues([doc.title], 0, TITLE);
    this.titleLength[d] = Math.min(255, this.tokenCount - 1);
    this.addValues(doc.titleAlt, 1, TITLE_ALT);
    this.addValues(doc.authors, 2, AUTHOR);
    this.addValues(doc.subjects, 3, SUBJECT);
    this.addValues(doc.series, 4, SERIES);
    this.addValues(doc.publishers, 5, PUBLISHER);
    this.addValues(doc.notes, 6, NOTES);
    for (const x of doc.isbns) this.addIdentifier('#i' + (normalizeIsbn(x) ?? x));
    for (const x of doc.issns) this.addIdentifier('#s' + (normalizeIssn(x) ?? x));
    for (const x of doc.oclcNumbers) this.addIdentifier('#o' + (normalizeOclc(x) ?? x));
    if (doc.lccn) this.addIdentifier('#l' + (normalizeLccn(doc.lccn) ?? doc.lccn));
    for (let i = 0; i < this.touchedCount; i++) {
      const t = this.touched[i]!;
      if (this.linked[t] === 0) this.link(t);
      this.postings.add(t, d, this.docBits[t]! | (this.docPos[t]! << 8));
      this.docBits[t] = 0;
    }
    this.streamAt[d] = this.streams.append(this.tokens, this.tokenCount);
    this.streamLength[d] = this.tokenCount;

    this.format[d] = this.formats.intern(doc.format);
    this.language[d] = doc.language ? this.languages.intern(doc.language) : 0;
    this.year[d] = doc.year === null ? NO_YEAR : Math.max(-32767, Math.min(32767, Math.trunc(doc.year)));
    this.libraryCount[d] = Math.max(0, Math.min(65535, doc.libraryCount));
    this.libVals = appendValues(this.libOff, this.libVals, d, unique(doc.libraries), this.libraries);
    this.subjVals = appendValues(this.subjOff, this.subjVals, d, unique(doc.subjects), this.subjects);
    this.authVals = appendValues(this.authOff, this.authVals, d, unique(doc.authors), this.authors);

    // Lists that outgrew their regions leave garbage in the pages; reclaim it once it is as big as the rest.
    if (this.postings.garbage > this.postings.live && this.postings.garbage > 1 << 22) this.postings.repack();
    if (existing !== undefined) this.compactIfWorthIt();
  }

  /** Removes a document; false when there is none with this id. */
  remove(id: string): boolean {
    const d = this.idToDoc.get(id);
    if (d === undefined) return false;
    this.removeNumber(d);
    this.compactIfWorthIt();
    return true;
  }

  /** Compaction renumbers everything (about a second per 100k documents): only when tombstones pile up. */
  private compactIfWorthIt(): void {
    if (this.dead >= this.compactMinDead && this.dead > this.next * this.compactRatio) this.compact();
  }

  private removeNumber(d: number): void {
    this.alive[d >>> 5]! &= ~(1 << (d & 31));
    this.idToDoc.delete(this.ids[d]!);
    this.ids[d] = '';
    this.sortTitles[d] = '';
    this.dead++;
  }

  private ensureDocs(n: number): void {
    // Every column is checked: offset columns hold n + 1 entries and grow on their own doubling schedule,
    // and a typed array silently drops writes past its end.
    const offsets = Math.min(this.libOff.length, this.subjOff.length, this.authOff.length);
    if (n <= this.format.length && n + 1 <= offsets && (n + 31) >>> 5 <= this.alive.length) return;
    this.alive = grow(this.alive, (n + 31) >>> 5);
    this.format = grow(this.format, n);
    this.language = grow(this.language, n);
    this.year = grow(this.year, n);
    this.libraryCount = grow(this.libraryCount, n);
    this.titleLength = grow(this.titleLength, n);
    this.streamAt = grow(this.streamAt, n);
    this.streamLength = grow(this.streamLength, n);
    this.libOff = grow(this.libOff, n + 1);
    this.subjOff = grow(this.subjOff, n + 1);
    this.authOff = grow(this.authOff, n + 1);
  }

  /** Drops tombstones and renumbers the living documents 0..size-1 (order kept, so lists stay sorted). */
  compact(): void {
    const map = new Int32Array(this.next).fill(-1);
    let n = 0;
    for (let d = 0; d < this.next; d++) if (this.alive[d >>> 5]! & (1 << (d & 31))) map[d] = n++;
    this.postings.repack((d) => map[d]!);
    const streams = new TokenStreams();
    let lib = 0;
    let subj = 0;
    let auth = 0;
    for (let d = 0; d < this.next; d++) {
      const to = map[d]!;
      if (to < 0) continue;
      const at = this.streamAt[d]!;
      const page = this.streams.page(at);
      const from = this.streams.offset(at);
      this.streamAt[to] = streams.append(
        page.subarray(from, from + this.streamLength[d]!),
        this.streamLength[d]!,
      );
      this.streamLength[to] = this.streamLength[d]!;
      this.format[to] = this.format[d]!;
      this.language[to] = this.language[d]!;
      this.year[to] = this.year[d]!;
      this.libraryCount[to] = this.libraryCount[d]!;
      this.titleLength[to] = this.titleLength[d]!;
      lib = moveValues(this.libOff, this.libVals, d, to, lib);
      subj = moveValues(this.subjOff, this.subjVals, d, to, subj);
      auth = moveValues(this.authOff, this.authVals, d, to, auth);
      this.ids[to] = this.ids[d]!;
      this.sortTitles[to] = this.sortTitles[d]!;
      this.idToDoc.set(this.ids[to], to);
    }
    this.libOff[n] = lib;
    this.subjOff[n] = subj;
    this.authOff[n] = auth;
    this.streams = streams;
    this.ids.length = n;
    this.sortTitles.length = n;
    this.alive.fill(0);
    for (let d = 0; d < n; d++) this.alive[d >>> 5]! |= 1 << (d & 31);
    this.next = n;
    this.dead = 0;
  }

  memoryStats(): MemoryStats {
    const columns = [this.alive, this.format, this.language, this.year, this.libraryCount, this.titleLength];
    const more = [this.streamAt, this.streamLength, this.libOff, this.libVals, this.subjOff, this.subjVals];
    const terms = [this.authOff, this.authVals, this.enHead, this.enNext, this.esHead, this.esNext];
    return {
      documents: this.size,
      deadDocuments: this.dead,
      terms: this.termText.length - FIRST_TERM,
      postings: this.postings.live,
      postingsBytes: this.postings.bytes(),
      streamBytes: this.streams.bytes(),
      columnBytes: [...columns, ...more, ...terms].reduce((sum, a) => sum + a.byteLength, 0),
      facetValues: this.subjects.size + this.authors.size + this.libraries.size,
    };
  }
}

function unique(values: readonly string[]): readonly string[] {
  return values.length < 2 ? values : [...new Set(values)];
}

/** Appends document d's values (CSR: off[d] .. off[d+1]) and returns the possibly regrown value array. */
function appendValues<T extends Uint16Array | U32>(
  off: U32,
  vals: T,
  d: number,
  values: readonly string[],
  dictionary: ValueDictionary,
): T {
  const at = off[d]!;
  const out = grow(vals, at + values.length);
  for (let i = 0; i < values.length; i++) out[at + i] = dictionary.intern(values[i]!);
  off[d + 1] = at + values.length;
  return out;
}

/** Compaction step for CSR columns: copies d's values down to position `at` (never past d's own). */
function moveValues(off: U32, vals: Uint16Array | U32, d: number, to: number, at: number): number {
  const from = off[d]!;
  const end = off[d + 1]!;
  off[to] = at;
  vals.copyWithin(at, from, end);
  return at + end - from;
}
