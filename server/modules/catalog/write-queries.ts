import type { Db } from '../../platform/db/client.ts';

/**
 * The bulk writes of a load batch (records, keys, holdings, cluster summaries). They are the load's hot
 * path, so each is one statement per batch (or per few thousand rows) built without an ORM row object per
 * value.
 */

type Column<T> = readonly [cast: string, value: (row: T) => string | number | boolean | null | undefined];

/** A bulk INSERT: `sql` receives the VALUES list; `chunk` rows (well under 65,535 parameters) per statement. */
type BulkInsert<T> = {
  name: string;
  chunk: number;
  columns: readonly Column<T>[];
  sql: (values: string) => string;
};

/** `VALUES ($1::uuid, $2::json, …), (…)` for n rows. */
function valuesText(columns: readonly Column<unknown>[], n: number) {
  const tuples: string[] = [];
  for (let i = 0, p = 0; i < n; i++)
    tuples.push(`(${columns.map(([cast]) => `$${++p}::${cast}`).join(', ')})`);
  return `VALUES ${tuples.join(', ')}`;
}

const fullChunkText = new Map<string, string>();

/**
 * INSERT … VALUES with one bind parameter per value. Measured against unnest() over array literals (what
 * this replaced): records insert in less than half the time, because their large json texts are neither
 * escaped into an array literal here nor parsed back out of it by the server.
 *
 * Rows go in chunks of a fixed size, and a full chunk is a named prepared statement: the server parses its
 * (long) text once per connection instead of once per statement (parsing was a third of the server's time
 * for these inserts), and its text is built once per process. The driver receives the finished query:
 * drizzle's SQL builder costs more than the serialisation itself at tens of thousands of parameters.
 */
async function insertValues<T>(db: Db, insert: BulkInsert<T>, rows: readonly T[]) {
  const { columns, chunk } = insert;
  for (let start = 0; start < rows.length; start += chunk) {
    const end = Math.min(rows.length, start + chunk);
    const params: unknown[] = new Array((end - start) * columns.length);
    let p = 0;
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      for (const [, get] of columns) params[p++] = get(row) ?? null;
    }
    const full = end - start === chunk;
    let sql = full ? fullChunkText.get(insert.name) : undefined;
    if (!sql) {
      sql = insert.sql(valuesText(columns as readonly Column<unknown>[], end - start));
      if (full) fullChunkText.set(insert.name, sql);
    }
    await db._.session
      .prepareQuery({ sql, params }, undefined, full ? insert.name : undefined, false)
      .execute();
  }
}

/** jsonb refused \u0000 (PostgreSQL text cannot hold NUL); json accepts it but ->> would fail: dropped. */
export const jsonText = (v: unknown) => {
  if (v === null || v === undefined) return null;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.includes('\\u0000') ? text.replace(/(?<!\\)\\u0000/g, '') : text;
};

/** A record as the load writes it: its json columns already serialised (the MARC text is also hashed). */
export type RecordWrite = {
  id: string;
  libraryId: string;
  controlSource: string;
  controlNumber: string;
  marcJson: string;
  featuresJson: string;
  searchFieldsJson: string | null;
  contentHash: string;
  format: string;
  electronic: boolean;
  title: string;
  author: string | null;
  year: number | null;
  language: string | null;
  clusterId: string;
  matchExplanationJson: string | null;
  lastLoadId: string;
};

const RECORDS: BulkInsert<RecordWrite> = {
  name: 'catalog_write_records',
  chunk: 500,
  columns: [
    ['uuid', (r) => r.id],
    ['uuid', (r) => r.libraryId],
    ['text', (r) => r.controlSource],
    ['text', (r) => r.controlNumber],
    ['json', (r) => r.marcJson],
    ['json', (r) => r.featuresJson],
    ['json', (r) => r.searchFieldsJson],
    ['text', (r) => r.contentHash],
    ['text', (r) => r.format],
    ['boolean', (r) => r.electronic],
    ['text', (r) => r.title],
    ['text', (r) => r.author],
    ['smallint', (r) => r.year],
    ['text', (r) => r.language],
    ['uuid', (r) => r.clusterId],
    ['json', (r) => r.matchExplanationJson],
    ['uuid', (r) => r.lastLoadId],
  ],
  sql: (values) => `
    INSERT INTO catalog_records (id, library_id, control_source, control_number, marc, features,
      search_fields, content_hash, format, electronic, title, author, year, language, cluster_id,
      match_explanation, last_load_id)
    ${values}
    ON CONFLICT (id) DO UPDATE SET
      status = 'active', marc = excluded.marc, features = excluded.features,
      search_fields = excluded.search_fields,
      content_hash = excluded.content_hash, format = excluded.format, electronic = excluded.electronic,
      title = excluded.title, author = excluded.author, year = excluded.year, language = excluded.language,
      cluster_id = excluded.cluster_id, match_explanation = excluded.match_explanation,
      last_load_id = excluded.last_load_id, updated_at = now()`,
};

