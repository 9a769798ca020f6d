/**
 * Evaluates a query AST into a bitset of matching document numbers (one bit per number, tombstones
 * removed at the end) and, for words not under NOT, accumulates relevance into scratch.scores. A word's
 * contribution to one document is its best posting (exact or stemmed variant, best field), never a sum of
 * variants, so a document with two stemmed forms cannot beat one with the exact word.
 */
import { normalizeIsbn, normalizeIssn, normalizeLccn, normalizeOclc, STOP_WORDS } from './normalize.ts';
import type { QueryNode } from './query.ts';
import { EXACT, FIELD_BITS, IDENTIFIER, postingScore, STEMMED } from './score.ts';
import type { SearchIndex } from './search-index.ts';
import { prefixTerms } from './lexicon.ts';
import { stemEnglish, stemSpanish } from './stem.ts';
import { FIRST_TERM, grow, MULTIPLE, type Bits, type U32 } from './store.ts';

/** Per-document scratch reused across searches (the engine is single-threaded). */
export type Scratch = {
  scores: Int32Array;
  mark: Uint32Array;
  best: Int32Array;
  fieldBits: Uint8Array;
  leaf: number;
  phraseMask: U32;
};

export function scratchFor(ix: SearchIndex, cache: WeakMap<SearchIndex, Scratch>): Scratch {
  let s = cache.get(ix);
  if (!s) {
    s = {
      scores: new Int32Array(0),
      mark: new Uint32Array(0),
      best: new Int32Array(0),
      fieldBits: new Uint8Array(0),
      leaf: 0,
      phraseMask: new Uint32Array(0),
    };
    cache.set(ix, s);
  }
  if (s.scores.length < ix.next) {
    const n = Math.max(ix.next, Math.ceil(s.scores.length * 1.5));
    s.scores = new Int32Array(n);
    s.mark = new Uint32Array(n);
    s.best = new Int32Array(n);
    s.fieldBits = new Uint8Array(n);
    s.leaf = 0;
  }
  s.scores.fill(0, 0, ix.next);
  return s;
}

export type Evaluation = { set: Bits; terms: string[]; ignored: string[] };

/** Identifier keys a word in the "all" field may also be (known-item search from the one box). */
function identifierKeys(word: string): string[] {
  if (!/^[0-9]/.test(word)) {
    const oclc = /^(?:\(ocolc\))?(?:ocm|ocn|on)\d/.test(word) ? normalizeOclc(word) : null;
    return oclc ? ['#o' + oclc] : [];
  }
  const keys: string[] = [];
  const isbn = normalizeIsbn(word);
  if (isbn) keys.push('#i' + isbn);
  const issn = normalizeIssn(word);
  if (issn) keys.push('#s' + issn);
  const oclc = normalizeOclc(word);
  if (oclc && word.length >= 6) keys.push('#o' + oclc);
  const lccn = normalizeLccn(word);
  if (lccn) keys.push('#l' + lccn);
  return keys;
}

const FIELD_PREFIX: Record<string, string> = { isbn: '#i', issn: '#s', oclc: '#o' };

function fieldKey(field: string, word: string): string | null {
  const key =
    field === 'isbn' ? normalizeIsbn(word) : field === 'issn' ? normalizeIssn(word) : normalizeOclc(word);
  return key === null ? null : FIELD_PREFIX[field]! + key;
}

export class Evaluator {
  readonly terms: string[] = [];
  readonly ignored: string[] = [];
  private readonly words: number;
  private leaf = 0;

  constructor(
    private readonly ix: SearchIndex,
    private readonly s: Scratch,
    private readonly forceStopWords: boolean,
  ) {
    this.words = (ix.next + 31) >>> 5;
  }

  run(root: QueryNode): Evaluation {
    const set = this.node(root, true);
    const alive = this.ix.alive;
    const out = set ?? alive.slice(0, this.words);
    for (let i = 0; i < this.words; i++) out[i]! &= alive[i]!;
    return { set: out, terms: this.terms, ignored: this.ignored };
  }

  private empty(): Bits {
    return new Int32Array(this.words);
  }

