import { sql } from 'drizzle-orm';
import type { AppContext } from '../../server/platform/context.ts';
import { CatalogSearchService, SearchFeed } from '../../server/modules/catalog/index.ts';
import { catalogClusters } from '../../server/modules/catalog/tables.ts';
import type { SearchQuery } from '../../shared/contracts/catalog-search.ts';
import type { DbKind } from './ingest.ts';

/**
 * Search latency on the catalogue the bench has just loaded, through the same service the API uses
 * (in-memory index + the result page's rows from the database + facets with library names): the index is
 * built from the database as an app node builds it at start, then a fixed mixed query set runs. The
 * baseline is what a database-only search costs on the same data, same run: a title scan
 * (`ILIKE '%word%'`, first 20 by holdings, plus the count) for the single-word queries.
 */
export type LoadedCatalog = {
  kind: DbKind;
  ctx: AppContext;
  records: number;
  clusters: number;
  libraryIds: Map<string, string>;
};

const ROUNDS = 15;
const CANDIDATES = [
  'history',
  'texas',
  'united',
  'states',
  'new',
  'music',
  'war',
  'children',
  'water',
  'art',
];
const CANDIDATES_RARE = ['saltgrass', 'caprock', 'ranching', 'armadillo', 'pecan', 'bluebonnet', 'mesquite'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function query(q: string, extra: Partial<SearchQuery> = {}): SearchQuery {
  return { q, field: 'all', sort: 'relevance', page: 1, pageSize: 20, ...extra };
}

export async function benchSearch(catalog: LoadedCatalog): Promise<void> {
  const { ctx } = catalog;
  const log = { info: () => undefined, warn: (o: object) => console.log('  search feed:', o) };
  const feed = new SearchFeed(ctx.db, log, 60_000);
  const started = performance.now();
  await feed.start();
  const buildSeconds = (performance.now() - started) / 1000;
  feed.stop();
  const memory = feed.index.memoryStats();
  const service = new CatalogSearchService(ctx, feed);
  const total = feed.index.size;
  console.log(
    `  search index built from the database: ${total.toLocaleString('en-US')} clusters in ` +
      `${buildSeconds.toFixed(1)} s (${Math.round(total / buildSeconds).toLocaleString('en-US')} docs/s), ` +
      `typed arrays ${Math.round((memory.postingsBytes + memory.streamBytes + memory.columnBytes) / 2 ** 20)} MiB ` +
      `(${memory.terms.toLocaleString('en-US')} terms, ${memory.postings.toLocaleString('en-US')} postings)`,
    );
  }
  all.sort((a, b) => a - b);

  const baseline: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (const s of [...rare, ...medium, ...common]) {
      const t0 = performance.now();
      const pattern = `%${s.w}%`;
      await ctx.db
        .select({ id: catalogClusters.id })
        .from(catalogClusters)
        .where(sql`${catalogClusters.title} ILIKE ${pattern}`)
        .orderBy(sql`${catalogClusters.libraryCount} DESC`)
        .limit(20);
      await ctx.db
        .select({ n: sql<number>`count(*)` })
        .from(catalogClusters)
        .where(sql`${catalogClusters.title} ILIKE ${pattern}`);
      baseline.push(performance.now() - t0);
    }
  }
  baseline.sort((a, b) => a - b);
  const ours = percentile(all, 50);
  const base = percentile(baseline, 50);
  console.log(
    `  search, all classes (${catalog.kind}, ${total.toLocaleString('en-US')} clusters): p50 ${ours.toFixed(1)} ms, ` +
      `p95 ${percentile(all, 95).toFixed(1)} ms (goal ≤ 50), worst ${all[all.length - 1]!.toFixed(1)} ms; ` +
      `baseline title scan without facets p50 ${base.toFixed(1)} ms, p95 ${percentile(baseline, 95).toFixed(1)} ms ` +
      `→ ${(base / ours).toFixed(1)}× faster with facets included`,
  );
}
