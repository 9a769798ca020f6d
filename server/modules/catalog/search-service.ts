import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  SEARCH_MAX_DEPTH,
  type MarcView,
  type RecordPage,
  type SearchQuery,
  type SearchResponseBody,
} from '../../../shared/contracts/catalog-search.ts';
import { displayLines } from './display.ts';
import { isControlField, type MarcRecord } from './marc/index.ts';
import type { SearchFeed } from './search-feed.ts';
import { QuerySyntaxError, type FacetValue } from './search/index.ts';
import * as sq from './search-queries.ts';

const FACET_VALUES = 20;
type FacetName = 'format' | 'language' | 'library' | 'subject' | 'author';
const FACETS: FacetName[] = ['format', 'language', 'library', 'subject', 'author'];

/** Public search over the union catalog and the record page; answers come from the in-memory index. */
export class CatalogSearchService {
  private readonly libraryNames = new Map<string, string>();

  constructor(
    private readonly ctx: AppContext,
    private readonly feed: SearchFeed,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  async search(query: SearchQuery): Promise<SearchResponseBody> {
    const offset = (query.page - 1) * query.pageSize;
    if (offset + query.pageSize > SEARCH_MAX_DEPTH) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'querystring.page',
          message: `Only the first ${SEARCH_MAX_DEPTH.toLocaleString('en-US')} results can be paged through; add words or filters to narrow the search.`,
        },
      ]);
    }
    if (query.yearFrom !== undefined && query.yearTo !== undefined && query.yearFrom > query.yearTo) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'querystring.yearFrom', message: 'The first year must not be after the last year.' },
      ]);
    }
    await this.feed.fresh();
    const filters = {
      format: query.format,
      language: query.language,
      library: query.library,
      subject: query.subject,
      author: query.author,
      yearFrom: query.yearFrom,
      yearTo: query.yearTo,
    };
    let found;
    try {
      found = this.feed.index.search({
        q: query.q,
        field: query.field,
        filters,
        sort: query.sort,
        offset,
        limit: query.pageSize,
        facetLimit: FACET_VALUES,
      });
    } catch (error) {
      if (!(error instanceof QuerySyntaxError)) throw error;
      throw new AppError('QUERY_SYNTAX', undefined, [
        { path: 'querystring.q', message: `${error.message} (at character ${error.position + 1})` },
      ]);
    }
    const ids = found.hits.map((h) => h.id);
    const rows = new Map((await sq.resultRows(this.db, ids)).map((r) => [r.id, r]));
    // A hit whose cluster vanished since the index last caught up is dropped rather than shown empty.
    const results = ids.flatMap((id) => (rows.has(id) ? [rows.get(id)!] : []));
    await this.learnLibraryNames(found.facets.library.map((f) => f.value));

    const facet = (name: FacetName, values: FacetValue[]) => {
      const selected = new Set<string>(filters[name] ?? []);
      const out = values.map((v) => ({
        value: v.value,
        label: name === 'library' ? (this.libraryNames.get(v.value) ?? v.value) : v.value,
        count: v.count,
        selected: selected.has(v.value),
      }));
      // A chosen value stays listed (to be removed) even when nothing matches it any more.
      for (const value of selected) {
        if (!out.some((o) => o.value === value)) {
          out.push({ value, label: this.libraryNames.get(value) ?? value, count: 0, selected: true });
        }
      }
      return out;
    };
    return {
      total: found.total,
      page: query.page,
      pageSize: query.pageSize,
      tookMs: found.tookMs,
      terms: found.terms,
      didYouMean: found.didYouMean,
      results,
      facets: {
        ...(Object.fromEntries(FACETS.map((name) => [name, facet(name, found.facets[name])])) as Record<
          FacetName,
          ReturnType<typeof facet>
        >),
        year: found.facets.year,
      },
      indexing: { ready: this.feed.isReady, documents: this.feed.index.size },
    };
  }

  private async learnLibraryNames(ids: string[]) {
    const unknown = ids.filter((id) => !this.libraryNames.has(id));
    for (const row of await sq.libraryNames(this.db, unknown)) this.libraryNames.set(row.id, row.name);
  }

  async display(clusterId: string): Promise<RecordPage> {
    const cluster = await sq.clusterForDisplay(this.db, clusterId);
    if (!cluster) throw notFound('This catalog record');
    const [marcRow, holdingRows] = await Promise.all([
      cluster.displayRecordId ? sq.recordMarc(this.db, cluster.displayRecordId) : null,
      sq.clusterHoldings(this.db, clusterId),
    ]);
    const holdings: RecordPage['holdings'] = [];
    for (const h of holdingRows) {
      let entry = holdings.find((e) => e.recordId === h.recordId);
      if (!entry) {
        entry = {
          library: { id: h.libraryId, name: h.libraryName, symbol: h.librarySymbol, city: h.city || null },
          recordId: h.recordId,
          items: [],
        };
        holdings.push(entry);
      }
      entry.items.push({ location: h.location, callNumber: h.callNumber, copies: h.copies });
    }
    return {
      clusterId: cluster.id,
      title: cluster.title,
      author: cluster.author,
      year: cluster.year,
      format: cluster.format,
      language: cluster.language,
      electronic: cluster.electronic,
      displayRecordId: cluster.displayRecordId,
      display: marcRow ? displayLines(marcRow.marc as MarcRecord, cluster.format) : [],
      holdings,
    };
  }

  async marc(recordId: string): Promise<MarcView> {
    const row = await sq.recordMarc(this.db, recordId);
    if (!row || row.status !== 'active') throw notFound('This MARC record');
    const record = row.marc as MarcRecord;
    return {
      recordId: row.id,
      library: { id: row.libraryId, name: row.libraryName },
      leader: record.leader,
      fields: record.fields.map((f) =>
        isControlField(f)
          ? { tag: f.tag, value: f.value }
          : { tag: f.tag, ind1: f.ind1, ind2: f.ind2, subfields: f.subfields },
      ),
    };
  }
}