  /** null = no constraint (an ignored stop word, an empty group). */
  private node(node: QueryNode, positive: boolean): Bits | null {
    switch (node.type) {
      case 'all':
        return null;
      case 'term':
        return this.term(node.field, node.word, positive);
      case 'prefix':
        return this.prefix(node.field, node.word, positive);
      case 'phrase':
        return node.words.length === 1 && node.field !== 'isbn'
          ? this.exactWord(node.field, node.words[0]!, positive)
          : this.phrase(node.field, node.words, positive);
      case 'not': {
        const inner = this.node(node.child, !positive);
        if (inner === null) return null;
        const out = this.ix.alive.slice(0, this.words);
        for (let i = 0; i < this.words; i++) out[i]! &= ~inner[i]!;
        return out;
      }
      case 'or': {
        let acc: Bits | null = null;
        for (const child of node.children) {
          const r = this.node(child, positive);
          if (r === null) continue;
          if (acc === null) acc = r;
          else for (let i = 0; i < this.words; i++) acc[i]! |= r[i]!;
        }
        return acc;
      }
      case 'and': {
        let acc: Bits | null = null;
        for (const child of node.children) {
          if (child.type === 'not') continue;
          const r = this.node(child, positive);
          if (r === null) continue;
          if (acc === null) acc = r;
          else for (let i = 0; i < this.words; i++) acc[i]! &= r[i]!;
        }
        for (const child of node.children) {
          if (child.type !== 'not') continue;
          const r = this.node(child.child, !positive);
          if (r === null) continue;
          if (acc === null) acc = this.ix.alive.slice(0, this.words);
          for (let i = 0; i < this.words; i++) acc[i]! &= ~r[i]!;
        }
        return acc;
      }
    }
  }

  /** ORs a term's postings (restricted to field bits) into `out`, scoring them with `table` when positive. */
  private add(out: Bits, term: number, table: Int32Array | null, mask: number, spanishOnly: boolean): void {
    const n = this.ix.postings.df(term);
    if (n === 0) return;
    const { docs, bits, offset } = this.ix.postings.view(term);
    const { scores, mark, best } = this.s;
    const { titleLength, language, spanish } = this.ix;
    const leaf = this.leaf;
    for (let i = offset, end = offset + n; i < end; i++) {
      const b = bits[i]! & mask;
      if (b === 0) continue;
      const d = docs[i]!;
      if (spanishOnly && language[d] !== spanish) continue;
      out[d >>> 5]! |= 1 << (d & 31);
      if (table === null) continue;
      const score = postingScore(table, b, titleLength[d]!);
      if (mark[d] !== leaf) {
        mark[d] = leaf;
        best[d] = score;
        scores[d]! += score;
      } else if (score > best[d]!) {
        scores[d]! += score - best[d]!;
        best[d] = score;
      }
    }
  }

  private nextLeaf(): void {
    this.leaf = ++this.s.leaf;
    if (this.s.leaf === 0xffffffff) {
      this.s.mark.fill(0);
      this.s.leaf = 1;
      this.leaf = 1;
    }
  }

  private isIgnored(word: string): boolean {
    if (this.forceStopWords || !STOP_WORDS.has(word)) return false;
    if (!this.ignored.includes(word)) this.ignored.push(word);
    return true;
  }

  private term(field: string, word: string, positive: boolean): Bits | null {
    this.nextLeaf();
    const out = this.empty();
    const exact = positive ? EXACT : null;
    if (field === 'isbn' || field === 'issn' || field === 'oclc') {
      const key = fieldKey(field, word);
      if (key !== null) this.add(out, this.ix.term(key), exact, IDENTIFIER, false);
      if (positive) this.terms.push(word);
      return out;
    }
    if (this.isIgnored(word)) return null;
    if (positive) this.terms.push(word);
    const mask = FIELD_BITS[field as keyof typeof FIELD_BITS];
    const ix = this.ix;
    const t = ix.term(word);
    if (t >= 0) this.add(out, t, exact, mask, false);
    const stemmed = positive ? STEMMED : null;
    const en = stemEnglish(word);
    const enGroup = ix.term(en);
    if (enGroup >= 0)
      for (let v = ix.enHead[enGroup]!; v !== 0; v = ix.enNext[v]!)
        if (v !== t) this.add(out, v, stemmed, mask, false);
    const esGroup = ix.term(stemSpanish(word));
    if (esGroup >= 0)
      for (let v = ix.esHead[esGroup]!; v !== 0; v = ix.esNext[v]!)
        if (v !== t && stemEnglish(ix.termText[v]!) !== en) this.add(out, v, stemmed, mask, true);
    if (field === 'all')
      for (const key of identifierKeys(word)) this.add(out, ix.term(key), exact, IDENTIFIER, false);
    return out;
  }

  /** A quoted single word: its exact form only. */
  private exactWord(field: string, word: string, positive: boolean): Bits | null {
    this.nextLeaf();
    if (positive) this.terms.push(word);
    const out = this.empty();
    const t = this.ix.term(word);
    if (t >= 0)
      this.add(out, t, positive ? EXACT : null, FIELD_BITS[field as keyof typeof FIELD_BITS], false);
    return out;
  }

  private prefix(field: string, word: string, positive: boolean): Bits {
    this.nextLeaf();
    if (positive) this.terms.push(word + '*');
    const out = this.empty();
    const mask = FIELD_BITS[field as keyof typeof FIELD_BITS];
    for (const t of prefixTerms(this.ix, word))
      this.add(out, t, positive ? (this.ix.termText[t] === word ? EXACT : STEMMED) : null, mask, false);
    return out;
  }

