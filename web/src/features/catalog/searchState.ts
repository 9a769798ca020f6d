import {
  SEARCH_FIELD_LIST,
  SEARCH_SORT_LIST,
  type SearchField,
  type SearchRequest,
  type SearchSort,
} from '../../api/catalog.ts';

/**
 * The search lives in the address (/catalog?q=…&format=book&page=2): shareable, bookmarkable, and the back
 * button steps through earlier searches. These helpers read it and write it back.
 */
export const PAGE_SIZE = 20;
export const FACET_NAMES = ['format', 'language', 'library', 'subject', 'author'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export type SearchState = Omit<SearchRequest, 'pageSize'> & {
  /** The address asks for a search (has q, even empty, or a filter); otherwise the page shows the box only. */
  active: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

function year(value: string | null): number | undefined {
  if (value === null || !/^-?\d{1,4}$/.test(value.trim())) return undefined;
  return Number(value);
}

/** Distinct, non-empty values of a repeated parameter (at most 50, as the API accepts). */
const values = (params: URLSearchParams, name: string) =>
  [...new Set(params.getAll(name).map((v) => v.trim()))].filter((v) => v && v.length <= 300).slice(0, 50);

export function readSearchState(params: URLSearchParams): SearchState {
  const page = Number(params.get('page'));
  const state: SearchState = {
    q: (params.get('q') ?? '').slice(0, 1000),
    field: pick<SearchField>(params.get('field'), SEARCH_FIELD_LIST, 'all'),
    format: values(params, 'format'),
    language: values(params, 'language'),
    library: values(params, 'library').filter((v) => UUID.test(v)),
    subject: values(params, 'subject'),
    author: values(params, 'author'),
    yearFrom: year(params.get('yearFrom')),
    yearTo: year(params.get('yearTo')),
    sort: pick<SearchSort>(params.get('sort'), SEARCH_SORT_LIST, 'relevance'),
    page: Number.isInteger(page) && page > 0 ? Math.min(page, 500) : 1,
    active: false,
  };
  state.active = params.has('q') || hasFilters(state);
  return state;
}

export const hasFilters = (state: Omit<SearchState, 'active'>) =>
  FACET_NAMES.some((name) => state[name].length > 0) ||
  state.yearFrom !== undefined ||
  state.yearTo !== undefined;

/** The address of a search; defaults are left out so addresses stay short. */
export function searchHref(state: Omit<SearchState, 'active'>): string {
  const params = new URLSearchParams();
  params.set('q', state.q);
  if (state.field !== 'all') params.set('field', state.field);
  for (const name of FACET_NAMES) for (const value of state[name]) params.append(name, value);
  if (state.yearFrom !== undefined) params.set('yearFrom', String(state.yearFrom));
  if (state.yearTo !== undefined) params.set('yearTo', String(state.yearTo));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return `/catalog?${params.toString()}`;
}

/** A change of query or filters starts again at page 1. */
export const withChanges = (state: SearchState, changes: Partial<SearchState>): SearchState => ({
  ...state,
  page: 1,
  ...changes,
});

/** Adds or removes one facet value. */
export function toggleFacet(state: SearchState, name: FacetName, value: string): SearchState {
  const current = state[name];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return withChanges(state, { [name]: next });
}

/** A decade bucket ("1990") as a year range 1990–1999. */
export const decadeRange = (decade: string) => {
  const from = Number(decade);
  return { yearFrom: from, yearTo: from + 9 };
};

export type Chip = { name: FacetName | 'year'; value: string; without: SearchState };

/** Every filter in force, each with the search that results from removing it (for chips and "remove" links). */
export function activeFilters(state: SearchState): Chip[] {
  const chips: Chip[] = [];
  for (const name of FACET_NAMES) {
    for (const value of state[name]) {
      chips.push({ name, value, without: toggleFacet(state, name, value) });
    }
  }
  if (state.yearFrom !== undefined || state.yearTo !== undefined) {
    chips.push({
      name: 'year',
      value: `${state.yearFrom ?? ''}–${state.yearTo ?? ''}`,
      without: withChanges(state, { yearFrom: undefined, yearTo: undefined }),
    });
  }
  return chips;
}

export const withoutFilters = (state: SearchState): SearchState =>
  withChanges(state, {
    format: [],
    language: [],
    library: [],
    subject: [],
    author: [],
    yearFrom: undefined,
    yearTo: undefined,
  });

/** A cluster id, or a record page address that contains one (for merging by address). */
export const clusterIdIn = (text: string): string | undefined =>
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(text.trim())?.[0]?.toLowerCase();

/**
 * A search for a heading shown on a record page (an author or subject link): its words in that field, without
 * the relator term ("…, translator") or dates ("1962-"), which the heading's other records may not carry.
 */
export function headingQuery(field: 'author' | 'subject', heading: string): string {
  const withoutRelator = field === 'author' ? heading.replace(/,\s*[a-z][a-z\s]*\.?$/u, '') : heading;
  const words = withoutRelator
    .replace(/\b\d{3,4}\??-?(\d{3,4})?\b/g, ' ')
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter((w) => w && !['AND', 'OR', 'NOT'].includes(w));
  if (!words.length) return '';
  if (words.length === 1) return `${field}:${words[0]}`;
  // A subject heading's words belong together (a phrase); a name's may come in either order.
  return field === 'subject' ? `${field}:"${words.join(' ')}"` : `${field}:(${words.join(' ')})`;
}
