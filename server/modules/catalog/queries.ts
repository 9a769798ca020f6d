import { and, asc, eq, isNotNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import {
  catalogClusters,
  catalogDecisions,
  catalogHoldings,
  catalogMatchKeys,
  catalogRecords,
} from './tables.ts';

/** Multi-row statements are cut so no statement exceeds PostgreSQL's 65,535 bind parameters. */
function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** A PostgreSQL array literal, so a whole list travels as ONE bind parameter (on both drivers). */
function arrayLiteral(values: readonly (string | null)[]) {
  const items = values.map((v) =>
    v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}

/** `column = ANY($1::type[])`: a batch's thousands of ids or keys cost one parameter, not thousands. */
function anyOf(column: SQLWrapper, values: readonly string[], type: 'uuid' | 'text') {
  const literal = arrayLiteral(values);
  return type === 'uuid'
    ? sql`${column} = ANY(${literal}::uuid[])`
    : sql`${column} = ANY(${literal}::text[])`;
}

// ——— Records ———

/** The library's current rows for the control numbers of one batch (one query per batch). */
export async function findByControlNumbers(db: Db, libraryId: string, numbers: string[]) {
  if (numbers.length === 0) return [];
  return db
    .select({
      id: catalogRecords.id,
      controlSource: catalogRecords.controlSource,
      controlNumber: catalogRecords.controlNumber,
      contentHash: catalogRecords.contentHash,
      status: catalogRecords.status,
      clusterId: catalogRecords.clusterId,
    })
    .from(catalogRecords)
    .where(
      and(eq(catalogRecords.libraryId, libraryId), anyOf(catalogRecords.controlNumber, numbers, 'text')),
    );
}

/** Blocking keys and holdings of changed records are replaced wholesale: simpler than diffing, same cost. */
export async function clearKeysAndHoldings(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(catalogMatchKeys).where(anyOf(catalogMatchKeys.recordId, ids, 'uuid'));
  await db.delete(catalogHoldings).where(anyOf(catalogHoldings.recordId, ids, 'uuid'));
}

/** Full replace needs to know which records this load saw, unchanged ones included. */
export async function markSeen(db: Db, ids: string[], loadId: string) {
  if (ids.length === 0) return;
  await db
    .update(catalogRecords)
    .set({ lastLoadId: loadId })
    .where(anyOf(catalogRecords.id, ids, 'uuid'));
}

/** Withdraws records: they leave their cluster and stop being candidates. Returns the clusters they left. */
export async function withdrawRecords(db: Db, ids: string[], loadId: string | null) {
  const left = new Set<string>();
  for (const part of chunks(ids, 5000)) {
    const rows = await db
      .select({ clusterId: catalogRecords.clusterId })
      .from(catalogRecords)
      .where(and(anyOf(catalogRecords.id, part, 'uuid'), isNotNull(catalogRecords.clusterId)));
    for (const r of rows) left.add(r.clusterId!);
    await db
      .update(catalogRecords)
      .set({
        status: 'withdrawn',
        clusterId: null,
        matchExplanation: null,
        updatedAt: sql`now()`,
        ...(loadId ? { lastLoadId: loadId } : {}),
      })
      .where(anyOf(catalogRecords.id, part, 'uuid'));
    await db.delete(catalogMatchKeys).where(anyOf(catalogMatchKeys.recordId, part, 'uuid'));
  }
  return [...left];
}

/** Active records of the library that the given load did not see (full replace). */
export async function recordsNotSeen(db: Db, libraryId: string, loadId: string) {
  const rows = await db
    .select({ id: catalogRecords.id })
    .from(catalogRecords)
    .where(
      and(
        eq(catalogRecords.libraryId, libraryId),
        eq(catalogRecords.status, 'active'),
        sql`${catalogRecords.lastLoadId} IS DISTINCT FROM ${loadId}`,
      ),
    );
  return rows.map((r) => r.id);
}

// ——— Clustering lookups (one query each per batch) ———

/** Active clustered records sharing any of the keys, with the key that found them (features separately). */
export async function candidatesByKeys(db: Db, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .select({
      key: catalogMatchKeys.key,
      id: catalogRecords.id,
      library: catalogRecords.libraryId,
      clusterId: catalogRecords.clusterId,
      contentHash: catalogRecords.contentHash,
    })
    .from(catalogMatchKeys)
    .innerJoin(catalogRecords, eq(catalogRecords.id, catalogMatchKeys.recordId))
    .where(
      and(
        anyOf(catalogMatchKeys.key, keys, 'text'),
        eq(catalogRecords.status, 'active'),
        isNotNull(catalogRecords.clusterId),
      ),
    );
}

/** Staff decisions naming any of the records, oldest first (later decisions override earlier ones). */
export async function decisionsAbout(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(catalogDecisions)
    .where(or(anyOf(catalogDecisions.recordA, ids, 'uuid'), anyOf(catalogDecisions.recordB, ids, 'uuid')))
    .orderBy(asc(catalogDecisions.createdAt), asc(catalogDecisions.id));
}

export async function insertDecision(db: Db, row: typeof catalogDecisions.$inferInsert) {
  await db.insert(catalogDecisions).values(row);
}

/** What choosing a cluster's display record and writing its summary and search document need. */
const summaryColumns = {
  id: catalogRecords.id,
  library: catalogRecords.libraryId,
  clusterId: catalogRecords.clusterId,
  features: catalogRecords.features,
  searchFields: catalogRecords.searchFields,
  title: catalogRecords.title,
  author: catalogRecords.author,
  year: catalogRecords.year,
  language: catalogRecords.language,
  format: catalogRecords.format,
  electronic: catalogRecords.electronic,
};

/** Active members of clusters, with the summary columns. */
export async function clusterMembers(db: Db, clusterIds: string[]) {
  if (clusterIds.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(catalogRecords)
    .where(and(anyOf(catalogRecords.clusterId, clusterIds, 'uuid'), eq(catalogRecords.status, 'active')));
}

/** The summary columns of the given active records (members a batch did not touch). */
export async function memberInfo(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(catalogRecords)
    .where(and(anyOf(catalogRecords.id, ids, 'uuid'), eq(catalogRecords.status, 'active')));
}

export async function featuresOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: catalogRecords.id,
      contentHash: catalogRecords.contentHash,
      features: catalogRecords.features,
    })
    .from(catalogRecords)
    .where(anyOf(catalogRecords.id, ids, 'uuid'));
}

