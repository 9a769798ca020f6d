import { z } from 'zod';
import { uuidSchema } from './common.ts';

/** Fields of the one search box (and of each advanced-search row). */
export const SEARCH_FIELD_VALUES = [
  'all',
  'title',
  'author',
  'subject',
  'isbn',
  'issn',
  'oclc',
  'publisher',
  'series',
] as const;
export const searchFieldSchema = z.enum(SEARCH_FIELD_VALUES);
export type SearchFieldName = z.infer<typeof searchFieldSchema>;

export const SEARCH_SORT_VALUES = ['relevance', 'newest', 'oldest', 'title'] as const;
export const searchSortSchema = z.enum(SEARCH_SORT_VALUES);

/** Results deeper than this are not served (narrow the search instead), as in every discovery layer. */
export const SEARCH_MAX_DEPTH = 10_000;

/** A facet filter may be repeated in the query string (?format=book&format=ebook): ORed within a facet. */
const repeated = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([item, z.array(item).max(50)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[])
    .optional();
const facetValue = z.string().min(1).max(300);
const year = z.coerce.number().int().min(-9999).max(9999);

export const searchQuerySchema = z
  .object({
    /** One-box syntax: words (ANDed), "phrases", AND / OR / NOT, -word, field:word, field:(…), word*. */
    q: z.string().max(1000).default(''),
    field: searchFieldSchema.default('all'),
    format: repeated(facetValue),
    language: repeated(facetValue),
    library: repeated(uuidSchema),
    subject: repeated(facetValue),
    author: repeated(facetValue),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    sort: searchSortSchema.default('relevance'),
    page: z.coerce.number().int().min(1).max(SEARCH_MAX_DEPTH).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchResultSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  author: z.string().nullable(),
  year: z.number().int().nullable(),
  format: z.string(),
  language: z.string().nullable(),
  electronic: z.boolean(),
  /** Libraries holding it: the headline of a union catalog result. */
  libraryCount: z.number().int(),
  recordCount: z.number().int(),
  publisher: z.string().nullable(),
  isbn: z.string().nullable(),
});

const facetValueSchema = z.object({
  value: z.string(),
  /** What to show: a library's name, a language's name; the value itself otherwise. */
  label: z.string(),
  count: z.number().int(),
  selected: z.boolean(),
});

export const searchResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  tookMs: z.number(),
  /** Words searched for as understood (stop words dropped), for "you searched for" and highlighting. */
  terms: z.array(z.string()),
  /** The query with misspellings corrected, when that finds (more) results. */
  didYouMean: z.string().nullable(),
  results: z.array(searchResultSchema),
  facets: z.object({
    format: z.array(facetValueSchema),
    language: z.array(facetValueSchema),
    library: z.array(facetValueSchema),
    subject: z.array(facetValueSchema),
    author: z.array(facetValueSchema),
    year: z.object({
      min: z.number().int().nullable(),
      max: z.number().int().nullable(),
      /** Decades: value "1990" counts 1990–1999. */
      buckets: z.array(z.object({ value: z.string(), count: z.number().int() })),
    }),
  }),
  /** The index is still being built after a restart: results may be incomplete. */
  indexing: z.object({ ready: z.boolean(), documents: z.number().int() }),
});
export type SearchResponseBody = z.infer<typeof searchResponseSchema>;

/** A labelled line of the record display (Title, Published, Subjects …): label key + values. */
export const displayLineSchema = z.object({
  key: z.enum([
    'title',
    'otherTitles',
    'authors',
    'edition',
    'published',
    'description',
    'series',
    'notes',
    'contents',
    'summary',
    'subjects',
    'isbn',
    'issn',
    'oclc',
    'lccn',
    'language',
    'format',
    'callNumbers',
    'online',
  ]),
  values: z.array(z.string()),
});

/** The record page: the display record's full display, and every holding library's items. */
export const recordPageSchema = z.object({
  clusterId: uuidSchema,
  title: z.string(),
  author: z.string().nullable(),
  year: z.number().int().nullable(),
  format: z.string(),
  language: z.string().nullable(),
  electronic: z.boolean(),
  displayRecordId: uuidSchema.nullable(),
  display: z.array(displayLineSchema),
  holdings: z.array(
    z.object({
      library: z.object({
        id: uuidSchema,
        name: z.string(),
        symbol: z.string(),
        city: z.string().nullable(),
      }),
      recordId: uuidSchema,
      items: z.array(
        z.object({
          location: z.string().nullable(),
          callNumber: z.string().nullable(),
          copies: z.number().int(),
        }),
      ),
    }),
  ),
});
export type RecordPage = z.infer<typeof recordPageSchema>;

/** MARC view of one member record: the leader and fields as catalogers read them. */
export const marcViewSchema = z.object({
  recordId: uuidSchema,
  library: z.object({ id: uuidSchema, name: z.string() }),
  leader: z.string(),
  fields: z.array(
    z.object({
      tag: z.string(),
      /** Control fields (00X) have a value and no indicators/subfields. */
      value: z.string().optional(),
      ind1: z.string().optional(),
      ind2: z.string().optional(),
      subfields: z.array(z.object({ code: z.string(), value: z.string() })).optional(),
    }),
  ),
});
export type MarcView = z.infer<typeof marcViewSchema>;