  /** Candidates have every (non-stop) word; each is verified on its token stream, field value by value. */
  private phrase(field: string, words: string[], positive: boolean): Bits {
    this.nextLeaf();
    if (positive) this.terms.push(words.join(' '));
    const ix = this.ix;
    const mask = FIELD_BITS[field as keyof typeof FIELD_BITS];
    const list = words.slice(0, 32);
    const ids = list.map((w) => ix.term(w));
    const out = this.empty();
    if (ids.some((t) => t < 0 || ix.postings.df(t) === 0)) return out;
    // Words that must be present, with their offsets in the phrase (all of them if all are stop words).
    let required = ids
      .map((t, offset) => ({ t, offset }))
      .filter(({ offset }) => !STOP_WORDS.has(list[offset]!));
    if (required.length === 0) required = ids.map((t, offset) => ({ t, offset }));
    const allRequired = required.length === ids.length;
    // Candidates have every required word; fieldBits[d] keeps the fields where all of them occur, so
    // documents with the words in different fields are rejected without reading their streams.
    const fieldBits = this.s.fieldBits;
    let candidates: Bits | null = null;
    for (const { t } of required) {
      const next = this.empty();
      const { docs, bits, offset } = ix.postings.view(t);
      for (let i = offset, end = offset + ix.postings.df(t); i < end; i++) {
        const b = bits[i]! & mask;
        if (b === 0) continue;
        const d = docs[i]!;
        const bit = 1 << (d & 31);
        if (candidates === null) fieldBits[d] = b;
        else if (candidates[d >>> 5]! & bit) fieldBits[d]! &= b;
        else continue;
        next[d >>> 5]! |= bit;
      }
      candidates = next;
    }
    const cursors = required.map(({ t, offset }) => ({
      ...ix.postings.view(t),
      at: 0,
      phraseOffset: offset,
    }));
    for (const c of cursors) c.at = c.offset;
    this.s.phraseMask = grow(this.s.phraseMask, ix.termText.length);
    const posMask = this.s.phraseMask;
    ids.forEach((t, i) => (posMask[t]! |= 1 << i));
    const full = 1 << (ids.length - 1);
    const idList = Int32Array.from(ids);
    const { streamAt, streamLength, titleLength } = ix;
    const scores = this.s.scores;
    for (let w = 0; w < this.words; w++) {
      let word = candidates![w]!;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const d = (w << 5) + 31 - Math.clz32(low);
        const allowed = fieldBits[d]!;
        if (allowed === 0) continue;
        // First positions from the postings: words that occur once must be adjacent; when every word
        // occurs once and none is a skipped stop word, that decides it without reading the stream.
        let base = -1;
        let multiple = false;
        let aligned = true;
        for (const c of cursors) {
          while (c.docs[c.at]! < d) c.at++;
          const position = c.bits[c.at]! >>> 8;
          if (position & MULTIPLE) multiple = true;
          else if (base < 0) base = position - c.phraseOffset;
          else if (position - c.phraseOffset !== base) aligned = false;
        }
        if (!aligned) continue;
        let found = allowed;
        if (multiple || !allRequired) {
          const at = streamAt[d]!;
          const start = ix.streams.offset(at);
          found = phraseFields(
            ix.streams.page(at),
            start,
            start + streamLength[d]!,
            allowed,
            idList,
            posMask,
            full,
          );
        }
        if (found === 0) continue;
        out[w]! |= low;
        if (positive) scores[d]! += postingScore(EXACT, found, titleLength[d]!) * list.length;
      }
    }
    for (const t of ids) posMask[t] = 0;
    return out;
  }
}

/**
 * The fields (among `allowed`) in which a document's stream has the phrase: shift-and over the tokens,
 * restarted at each field value. Short phrases compare tokens with their words directly (no lookup in a
 * vocabulary-sized table, whose cache misses would dominate).
 */
function phraseFields(
  page: U32,
  from: number,
  end: number,
  allowed: number,
  ids: Int32Array,
  posMask: U32,
  full: number,
): number {
  const n = ids.length;
  const short = n <= 6;
  let state = 0;
  let fieldBit = 0;
  let found = 0;
  for (let k = from; k < end; k++) {
    const tok = page[k]!;
    if (tok < FIRST_TERM) {
      if (found === allowed) break;
      fieldBit = (1 << tok) & allowed;
      state = 0;
    } else if (fieldBit !== 0) {
      let m = 0;
      if (short) {
        for (let j = 0; j < n; j++) if (tok === ids[j]) m |= 1 << j;
      } else m = posMask[tok]!;
      state = ((state << 1) | 1) & m;
      if ((state & full) !== 0) found |= fieldBit;
    }
  }
  return found;
}