/** Who is in which cluster (the one-record-per-library rule needs no more). */
export async function clusterMembership(db: Db, clusterIds: string[]) {
  if (clusterIds.length === 0) return [];
  return db
    .select({ id: catalogRecords.id, library: catalogRecords.libraryId, clusterId: catalogRecords.clusterId })
    .from(catalogRecords)
    .where(and(anyOf(catalogRecords.clusterId, clusterIds, 'uuid'), eq(catalogRecords.status, 'active')));
}

/** Record id → cluster id, for staff merges naming records outside the candidate set. */
export async function clustersOfRecords(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: catalogRecords.id, clusterId: catalogRecords.clusterId })
    .from(catalogRecords)
    .where(and(anyOf(catalogRecords.id, ids, 'uuid'), eq(catalogRecords.status, 'active')));
}

export async function insertClusters(db: Db, ids: string[]) {
  for (const part of chunks(ids, 5000)) {
    await db.insert(catalogClusters).values(part.map((id) => ({ id })));
  }
}

export async function deleteClusters(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(catalogClusters).where(anyOf(catalogClusters.id, ids, 'uuid'));
}

/**
 * Every cluster whose search document changed or that was deleted, written in the same transaction as the
 * change (so a search index never misses a committed one) and last in it (so the sequence numbers are
 * handed out shortly before the commit that makes them visible).
 */
export async function noteSearchChanges(db: Db, clusterIds: string[]) {
  if (clusterIds.length === 0) return;
  await db.execute(
    sql`INSERT INTO catalog_search_changes (cluster_id) SELECT unnest(${arrayLiteral(clusterIds)}::uuid[])`,
  );
}

export async function moveRecords(db: Db, ids: string[], clusterId: string, explanation: unknown) {
  await db
    .update(catalogRecords)
    .set({ clusterId, matchExplanation: explanation, updatedAt: sql`now()` })
    .where(anyOf(catalogRecords.id, ids, 'uuid'));
}

// ——— Cluster page ———

export async function findCluster(db: Db, id: string) {
  const [row] = await db.select().from(catalogClusters).where(eq(catalogClusters.id, id));
  return row ?? null;
}

export async function clusterPageMembers(db: Db, clusterId: string) {
  return db
    .select({
      id: catalogRecords.id,
      libraryId: catalogRecords.libraryId,
      libraryName: organizations.name,
      librarySymbol: organizations.symbol,
      controlSource: catalogRecords.controlSource,
      controlNumber: catalogRecords.controlNumber,
      title: catalogRecords.title,
      author: catalogRecords.author,
      year: catalogRecords.year,
      format: catalogRecords.format,
      matchExplanation: catalogRecords.matchExplanation,
    })
    .from(catalogRecords)
    .innerJoin(organizations, eq(organizations.id, catalogRecords.libraryId))
    .where(and(eq(catalogRecords.clusterId, clusterId), eq(catalogRecords.status, 'active')))
    .orderBy(asc(organizations.name), asc(catalogRecords.controlNumber));
}

export async function holdingsOf(db: Db, recordIds: string[]) {
  if (recordIds.length === 0) return [];
  return db
    .select()
    .from(catalogHoldings)
    .where(anyOf(catalogHoldings.recordId, recordIds, 'uuid'))
    .orderBy(asc(catalogHoldings.location), asc(catalogHoldings.callNumber));
}

export * from './load-queries.ts';
export * from './write-queries.ts';

/**
 * Placing records into clusters reads candidates and then writes on what it read: two transactions doing it
 * at once (loads of two libraries on two app nodes, or a staff merge during a load) would each miss the
 * other's records and leave the same manifestation in two clusters. Every placing transaction takes this
 * lock first, so they run one after another (a single node's job queue already runs loads one at a time).
 */
export async function lockClusterPlacement(tx: Db) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('amigos.catalog.cluster-placement'))`);
}
