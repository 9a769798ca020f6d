import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { catalogClusters, catalogHoldings, catalogRecords, catalogSearchChanges } from './tables.ts';

/** SQL of the search index feed, the result rows and the record page (the load's SQL is elsewhere). */

export async function latestChange(db: Db): Promise<number> {
  const [row] = await db
    .select({ seq: sql<string | null>`max(${catalogSearchChanges.seq})` })
    .from(catalogSearchChanges);
  return Number(row?.seq ?? 0);
}

/** A page of search documents in id order (keyset paging, so a 1M-cluster boot never uses OFFSET). */
export async function searchDocsAfter(db: Db, afterId: string | null, limit: number) {
  return db
    .select({ id: catalogClusters.id, doc: catalogClusters.searchDoc })
    .from(catalogClusters)
    .where(afterId ? gt(catalogClusters.id, afterId) : undefined)
    .orderBy(asc(catalogClusters.id))
    .limit(limit);
}

/** Changes after `seq`, plus any of the listed earlier sequence numbers that have committed since. */
export async function changesSince(db: Db, seq: number, gaps: number[], limit: number) {
  const after = gt(catalogSearchChanges.seq, seq);
  const where = gaps.length ? sql`(${after} OR ${inArray(catalogSearchChanges.seq, gaps)})` : after;
  return db
    .select({ seq: catalogSearchChanges.seq, clusterId: catalogSearchChanges.clusterId })
    .from(catalogSearchChanges)
    .where(where)
    .orderBy(asc(catalogSearchChanges.seq))
    .limit(limit);
}

export async function searchDocsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: catalogClusters.id, doc: catalogClusters.searchDoc })
    .from(catalogClusters)
    .where(inArray(catalogClusters.id, ids));
}

/** Every node has long applied entries this old; a node that was down that long rebuilds from scratch. */
export async function pruneChanges(db: Db, olderThanHours: number) {
  await db.execute(
    sql`DELETE FROM catalog_search_changes WHERE changed_at < now() - make_interval(hours => ${olderThanHours})`,
  );
}

/** The rows a result list shows, for one page of hits. */
export async function resultRows(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: catalogClusters.id,
      title: catalogClusters.title,
      author: catalogClusters.author,
      year: catalogClusters.year,
      format: catalogClusters.format,
      language: catalogClusters.language,
      electronic: catalogClusters.electronic,
      libraryCount: catalogClusters.libraryCount,
      recordCount: catalogClusters.recordCount,
      publisher: sql<string | null>`${catalogClusters.searchDoc} -> 'publishers' ->> 0`,
      isbn: sql<string | null>`${catalogClusters.searchDoc} -> 'isbns' ->> 0`,
    })
    .from(catalogClusters)
    .where(inArray(catalogClusters.id, ids));
}

export async function libraryNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
}

export async function clusterForDisplay(db: Db, id: string) {
  const [row] = await db
    .select({
      id: catalogClusters.id,
      title: catalogClusters.title,
      author: catalogClusters.author,
      year: catalogClusters.year,
      format: catalogClusters.format,
      language: catalogClusters.language,
      electronic: catalogClusters.electronic,
      displayRecordId: catalogClusters.displayRecordId,
    })
    .from(catalogClusters)
    .where(eq(catalogClusters.id, id));
  return row ?? null;
}

export async function recordMarc(db: Db, id: string) {
  const [row] = await db
    .select({
      id: catalogRecords.id,
      status: catalogRecords.status,
      marc: catalogRecords.marc,
      libraryId: catalogRecords.libraryId,
      libraryName: organizations.name,
    })
    .from(catalogRecords)
    .innerJoin(organizations, eq(organizations.id, catalogRecords.libraryId))
    .where(eq(catalogRecords.id, id));
  return row ?? null;
}

/** Holding libraries of a cluster with their items, one row per item, libraries by name. */
export async function clusterHoldings(db: Db, clusterId: string) {
  return db
    .select({
      recordId: catalogRecords.id,
      libraryId: organizations.id,
      libraryName: organizations.name,
      librarySymbol: organizations.symbol,
      city: organizations.city,
      location: catalogHoldings.location,
      callNumber: catalogHoldings.callNumber,
      copies: catalogHoldings.copies,
    })
    .from(catalogRecords)
    .innerJoin(organizations, eq(organizations.id, catalogRecords.libraryId))
    .innerJoin(catalogHoldings, eq(catalogHoldings.recordId, catalogRecords.id))
    .where(and(eq(catalogRecords.clusterId, clusterId), eq(catalogRecords.status, 'active')))
    .orderBy(asc(organizations.name), asc(catalogHoldings.location), asc(catalogHoldings.callNumber));
}
