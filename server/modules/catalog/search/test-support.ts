/** Small hand-made corpora for the engine's tests. */
import { fold } from './normalize.ts';
import { SearchIndex, type IndexOptions } from './search-index.ts';
import type { SearchDoc, SearchRequest } from './types.ts';

export function doc(id: string, fields: Partial<SearchDoc> = {}): SearchDoc {
  const title = fields.title ?? '';
  return {
    id,
    title,
    titleAlt: [],
    sortTitle: fold(title).replace(/^(the|a|an|el|la|los|las) /, ''),
    authors: [],
    subjects: [],
    publishers: [],
    series: [],
    notes: [],
    isbns: [],
    issns: [],
    oclcNumbers: [],
    lccn: null,
    year: null,
    language: 'eng',
    format: 'book',
    libraries: [],
    libraryCount: 1,
    ...fields,
  };
}

export function indexOf(docs: SearchDoc[], options?: IndexOptions): SearchIndex {
  const ix = new SearchIndex(options);
  for (const d of docs) ix.upsert(d);
  return ix;
}

/** Ids of the hits, in order. */
export function ids(ix: SearchIndex, q: string | SearchRequest): string[] {
  return ix.search(typeof q === 'string' ? { q, limit: 100 } : { limit: 100, ...q }).hits.map((h) => h.id);
}

/** Ids of every match, sorted (for set semantics). */
export function matchSet(ix: SearchIndex, q: string | SearchRequest): string[] {
  return ids(ix, q).sort();
}
