import { and, asc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { catalogClusters, catalogHoldings, catalogRecords } from '../catalog/tables.ts';

/** Library ids for symbols (unknown symbols are simply absent). */
export async function librariesBySymbol(db: Db, symbols: string[]) {
  if (symbols.length === 0) return [];
  return db
    .select({ id: organizations.id, symbol: organizations.symbol })
    .from(organizations)
    .where(and(eq(organizations.kind, 'library'), inArray(organizations.symbol, symbols)));
}

/** The display record of each cluster, in the order asked. */
export async function displayRecords(db: Db, clusterIds: string[]) {
  if (clusterIds.length === 0) return [];
  const rows = await db
    .select({ clusterId: catalogClusters.id, recordId: catalogRecords.id, marc: catalogRecords.marc })
    .from(catalogClusters)
    .innerJoin(catalogRecords, eq(catalogRecords.id, catalogClusters.displayRecordId))
    .where(inArray(catalogClusters.id, clusterIds));
  const byId = new Map(rows.map((r) => [r.clusterId, r]));
  return clusterIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Holdings of active records in the clusters, with the holding library's symbol (for 852s). */
export async function clusterHoldings(db: Db, clusterIds: string[]) {
  if (clusterIds.length === 0) return [];
  return db
    .select({
      clusterId: catalogRecords.clusterId,
      symbol: organizations.symbol,
      location: catalogHoldings.location,
      callNumber: catalogHoldings.callNumber,
    })
    .from(catalogHoldings)
    .innerJoin(catalogRecords, eq(catalogRecords.id, catalogHoldings.recordId))
    .innerJoin(organizations, eq(organizations.id, catalogHoldings.libraryId))
    .where(and(inArray(catalogRecords.clusterId, clusterIds), eq(catalogRecords.status, 'active')))
    .orderBy(organizations.symbol);
}

/**
 * One page of library records for OAI-PMH, in id order after `afterId` (a stateless keyset cursor). The
 * page is read from the records alone (primary-key order, so each page costs the same however deep the
 * harvest is) and the libraries' symbols are looked up for that page only.
 */
export async function oaiRecords(
  db: Db,
  o: { libraryId?: string; from?: Date; until?: Date; afterId?: string; recordId?: string; limit: number },
) {
  const conditions = [];
  if (o.libraryId) conditions.push(eq(catalogRecords.libraryId, o.libraryId));
  if (o.from) conditions.push(gte(catalogRecords.updatedAt, o.from));
  if (o.until) conditions.push(lt(catalogRecords.updatedAt, o.until));
  if (o.afterId) conditions.push(gt(catalogRecords.id, o.afterId));
  if (o.recordId) conditions.push(eq(catalogRecords.id, o.recordId));
  const rows = await db
    .select({
      id: catalogRecords.id,
      status: catalogRecords.status,
      updatedAt: catalogRecords.updatedAt,
      marc: catalogRecords.marc,
      libraryId: catalogRecords.libraryId,
    })
    .from(catalogRecords)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(catalogRecords.id))
    .limit(o.limit);
  const libraryIds = [...new Set(rows.map((r) => r.libraryId))];
  const symbols = new Map(
    libraryIds.length
      ? (
          await db
            .select({ id: organizations.id, symbol: organizations.symbol })
            .from(organizations)
            .where(inArray(organizations.id, libraryIds))
        ).map((l) => [l.id, l.symbol])
      : [],
  );
  return rows.map(({ libraryId, ...r }) => ({ ...r, symbol: symbols.get(libraryId) ?? '' }));
}

/** Libraries that have catalog records (the OAI sets). */
export async function librariesWithRecords(db: Db) {
  return db
    .selectDistinct({ symbol: organizations.symbol, name: organizations.name })
    .from(organizations)
    .innerJoin(catalogRecords, eq(catalogRecords.libraryId, organizations.id))
    .orderBy(organizations.symbol);
}

/** The earliest datestamp in the repository. */
export async function earliestUpdate(db: Db) {
  const [row] = await db
    .select({ at: sql<string | null>`min(${catalogRecords.updatedAt})` })
    .from(catalogRecords);
  return row?.at ? new Date(row.at) : new Date(0);
}

/** Browse terms for SRU scan: display titles or main authors of searchable clusters, with counts. */
export async function scanTerms(
  db: Db,
  column: 'title' | 'author',
  from: string,
  direction: 'up' | 'down',
  limit: number,
) {
  const col = column === 'title' ? catalogClusters.title : catalogClusters.author;
  const term = sql`lower(${col}) COLLATE "C"`;
  const rows = await db
    .select({ value: sql<string>`${term}`, count: sql<number>`count(*)::int` })
    .from(catalogClusters)
    .where(
      and(
        sql`${catalogClusters.searchDoc} IS NOT NULL`,
        sql`${col} IS NOT NULL AND ${col} <> ''`,
        direction === 'up' ? sql`${term} >= ${from}` : sql`${term} < ${from}`,
      ),
    )
    .groupBy(term)
    .orderBy(direction === 'up' ? sql`1 ASC` : sql`1 DESC`)
    .limit(limit);
  return direction === 'up' ? rows : rows.reverse();
}
