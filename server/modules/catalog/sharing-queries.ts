import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { normalizeIsbn, normalizeIssn, normalizeOclc } from './dedup/index.ts';
import { catalogClusters, catalogHoldings, catalogMatchKeys, catalogRecords } from './tables.ts';

/**
 * What resource sharing reads from the union catalog: a cluster's summary, the libraries holding it with
 * their items, and clusters found by ISBN / ISSN / OCLC number (through the blocking keys, which are indexed).
 */
export async function clusterSummary(db: Db, clusterId: string) {
  const [row] = await db
    .select({
      id: catalogClusters.id,
      title: catalogClusters.title,
      author: catalogClusters.author,
      year: catalogClusters.year,
      format: catalogClusters.format,
      libraryCount: catalogClusters.libraryCount,
    })
    .from(catalogClusters)
    .where(eq(catalogClusters.id, clusterId));
  return row ?? null;
}

/** One row per item (holding) of an active record of the cluster, with the holding library. */
export async function clusterHoldings(db: Db, clusterId: string) {
  return db
    .select({
      libraryId: catalogRecords.libraryId,
      recordId: catalogRecords.id,
      format: catalogRecords.format,
      location: catalogHoldings.location,
      callNumber: catalogHoldings.callNumber,
      copies: catalogHoldings.copies,
    })
    .from(catalogRecords)
    .leftJoin(catalogHoldings, eq(catalogHoldings.recordId, catalogRecords.id))
    .where(and(eq(catalogRecords.clusterId, clusterId), eq(catalogRecords.status, 'active')))
    .orderBy(asc(catalogRecords.libraryId));
}

const RECORD_FORMATS = [
  'book',
  'article',
  'serial',
  'score',
  'map',
  'video',
  'image',
  'music',
  'audio',
  'kit',
  'mixed',
  'object',
];
const ALL_FORMATS = [
  ...RECORD_FORMATS,
  ...RECORD_FORMATS.map((f) => 'e' + f),
  ...RECORD_FORMATS.map((f) => f + '-microform'),
  'software',
];

/** Blocking keys carry the format first ("book|isbn:…"): ask for the identifier under every format. */
export function identifierKeys(id: { isbn?: string; issn?: string; oclc?: string }): string[] {
  const keys: string[] = [];
  const isbn = id.isbn ? normalizeIsbn(id.isbn) : undefined;
  const oclc = id.oclc ? normalizeOclc(id.oclc, false) : undefined;
  const issn = id.issn ? normalizeIssn(id.issn) : undefined;
  for (const f of ALL_FORMATS) {
    if (isbn) keys.push(`${f}|isbn:${isbn}`);
    if (oclc) keys.push(`${f}|oclc:${oclc}`);
  }
  if (issn) for (const f of ['serial', 'eserial', 'serial-microform']) keys.push(`${f}|issn:${issn}`);
  return keys;
}

export async function clustersByIdentifier(db: Db, id: { isbn?: string; issn?: string; oclc?: string }) {
  const keys = identifierKeys(id);
  if (!keys.length) return [];
  const literal = `{${keys.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`;
  return db
    .selectDistinct({
      clusterId: catalogClusters.id,
      title: catalogClusters.title,
      author: catalogClusters.author,
      year: catalogClusters.year,
      format: catalogClusters.format,
      libraryCount: catalogClusters.libraryCount,
    })
    .from(catalogMatchKeys)
    .innerJoin(catalogRecords, eq(catalogRecords.id, catalogMatchKeys.recordId))
    .innerJoin(catalogClusters, eq(catalogClusters.id, catalogRecords.clusterId))
    .where(sql`${catalogMatchKeys.key} = ANY(${literal}::text[])`)
    .limit(20);
}
