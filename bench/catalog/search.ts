import type { AppContext } from '../../server/platform/context.ts';
import type { DbKind } from './ingest.ts';

/**
 * SEARCH LATENCY HOOK. The catalogue search engine is being written separately; once it has a public entry
 * point, this function measures it on the catalogue the bench has just loaded (it runs after ingest, before
 * the database is closed): e.g. two-word queries drawn from the generator's vocabulary, p50 / p95 / worst,
 * beside a same-run baseline. Until then it measures nothing and says so — no figure is printed.
 * To work on it against a loaded catalogue without reloading: BENCH_CATALOG_KEEP=1 leaves the PostgreSQL
 * database amigos_bench_catalog (or the PGlite data directory, whose path is printed) in place.
 */
export type LoadedCatalog = {
  kind: DbKind;
  ctx: AppContext;
  records: number;
  clusters: number;
  libraryIds: Map<string, string>;
};

export async function benchSearch(catalog: LoadedCatalog): Promise<void> {
  console.log(`  search latency (${catalog.kind}): not measured yet — see bench/catalog/search.ts`);
}
