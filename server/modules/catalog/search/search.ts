/**
 * A search from request to response: parse, evaluate (match set + scores), whole-title bonus, one
 * collection pass (filters, facets, top of the order), and "did you mean" when little or nothing matched.
 */
import { collect } from './collect.ts';
import { Evaluator, scratchFor, type Scratch } from './evaluate.ts';
import { bestCorrection } from './lexicon.ts';
import { STOP_WORDS } from './normalize.ts';
import { parseQuery, type QueryNode } from './query.ts';
import { WHOLE_TITLE_BONUS } from './score.ts';
import type { SearchIndex } from './search-index.ts';
import { stemEnglish } from './stem.ts';
import type { Bits } from './store.ts';
import {
  MAX_LIMIT,
  MAX_WINDOW,
  type SearchFilters,
  type SearchRequest,
  type SearchResponse,
  type SearchSort,
} from './types.ts';

const scratchCache = new WeakMap<SearchIndex, Scratch>();
/** At or below this many hits a corrected query is tried. */
const FEW_HITS = 3;

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.trunc(n)));

export function runSearch(ix: SearchIndex, req: SearchRequest): SearchResponse {
  const started = performance.now();
  const field = req.field ?? 'all';
  const ast = parseQuery(req.q, field);
  const limit = clamp(req.limit ?? 20, 0, MAX_LIMIT);
  const offset = clamp(req.offset ?? 0, 0, MAX_WINDOW - limit);
  const filters = req.filters ?? {};
  const result = execute(
    ix,
    ast,
    filters,
    req.sort ?? 'relevance',
    offset + limit,
    clamp(req.facetLimit ?? 10, 0, 1000),
  );
  const didYouMean = result.total <= FEW_HITS ? suggest(ix, req.q, ast, field, filters, result.total) : null;
  return {
    total: result.total,
    hits: result.docs
      .slice(offset, offset + limit)
      .map((d) => ({ id: ix.ids[d]!, score: result.scores[d]! })),
    facets: result.facets,
    didYouMean,
    terms: result.terms,
    ignored: result.ignored,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

function execute(
  ix: SearchIndex,
  ast: QueryNode,
  filters: SearchFilters,
  sort: SearchSort,
  window: number,
  facetLimit: number,
) {
  const scratch = scratchFor(ix, scratchCache);
  const evaluation = new Evaluator(ix, scratch, onlyStopWords(ast)).run(ast);
  wholeTitleBonus(ix, ast, evaluation.set, scratch.scores);
  const collected = collect(ix, evaluation.set, scratch.scores, filters, sort, window, facetLimit);
  return { ...collected, scores: scratch.scores, terms: evaluation.terms, ignored: evaluation.ignored };
}

/** Every word in the query, in order (identifier fields excluded). */
function textWords(node: QueryNode, out: string[] = []): string[] {
  if (node.type === 'term' && !['isbn', 'issn', 'oclc'].includes(node.field)) out.push(node.word);
  else if (node.type === 'phrase') out.push(...node.words);
  else if (node.type === 'and' || node.type === 'or') node.children.forEach((c) => textWords(c, out));
  else if (node.type === 'not') textWords(node.child, out);
  return out;
}

/** "The Who", "It": when every word is a stop word they are required after all. */
function onlyStopWords(ast: QueryNode): boolean {
  const words = textWords(ast);
  return words.length > 0 && words.every((w) => STOP_WORDS.has(w));
}

/** The query's words when it is plain words/phrases ANDed in the all or title field, else null. */
function plainWords(node: QueryNode): string[] | null {
  if ((node.type === 'term' || node.type === 'phrase') && (node.field === 'all' || node.field === 'title'))
    return node.type === 'term' ? [node.word] : node.words;
  if (node.type !== 'and') return null;
  const out: string[] = [];
  for (const child of node.children) {
    const words = plainWords(child);
    if (words === null) return null;
    out.push(...words);
  }
  return out;
}

/** Documents whose whole title is the query (a leading article on either side aside) rank first. */
function wholeTitleBonus(ix: SearchIndex, ast: QueryNode, set: Bits, scores: Int32Array): void {
  let words = plainWords(ast);
  if (!words || words.length === 0) return;
  if (words.length > 1 && STOP_WORDS.has(words[0]!)) words = words.slice(1);
  const ids = words.map((w) => ix.term(w));
  if (ids.some((t) => t < 0)) return;
  const n = ids.length;
  const { titleLength, streamAt, streams, termText } = ix;
  for (let w = 0; w < set.length; w++) {
    let word = set[w]!;
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      const d = (w << 5) + 31 - Math.clz32(low);
      const len = titleLength[d]!;
      if (len !== n && len !== n + 1) continue;
      const page = streams.page(streamAt[d]!);
      let at = streams.offset(streamAt[d]!) + 1; // after the title tag
      if (len === n + 1) {
        if (!STOP_WORDS.has(termText[page[at]!]!)) continue;
        at++;
      }
      let same = true;
      for (let i = 0; i < n && same; i++) same = page[at + i] === ids[i];
      if (same) scores[d]! += WHOLE_TITLE_BONUS;
    }
  }
}

/** Documents with the word or a word of its English stem group (upper bound: lists may overlap). */
function documentsWith(ix: SearchIndex, word: string): number {
  let df = 0;
  const t = ix.term(word);
  if (t >= 0) df += ix.postings.df(t);
  const group = ix.term(stemEnglish(word));
  if (group >= 0)
    for (let v = ix.enHead[group]!; v !== 0; v = ix.enNext[v]!) if (v !== t) df += ix.postings.df(v);
  return df;
}

/** The query with unknown or rare words replaced by close, more frequent ones, when that finds more. */
function suggest(
  ix: SearchIndex,
  q: string,
  ast: QueryNode,
  field: string,
  filters: SearchFilters,
  total: number,
) {
  const edits: { start: number; end: number; text: string }[] = [];
  const fix = (word: string): string | null => {
    if (STOP_WORDS.has(word)) return null;
    const df = documentsWith(ix, word);
    if (df > 2 || (total > 0 && df > total)) return null;
    return bestCorrection(ix, word, Math.max(1, df));
  };
  const visit = (node: QueryNode) => {
    if (node.type === 'term' && !['isbn', 'issn', 'oclc'].includes(node.field)) {
      const better = fix(node.word);
      if (better) edits.push({ start: node.start, end: node.end, text: better });
    } else if (node.type === 'phrase') {
      const fixed = node.words.map((w) => fix(w) ?? w);
      if (fixed.some((w, i) => w !== node.words[i]))
        edits.push({ start: node.start, end: node.end, text: `"${fixed.join(' ')}"` });
    } else if (node.type === 'and' || node.type === 'or') node.children.forEach(visit);
    else if (node.type === 'not') visit(node.child);
  };
  visit(ast);
  if (edits.length === 0) return null;
  let corrected = q;
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    // Spans start after any field prefix or minus, so "title:histroy" becomes "title:history".
    corrected = corrected.slice(0, e.start) + e.text + corrected.slice(e.end);
  }
  const again = execute(ix, parseQuery(corrected, field as never), filters, 'relevance', 0, 0);
  return again.total > Math.max(total * 5, 0) ? corrected : null;
}
