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
import { FIRST_TERM, grow, type U32 } from './store.ts';

/** Per-document scratch reused across searches (the engine is single-threaded). */
export type Scratch = {
  scores: Int32Array;
  mark: Uint32Array;
  best: Int32Array;
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
    s.leaf = 0;
  }
  s.scores.fill(0, 0, ix.next);
  return s;
}

export type Evaluation = { set: U32; terms: string[]; ignored: string[] };

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

  private empty(): U32 {
    return new Uint32Array(this.words);
  }

  /** null = no constraint (an ignored stop word, an empty group). */
  private node(node: QueryNode, positive: boolean): U32 | null {
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
        let acc: U32 | null = null;
        for (const child of node.children) {
          const r = this.node(child, positive);
          if (r === null) continue;
          if (acc === null) acc = r;
          else for (let i = 0; i < this.words; i++) acc[i]! |= r[i]!;
        }
        return acc;
      }
      case 'and': {
        let acc: U32 | null = null;
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
  private add(out: U32, term: number, table: Int32Array | null, mask: number, spanishOnly: boolean): void {
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

  private term(field: string, word: string, positive: boolean): U32 | null {
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
  private exactWord(field: string, word: string, positive: boolean): U32 | null {
    this.nextLeaf();
    if (positive) this.terms.push(word);
    const out = this.empty();
    const t = this.ix.term(word);
    if (t >= 0)
      this.add(out, t, positive ? EXACT : null, FIELD_BITS[field as keyof typeof FIELD_BITS], false);
    return out;
  }

  private prefix(field: string, word: string, positive: boolean): U32 {
    this.nextLeaf();
    if (positive) this.terms.push(word + '*');
    const out = this.empty();
    const mask = FIELD_BITS[field as keyof typeof FIELD_BITS];
    for (const t of prefixTerms(this.ix, word))
      this.add(out, t, positive ? (this.ix.termText[t] === word ? EXACT : STEMMED) : null, mask, false);
    return out;
  }

  /** Candidates have every (non-stop) word; each is verified on its token stream, field value by value. */
  private phrase(field: string, words: string[], positive: boolean): U32 {
    this.nextLeaf();
    if (positive) this.terms.push(words.join(' '));
    const ix = this.ix;
    const mask = FIELD_BITS[field as keyof typeof FIELD_BITS];
    const list = words.slice(0, 32);
    const ids = list.map((w) => ix.term(w));
    const out = this.empty();
    if (ids.some((t) => t < 0 || ix.postings.df(t) === 0)) return out;
    const required = ids.filter((_, i) => !STOP_WORDS.has(list[i]!));
    let candidates: U32 | null = null;
    for (const t of required.length > 0 ? required : ids) {
      const r = this.empty();
      this.add(r, t, null, mask, false);
      if (candidates === null) candidates = r;
      else for (let i = 0; i < this.words; i++) candidates[i]! &= r[i]!;
    }
    this.s.phraseMask = grow(this.s.phraseMask, ix.termText.length);
    const posMask = this.s.phraseMask;
    ids.forEach((t, i) => (posMask[t]! |= 1 << i));
    const full = 1 << (ids.length - 1);
    const { streamAt, streamLength, titleLength } = ix;
    const scores = this.s.scores;
    for (let w = 0; w < this.words; w++) {
      let word = candidates![w]!;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const d = (w << 5) + 31 - Math.clz32(low);
        const page = ix.streams.page(streamAt[d]!);
        const start = ix.streams.offset(streamAt[d]!);
        let state = 0;
        let fieldBit = 0;
        let found = 0;
        for (let k = start, end = start + streamLength[d]!; k < end; k++) {
          const tok = page[k]!;
          if (tok < FIRST_TERM) {
            fieldBit = (1 << tok) & mask;
            state = 0;
          } else if (fieldBit !== 0) {
            state = ((state << 1) | 1) & posMask[tok]!;
            if (state & full) found |= fieldBit;
          }
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
