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

export type RecordRow = typeof catalogRecords.$inferInsert;
export type HoldingRow = typeof catalogHoldings.$inferInsert;
export type ClusterRow = typeof catalogClusters.$inferInsert;

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

/** jsonb refuses \u0000 (PostgreSQL text cannot hold NUL): a stray NUL in a record is dropped, not fatal. */
const json = (v: unknown) =>
  v === null || v === undefined ? null : JSON.stringify(v).replace(/(?<!\\)\\u0000/g, '');
const str = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined ? null : String(v);

/**
 * Inserts or updates a batch of records with one statement over unnest(): ~17 array parameters whatever
 * the batch size, instead of one parameter per value (the MARC and features are the bulk of a load's bytes).
 */
export async function upsertRecords(db: Db, rows: RecordRow[]) {
  if (rows.length === 0) return;
  const col = (f: (r: RecordRow) => string | null) => arrayLiteral(rows.map(f));
  await db.execute(sql`
    INSERT INTO catalog_records (id, library_id, control_source, control_number, status, marc, features,
      search_fields, content_hash, format, electronic, title, author, year, language, cluster_id, match_explanation, last_load_id)
    SELECT * FROM unnest(
      ${col((r) => r.id)}::uuid[], ${col((r) => r.libraryId)}::uuid[], ${col((r) => r.controlSource)}::text[],
      ${col((r) => r.controlNumber)}::text[], ${col((r) => r.status ?? 'active')}::text[],
      ${col((r) => json(r.marc))}::jsonb[], ${col((r) => json(r.features))}::jsonb[],
      ${col((r) => json(r.searchFields))}::jsonb[],
      ${col((r) => r.contentHash)}::text[], ${col((r) => r.format)}::text[], ${col((r) => str(r.electronic))}::boolean[],
      ${col((r) => r.title)}::text[], ${col((r) => str(r.author))}::text[], ${col((r) => str(r.year))}::smallint[],
      ${col((r) => str(r.language))}::text[], ${col((r) => str(r.clusterId))}::uuid[],
      ${col((r) => json(r.matchExplanation))}::jsonb[], ${col((r) => str(r.lastLoadId))}::uuid[])
    ON CONFLICT (id) DO UPDATE SET
      status = excluded.status, marc = excluded.marc, features = excluded.features,
      search_fields = excluded.search_fields,
      content_hash = excluded.content_hash, format = excluded.format, electronic = excluded.electronic,
      title = excluded.title, author = excluded.author, year = excluded.year, language = excluded.language,
      cluster_id = excluded.cluster_id, match_explanation = excluded.match_explanation,
      last_load_id = excluded.last_load_id, updated_at = now()`);
}

/** Blocking keys and holdings of changed records are replaced wholesale: simpler than diffing, same cost. */
export async function replaceKeysAndHoldings(
  db: Db,
  ids: string[],
  keys: { recordId: string; key: string }[],
  holdings: HoldingRow[],
) {
  if (ids.length === 0) return;
  await db.delete(catalogMatchKeys).where(anyOf(catalogMatchKeys.recordId, ids, 'uuid'));
  await db.delete(catalogHoldings).where(anyOf(catalogHoldings.recordId, ids, 'uuid'));
  if (keys.length) {
    await db.execute(sql`
      INSERT INTO catalog_match_keys (record_id, key)
      SELECT * FROM unnest(${arrayLiteral(keys.map((k) => k.recordId))}::uuid[],
        ${arrayLiteral(keys.map((k) => k.key))}::text[])
      ON CONFLICT DO NOTHING`);
  }
  for (const part of chunks(holdings, 2000)) await db.insert(catalogHoldings).values(part);
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

/** Active members of clusters; `full` adds what the display choice and summary need. */
export async function clusterMembers(db: Db, clusterIds: string[]) {
  if (clusterIds.length === 0) return [];
  return db
    .select({
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
    })
    .from(catalogRecords)
    .where(and(anyOf(catalogRecords.clusterId, clusterIds, 'uuid'), eq(catalogRecords.status, 'active')));
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

export async function upsertClusterSummaries(db: Db, rows: ClusterRow[]) {
  for (const part of chunks(rows, 2000)) {
    await db
      .insert(catalogClusters)
      .values(part)
      .onConflictDoUpdate({
        target: catalogClusters.id,
        set: {
          displayRecordId: sql`excluded.display_record_id`,
          displayReason: sql`excluded.display_reason`,
          title: sql`excluded.title`,
          author: sql`excluded.author`,
          year: sql`excluded.year`,
          language: sql`excluded.language`,
          format: sql`excluded.format`,
          electronic: sql`excluded.electronic`,
          libraryCount: sql`excluded.library_count`,
          recordCount: sql`excluded.record_count`,
          searchDoc: sql`excluded.search_doc`,
          updatedAt: sql`now()`,
        },
      });
  }
  await noteSearchChanges(
    db,
    rows.map((r) => r.id!),
  );
}

export async function deleteClusters(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(catalogClusters).where(anyOf(catalogClusters.id, ids, 'uuid'));
  await noteSearchChanges(db, ids);
}

/** Written in the same transaction as the change, so a search index never misses a committed one. */
async function noteSearchChanges(db: Db, clusterIds: string[]) {
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