/** Inserts new records and replaces changed ones (always active: withdrawing is a separate path). */
export async function writeRecords(db: Db, rows: RecordWrite[]) {
  await insertValues(db, RECORDS, rows);
}

export type KeyWrite = { recordId: string; key: string };
export type HoldingWrite = {
  recordId: string;
  libraryId: string;
  sourceTag: string | null;
  location: string | null;
  callNumber: string | null;
  copies: number;
};

const KEYS: BulkInsert<KeyWrite> = {
  name: 'catalog_write_keys',
  chunk: 2500,
  columns: [
    ['uuid', (k) => k.recordId],
    ['text', (k) => k.key],
  ],
  // No ON CONFLICT: keys are unique per record here and a changed record's old keys are deleted first
  // (a speculative insertion costs noticeably more than a plain one).
  sql: (values) => `INSERT INTO catalog_match_keys (record_id, key) ${values}`,
};

const HOLDINGS: BulkInsert<HoldingWrite> = {
  name: 'catalog_write_holdings',
  chunk: 1000,
  columns: [
    ['uuid', (h) => h.recordId],
    ['uuid', (h) => h.libraryId],
    ['text', (h) => h.sourceTag],
    ['text', (h) => h.location],
    ['text', (h) => h.callNumber],
    ['integer', (h) => h.copies],
  ],
  sql: (values) =>
    `INSERT INTO catalog_holdings (record_id, library_id, source_tag, location, call_number, copies) ${values}`,
};

/** Blocking keys and holdings of the batch's new and changed records (the changed ones' old rows are gone). */
export async function writeKeysAndHoldings(db: Db, keys: KeyWrite[], holdings: HoldingWrite[]) {
  await insertValues(db, KEYS, keys);
  await insertValues(db, HOLDINGS, holdings);
}

export type ClusterWrite = {
  id: string;
  displayRecordId: string;
  displayReason: string;
  title: string;
  author: string | null;
  year: number | null;
  language: string | null;
  format: string;
  electronic: boolean;
  libraryCount: number;
  recordCount: number;
  searchDocJson: string;
};

const CLUSTERS: BulkInsert<ClusterWrite> = {
  name: 'catalog_write_clusters',
  chunk: 500,
  columns: [
    ['uuid', (c) => c.id],
    ['uuid', (c) => c.displayRecordId],
    ['text', (c) => c.displayReason],
    ['text', (c) => c.title],
    ['text', (c) => c.author],
    ['smallint', (c) => c.year],
    ['text', (c) => c.language],
    ['text', (c) => c.format],
    ['boolean', (c) => c.electronic],
    ['integer', (c) => c.libraryCount],
    ['integer', (c) => c.recordCount],
    ['json', (c) => c.searchDocJson],
  ],
  sql: (values) => `
    INSERT INTO catalog_clusters (id, display_record_id, display_reason, title, author, year, language, format,
      electronic, library_count, record_count, search_doc)
    ${values}
    ON CONFLICT (id) DO UPDATE SET
      display_record_id = excluded.display_record_id, display_reason = excluded.display_reason,
      title = excluded.title, author = excluded.author, year = excluded.year, language = excluded.language,
      format = excluded.format, electronic = excluded.electronic, library_count = excluded.library_count,
      record_count = excluded.record_count, search_doc = excluded.search_doc, updated_at = now()`,
};

/** Creates or updates clusters with their summary and search document (new clusters in the same statement). */
export async function writeClusters(db: Db, rows: ClusterWrite[]) {
  await insertValues(db, CLUSTERS, rows);
}
