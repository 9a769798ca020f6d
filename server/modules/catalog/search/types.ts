/**
 * The contract of the union catalog's in-memory search engine: what the loader feeds in (one SearchDoc per
 * cluster) and what a search returns. Pure data; the engine is in index.ts.
 */

export type SearchDoc = {
  id: string; // cluster uuid
  title: string; // display title (245 $a$b$n$p)
  titleAlt: string[]; // other titles: 130/240/246/730/740
  sortTitle: string; // folded title without leading article (for title sort)
  authors: string[]; // "Surname, Forename, dates" / corporate names (100/110/111/700/710/711)
  subjects: string[]; // headings joined with " -- " (600/610/611/630/650/651/655)
  publishers: string[]; // 260/264 $b
  series: string[]; // 490 $a / 8xx $a
  notes: string[]; // 500/505/520 text: full text only
  isbns: string[]; // ISBN-13 digits (already normalised, e.g. "9780306406157")
  issns: string[]; // "0317-8471"
  oclcNumbers: string[]; // digits only
  lccn: string | null;
  year: number | null;
  language: string | null; // MARC code e.g. "eng", "spa"
  format: string; // "book", "ebook", "serial", "video", "music-recording", ...
  libraries: string[]; // ids of holding libraries (uuid strings); facet + filter
  libraryCount: number; // static popularity (tie-breaker)
};

export type SearchField =
  'all' | 'title' | 'author' | 'subject' | 'isbn' | 'issn' | 'oclc' | 'publisher' | 'series';
export type SearchSort = 'relevance' | 'newest' | 'oldest' | 'title';

export type SearchFilters = {
  format?: string[];
  language?: string[];
  library?: string[];
  subject?: string[];
  author?: string[];
  yearFrom?: number;
  yearTo?: number;
};

export type SearchRequest = {
  q: string;
  field?: SearchField;
  filters?: SearchFilters;
  sort?: SearchSort;
  /** Clamped to 0 .. MAX_WINDOW - limit. */
  offset?: number;
  /** Default 20, clamped to 0 .. MAX_LIMIT. */
  limit?: number;
  /** Values per facet, default 10, at most 1000. */
  facetLimit?: number;
};

export type FacetValue = { value: string; count: number };

export type SearchResponse = {
  total: number;
  hits: { id: string; score: number }[];
  facets: {
    format: FacetValue[];
    language: FacetValue[];
    library: FacetValue[];
    subject: FacetValue[];
    author: FacetValue[];
    /** Over the results with every filter applied except the year range (multi-select, like the others). */
    year: { min: number | null; max: number | null; buckets: FacetValue[] /* by decade "1990" */ };
  };
  /** When the query finds little or nothing: the query with misspelled words corrected (same syntax). */
  didYouMean: string | null;
  /** Query terms as understood (for highlighting and "searched for"): folded words and phrases. */
  terms: string[];
  /** Words ignored because they are stop words (not required to match). */
  ignored?: string[];
  tookMs: number;
};

/** The largest page and the deepest result a search returns (offset + limit). */
export const MAX_LIMIT = 100;
export const MAX_WINDOW = 10_000;

export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}
