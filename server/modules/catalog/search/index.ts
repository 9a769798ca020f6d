/**
 * The union catalog's in-memory search engine (pure TypeScript, no I/O): feed it SearchDocs with upsert /
 * remove, ask it with search. parseQuery gives the query AST that SRU/CQL can target too.
 */
export { SearchIndex, type IndexOptions, type MemoryStats } from './search-index.ts';
export { parseQuery, FIELD_NAMES, type QueryNode } from './query.ts';
export {
  fold,
  words,
  normalizeIsbn,
  normalizeIssn,
  normalizeOclc,
  normalizeLccn,
  STOP_WORDS,
} from './normalize.ts';
export { stemEnglish, stemSpanish } from './stem.ts';
export * from './types.ts';
