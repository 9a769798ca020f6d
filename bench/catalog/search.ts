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

  // Classify candidate words by how many clusters they match, so the set has rare, medium and broad terms.
  const sized = [];
  for (const w of [...CANDIDATES, ...CANDIDATES_RARE]) {
    sized.push({ w, n: feed.index.search({ q: w, limit: 1, facetLimit: 1 }).total });
  }
  const present = sized.filter((s) => s.n > 0).sort((a, b) => a.n - b.n);
  const rare = present.filter((s) => s.n / total < 0.002).slice(0, 2);
  const common = present.filter((s) => s.n / total >= 0.1).slice(-3);
  const medium = present.filter((s) => !rare.includes(s) && !common.includes(s)).slice(0, 3);
  const [sample] = await ctx.db
    .select({
      title: catalogClusters.title,
      isbn: sql<string | null>`${catalogClusters.searchDoc} -> 'isbns' ->> 0`,
    })
    .from(catalogClusters)
    .where(
      sql`${catalogClusters.searchDoc} -> 'isbns' ->> 0 IS NOT NULL AND ${catalogClusters.libraryCount} > 1`,
    )
    .limit(1);
  const titleWords = (sample?.title ?? 'history of texas')
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length > 3);
  const library = [...catalog.libraryIds.values()][0]!;
  const broad = common[common.length - 1]?.w ?? 'history';
  const classes: [string, SearchQuery[]][] = [
    ['rare word', rare.map((s) => query(s.w))],
    ['medium word', medium.map((s) => query(s.w))],
    ['very common word', common.map((s) => query(s.w))],
    ['two words', [query(`${broad} ${medium[0]?.w ?? 'music'}`), query(titleWords.slice(0, 2).join(' '))]],
    ['phrase', [query(`"${titleWords.slice(0, 2).join(' ')}"`)]],
    ['fielded', [query(`title:${titleWords[0] ?? 'history'}`), query(`subject:${broad}`)]],
    ['ISBN', sample?.isbn ? [query(sample.isbn, { field: 'isbn' })] : []],
    [
      'broad + facets',
      [query(broad, { format: ['book'], library: [library], yearFrom: 1990, yearTo: 2020 })],
    ],
  ];
  console.log(
    `  query words by clusters matched: ${present.map((s) => `${s.w} ${((100 * s.n) / total).toFixed(1)} %`).join(', ')}`,
  );
  const all: number[] = [];
  for (const [name, queries] of classes) {
    if (queries.length === 0) continue;
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of queries) {
        const t0 = performance.now();
        await service.search(q);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    console.log(
      `  search ${name.padEnd(18)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  ` +
        `p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  (${queries.map((q) => q.q).join(' | ')})`,
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
