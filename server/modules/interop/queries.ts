import { and, eq, inArray } from 'drizzle-orm';
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
