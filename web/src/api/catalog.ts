import type { z } from 'zod';
import type {
  ClusterView,
  Load,
  LOAD_FORMAT_VALUES,
  LOAD_MODE_VALUES,
  clusterMemberSchema,
  splitResultSchema,
} from '../../../shared/contracts/catalog.ts';
import type {
  MarcView,
  RecordPage,
  SEARCH_FIELD_VALUES,
  SEARCH_SORT_VALUES,
  SearchResponseBody,
} from '../../../shared/contracts/catalog-search.ts';
import { ApiError, api, currentCsrfToken, toError, type Page } from './client.ts';

export type { ClusterView, Load, MarcView, RecordPage, SearchResponseBody };
export type ClusterMember = z.infer<typeof clusterMemberSchema>;
export type SplitResult = z.infer<typeof splitResultSchema>;
export type SearchResult = SearchResponseBody['results'][number];
export type FacetValue = SearchResponseBody['facets']['format'][number];

/** The contract's value lists, repeated so the browser bundle does not carry zod (checked below). */
export const SEARCH_FIELD_LIST = [
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
export const SEARCH_SORT_LIST = ['relevance', 'newest', 'oldest', 'title'] as const;
export const LOAD_MODE_LIST = ['add_update', 'delete', 'replace'] as const;
export const LOAD_FORMAT_LIST = ['auto', 'iso2709', 'marcxml', 'marc-json'] as const;
export type SearchField = (typeof SEARCH_FIELD_LIST)[number];
export type SearchSort = (typeof SEARCH_SORT_LIST)[number];
export type LoadMode = (typeof LOAD_MODE_LIST)[number];
export type LoadFormat = (typeof LOAD_FORMAT_LIST)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameLists: [
  Same<SearchField, (typeof SEARCH_FIELD_VALUES)[number]>,
  Same<SearchSort, (typeof SEARCH_SORT_VALUES)[number]>,
  Same<LoadMode, (typeof LOAD_MODE_VALUES)[number]>,
  Same<LoadFormat, (typeof LOAD_FORMAT_VALUES)[number]>,
] = [true, true, true, true];
void sameLists;

/** One rejected record of a load. */
export type LoadProblem = {
  recordNumber: number;
  byteOffset: number;
  controlNumber: string | null;
  reason: string;
};

export type LoadUpload = {
  file: File;
  mode: LoadMode;
  format: LoadFormat;
  holdingsTag?: string;
};

const enc = encodeURIComponent;
const loads = (libraryId: string) => `/libraries/${enc(libraryId)}/catalog/loads`;

/**
 * Sends a file with XMLHttpRequest, the one browser API that reports upload progress; `onProgress` gets the
 * share of bytes sent (0–1). Errors become ApiError exactly as in client.ts.
 */
function uploadWithProgress<T>(
  path: string,
  body: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as T);
        return;
      }
      const headers = { 'content-type': xhr.getResponseHeader('content-type') ?? 'text/plain' };
      toError(new Response(xhr.responseText || null, { status: xhr.status, headers })).then(reject, reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The server could not be reached.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Facet filters and the rest of a search, as sent to GET /catalog/search (repeatable filters). */
export type SearchRequest = {
  q: string;
  field: SearchField;
  format: string[];
  language: string[];
  library: string[];
  subject: string[];
  author: string[];
  yearFrom?: number;
  yearTo?: number;
  sort: SearchSort;
  page: number;
  pageSize: number;
};

export function searchParamsOf(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  params.set('q', request.q);
  if (request.field !== 'all') params.set('field', request.field);
  for (const name of ['format', 'language', 'library', 'subject', 'author'] as const) {
    for (const value of request[name]) params.append(name, value);
  }
  if (request.yearFrom !== undefined) params.set('yearFrom', String(request.yearFrom));
  if (request.yearTo !== undefined) params.set('yearTo', String(request.yearTo));
  if (request.sort !== 'relevance') params.set('sort', request.sort);
  params.set('page', String(request.page));
  params.set('pageSize', String(request.pageSize));
  return params;
}

export const catalogApi = {
  search: (request: SearchRequest, signal?: AbortSignal) =>
    api.get<SearchResponseBody>(`/catalog/search?${searchParamsOf(request).toString()}`, undefined, signal),
  recordPage: (clusterId: string, signal?: AbortSignal) =>
    api.get<RecordPage>(`/catalog/clusters/${enc(clusterId)}/display`, undefined, signal),
  cluster: (clusterId: string, signal?: AbortSignal) =>
    api.get<ClusterView>(`/catalog/clusters/${enc(clusterId)}`, undefined, signal),
  marc: (recordId: string, signal?: AbortSignal) =>
    api.get<MarcView>(`/catalog/records/${enc(recordId)}/marc`, undefined, signal),
  split: (clusterId: string, recordId: string, note?: string) =>
    api.post<SplitResult>(`/catalog/clusters/${enc(clusterId)}/split`, { recordId, note: note || undefined }),
  merge: (clusterA: string, clusterB: string, note?: string) =>
    api.post<ClusterView>('/catalog/clusters/merge', { clusterA, clusterB, note: note || undefined }),

  loads: (libraryId: string, query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Page<Load>>(loads(libraryId), query, signal),
  load: (libraryId: string, loadId: string, signal?: AbortSignal) =>
    api.get<Load>(`${loads(libraryId)}/${enc(loadId)}`, undefined, signal),
  problems: (libraryId: string, loadId: string, signal?: AbortSignal) =>
    api.get<{ items: LoadProblem[] }>(`${loads(libraryId)}/${enc(loadId)}/problems`, undefined, signal),
  problemsCsvHref: (libraryId: string, loadId: string) =>
    `/api/v1${loads(libraryId)}/${enc(loadId)}/problems.csv`,
  upload: (
    libraryId: string,
    upload: LoadUpload,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal,
  ) => {
    const body = new FormData();
    // Text fields first: the server reads the parts in order and the file is streamed last.
    body.append('mode', upload.mode);
    body.append('format', upload.format);
    if (upload.holdingsTag) body.append('holdingsTag', upload.holdingsTag);
    body.append('file', upload.file, upload.file.name);
    return uploadWithProgress<Load>(loads(libraryId), body, onProgress, signal);
  },
};
