import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../members/tables.ts';

export const LOAD_MODES = ['add_update', 'delete', 'replace'] as const;
export const LOAD_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const LOAD_FORMATS = ['iso2709', 'marcxml', 'marc-json', 'auto'] as const;

/**
 * A cluster groups the records of one manifestation across libraries. Its summary is denormalised from
 * the display record so result lists need no join; it is recomputed whenever a member changes.
 */
export const catalogClusters = pgTable(
  'catalog_clusters',
  {
    id: uuid('id').primaryKey(),
    displayRecordId: uuid('display_record_id'),
    displayReason: text('display_reason').notNull().default(''),
    title: text('title').notNull().default(''),
    author: text('author'),
    year: smallint('year'),
    language: text('language'),
    format: text('format').notNull().default(''),
    electronic: boolean('electronic').notNull().default(false),
    libraryCount: integer('library_count').notNull().default(0),
    recordCount: integer('record_count').notNull().default(0),
    /** The document the search index holds for this cluster (display record's text + all members' ids). */
    searchDoc: json('search_doc'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Only the primary key: every load rewrites the summaries of the clusters it touches, and with no other
  // index (and fillfactor 80, set in the migration) those updates stay on their page (HOT). Search indexes
  // follow catalog_search_changes, not updated_at.
);

/**
 * One bibliographic record as a library loaded it. (library, 003, 001) identifies it across loads; the
 * content hash makes an identical reload a no-op. Withdrawn records are kept (their history and the
 * decisions about them survive) but leave their cluster.
 */
export const catalogRecords = pgTable(
  'catalog_records',
  {
    id: uuid('id').primaryKey(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => organizations.id),
    /** 003 (control number identifier); '' when the record has none, so the unique key still applies. */
    controlSource: text('control_source').notNull(),
    controlNumber: text('control_number').notNull(),
    status: text('status', { enum: ['active', 'withdrawn'] })
      .notNull()
      .default('active'),
    /**
     * The json columns are only ever written and read whole (plus `->` on search_doc), never queried inside:
     * json stores the text as given, where jsonb re-parses it into a binary tree on every write — measured at
     * more than half the insert cost of a record.
     */
    marc: json('marc').notNull(),
    /** Match features (dedup) kept so candidates need no re-parse of their MARC. */
    features: json('features').notNull(),
    /** Text fields for search (titles, names, subjects, notes …): the cluster's search document is built from them. */
    searchFields: json('search_fields'),
    contentHash: text('content_hash').notNull(),
    format: text('format').notNull(),
    electronic: boolean('electronic').notNull().default(false),
    title: text('title').notNull(),
    author: text('author'),
    year: smallint('year'),
    language: text('language'),
    clusterId: uuid('cluster_id').references(() => catalogClusters.id, { onDelete: 'set null' }),
    /** Why the record is in its cluster: placement reason plus the matcher's explanation (keys, rules, scores). */
    matchExplanation: json('match_explanation'),
    lastLoadId: uuid('last_load_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_records_identity_key').on(t.libraryId, t.controlSource, t.controlNumber),
    index('catalog_records_cluster_idx').on(t.clusterId),
    // No (library, status) index: the identity key leads with the library, and every load paid for it.
  ],
);

/** Items of a record at its library: from 852, a configured local tag, or one record-level holding. */
export const catalogHoldings = pgTable(
  'catalog_holdings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** No foreign key (nor on match keys): see catalogMatchKeys. */
    recordId: uuid('record_id').notNull(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => organizations.id),
    sourceTag: text('source_tag'),
    location: text('location'),
    callNumber: text('call_number'),
    copies: integer('copies').notNull().default(1),
  },
  (t) => [index('catalog_holdings_record_idx').on(t.recordId)],
);

/**
 * Blocking keys of active records: the candidate lookup of incremental clustering is `key = ANY(...)`.
 * Keys and holdings are derived from their record and written only by the load, in the record's own
 * transaction; records are never deleted (they are withdrawn, which deletes their keys). A foreign key would
 * guard nothing more and its per-row check was measured at 60 % of the keys' insert cost. The key is
 * compared byte-wise (collation "C", set in the migration): it is an opaque code, never sorted for people.
 */
export const catalogMatchKeys = pgTable(
  'catalog_match_keys',
  {
    recordId: uuid('record_id').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.key] }), index('catalog_match_keys_key_idx').on(t.key)],
);

/** Staff split / merge / never decisions; re-applied on every reload (record ids are stable). */
export const catalogDecisions = pgTable(
  'catalog_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['split', 'merge', 'never'] }).notNull(),
    recordA: uuid('record_a')
      .notNull()
      .references(() => catalogRecords.id, { onDelete: 'cascade' }),
    recordB: uuid('record_b').references(() => catalogRecords.id, { onDelete: 'cascade' }),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_decisions_a_idx').on(t.recordA), index('catalog_decisions_b_idx').on(t.recordB)],
);

/** A file load and its checkpoint: every batch commits together with the counters and the position. */
export const catalogLoads = pgTable(
  'catalog_loads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => organizations.id),
    mode: text('mode', { enum: LOAD_MODES }).notNull(),
    format: text('format', { enum: LOAD_FORMATS }).notNull().default('auto'),
    /** Local holdings tag (e.g. 949) read besides 852. */
    holdingsTag: text('holdings_tag'),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    status: text('status', { enum: LOAD_STATUSES }).notNull().default('queued'),
    /** Checkpoint: items (records and rejected ones) fully applied, and the byte offset reached. */
    recordsDone: integer('records_done').notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    recordsAdded: integer('records_added').notNull().default(0),
    recordsUpdated: integer('records_updated').notNull().default(0),
    recordsUnchanged: integer('records_unchanged').notNull().default(0),
    recordsWithdrawn: integer('records_withdrawn').notNull().default(0),
    recordsRejected: integer('records_rejected').notNull().default(0),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('catalog_loads_library_idx').on(t.libraryId, t.createdAt)],
);

/** A record the load could not use, with where it was in the file. */
export const catalogLoadProblems = pgTable(
  'catalog_load_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loadId: uuid('load_id')
      .notNull()
      .references(() => catalogLoads.id, { onDelete: 'cascade' }),
    recordNumber: integer('record_number').notNull(),
    byteOffset: bigint('byte_offset', { mode: 'number' }).notNull(),
    controlNumber: text('control_number'),
    reason: text('reason').notNull(),
  },
  // Unique per position, so a re-run batch after a crash cannot report a problem twice.
  (t) => [uniqueIndex('catalog_load_problems_position_key').on(t.loadId, t.recordNumber, t.reason)],
);

/**
 * Every change to a cluster's search document (or its deletion), in commit order. Each app node keeps its
 * in-memory search index current by reading the entries after the last one it applied; old entries are
 * pruned once every node has long passed them.
 */
export const catalogSearchChanges = pgTable(
  'catalog_search_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    clusterId: uuid('cluster_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_search_changes_changed_idx').on(t.changedAt)],
);
