import type { Db } from '../../platform/db/client.ts';

/**
 * The bulk writes of a load batch (records, keys, holdings, cluster summaries). They are the load's hot
 * path, so each is one statement per batch (or per few thousand rows) built without an ORM row object per
 * value.
 */

type Column<T> = readonly [cast: string, value: (row: T) => string | number | boolean | null | undefined];

/** Each statement stays under PostgreSQL's 65,535 bind parameters. */
const MAX_PARAMETERS = 60_000;

/**
 * `VALUES ($1::uuid, $2::json, …), (…)` with one bind parameter per value. Measured against unnest() over
 * array literals (what this replaced): records insert in less than half the time, because their large json
 * texts are neither escaped into an array literal here nor parsed back out of it by the server. The text and
 * parameters go to the driver as a finished query: drizzle's SQL builder costs more than the statement's
 * own serialisation at tens of thousands of parameters.
 */
async function insertValues<T>(
  db: Db,
  rows: readonly T[],
  columns: readonly Column<T>[],
  statement: (values: string) => string,
) {
  const size = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += size) {
    const end = Math.min(rows.length, start + size);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      const cells = columns.map(([cast, get]) => `$${params.push(get(row) ?? null)}::${cast}`);
      tuples.push(`(${cells.join(', ')})`);
    }
    const query = { sql: statement(`VALUES ${tuples.join(', ')}`), params };
    await db._.session.prepareQuery(query, undefined, undefined, false).execute();
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

const RECORD_COLUMNS: Column<RecordWrite>[] = [
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
];

/** Inserts new records and replaces changed ones (always active: withdrawing is a separate path). */
export async function writeRecords(db: Db, rows: RecordWrite[]) {
  await insertValues(
    db,
    rows,
    RECORD_COLUMNS,
    (v) => `
    INSERT INTO catalog_records (id, library_id, control_source, control_number, marc, features,
      search_fields, content_hash, format, electronic, title, author, year, language, cluster_id,
      match_explanation, last_load_id)
    ${v}
    ON CONFLICT (id) DO UPDATE SET
      status = 'active', marc = excluded.marc, features = excluded.features,
      search_fields = excluded.search_fields,
      content_hash = excluded.content_hash, format = excluded.format, electronic = excluded.electronic,
      title = excluded.title, author = excluded.author, year = excluded.year, language = excluded.language,
      cluster_id = excluded.cluster_id, match_explanation = excluded.match_explanation,
      last_load_id = excluded.last_load_id, updated_at = now()`,
  );
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

/** Blocking keys and holdings of the batch's new and changed records (the changed ones' old rows are gone). */
export async function writeKeysAndHoldings(db: Db, keys: KeyWrite[], holdings: HoldingWrite[]) {
  await insertValues(
    db,
    keys,
    [
      ['uuid', (k) => k.recordId],
      ['text', (k) => k.key],
    ],
    // No ON CONFLICT: keys are unique per record here and a changed record's old keys are deleted first
    // (a speculative insertion costs noticeably more than a plain one).
    (v) => `INSERT INTO catalog_match_keys (record_id, key) ${v}`,
  );
  await insertValues(
    db,
    holdings,
    [
      ['uuid', (h) => h.recordId],
      ['uuid', (h) => h.libraryId],
      ['text', (h) => h.sourceTag],
      ['text', (h) => h.location],
      ['text', (h) => h.callNumber],
      ['integer', (h) => h.copies],
    ],
    (v) => `
      INSERT INTO catalog_holdings (record_id, library_id, source_tag, location, call_number, copies) ${v}`,
  );
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

const CLUSTER_COLUMNS: Column<ClusterWrite>[] = [
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
];

/** Creates or updates clusters with their summary and search document (new clusters in the same statement). */
export async function writeClusters(db: Db, rows: ClusterWrite[]) {
  await insertValues(
    db,
    rows,
    CLUSTER_COLUMNS,
    (v) => `
    INSERT INTO catalog_clusters (id, display_record_id, display_reason, title, author, year, language, format,
      electronic, library_count, record_count, search_doc)
    ${v}
    ON CONFLICT (id) DO UPDATE SET
      display_record_id = excluded.display_record_id, display_reason = excluded.display_reason,
      title = excluded.title, author = excluded.author, year = excluded.year, language = excluded.language,
      format = excluded.format, electronic = excluded.electronic, library_count = excluded.library_count,
      record_count = excluded.record_count, search_doc = excluded.search_doc, updated_at = now()`,
  );
}
