import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../members/tables.ts';
import { catalogClusters } from '../catalog/tables.ts';
import type { BorrowerState, LenderState, ServiceType } from './states.ts';
import type { Citation } from '../../../shared/contracts/sharing.ts';
import type { SharingText } from '../../../shared/contracts/sharing-texts.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A borrowing library's request (the borrower side). `state`/`rememberedState` follow the borrower machine;
 * the milestone timestamps feed analytics and survive the patron purge. Free-text that may name the patron
 * (`staffNote`) lives here only on the borrower side and is cleared by the purge with the patron row.
 */
export const sharingRequests = pgTable(
  'sharing_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    borrowerId: uuid('borrower_id')
      .notNull()
      .references(() => organizations.id),
    serviceType: text('service_type').$type<ServiceType>().notNull(),
    clusterId: uuid('cluster_id').references(() => catalogClusters.id, { onDelete: 'set null' }),
    citation: jsonb('citation').$type<Citation>().notNull(),
    /** Copied out of the citation for search, duplicates and CONTU. */
    title: text('title').notNull(),
    author: text('author').notNull().default(''),
    isbn: text('isbn').notNull().default(''),
    issn: text('issn').notNull().default(''),
    oclc: text('oclc').notNull().default(''),
    format: text('format').notNull().default(''),
    /** What makes two requests "the same item" for duplicate detection: cluster, identifier or title. */
    itemKey: text('item_key').notNull(),
    needBefore: date('need_before'),
    pickupLocation: text('pickup_location').notNull().default(''),
    rush: boolean('rush').notNull().default(false),
    staffNote: text('staff_note'),
    /** How it came in: staff form, a patron's request page, or an outside library's ISO 18626 request. */
    source: text('source', { enum: ['staff', 'patron', 'partner'] })
      .notNull()
      .default('staff'),
    /** An outside borrower's own id for it (ISO 18626 requestingAgencyRequestId). */
    externalRequestId: text('external_request_id'),
    state: text('state').$type<BorrowerState>().notNull().default('new'),
    rememberedState: text('remembered_state').$type<BorrowerState>(),
    currentAttemptId: uuid('current_attempt_id'),
    /** The lender that shipped or sent the copy (net lender/borrower figures). */
    supplierId: uuid('supplier_id').references(() => organizations.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    shippedAt: ts('shipped_at'),
    receivedAt: ts('received_at'),
    endedAt: ts('ended_at'),
    purgedAt: ts('purged_at'),
  },
  (t) => [
    uniqueIndex('sharing_requests_seq_key').on(t.seq),
    index('sharing_requests_borrower_idx').on(t.borrowerId, t.state, t.updatedAt),
    index('sharing_requests_item_idx').on(t.borrowerId, t.itemKey, t.createdAt),
    /** Items received in the last year, counted from the index alone for the rota's loan:borrow balance. */
    index('sharing_requests_borrowed_idx').on(t.borrowerId, t.shippedAt),
    index('sharing_requests_ended_idx')
      .on(t.endedAt)
      .where(sql`${t.purgedAt} IS NULL`),
    index('sharing_requests_created_idx').on(t.createdAt),
    uniqueIndex('sharing_requests_external_key')
      .on(t.borrowerId, t.externalRequestId)
      .where(sql`${t.externalRequestId} IS NOT NULL`),
  ],
);

/** The patron behind a request: a separate row so it can be purged whole and is never joined for lenders. */
export const sharingPatrons = pgTable('sharing_patrons', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => sharingRequests.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  email: text('email'),
  /** Given on a patron request page; purged with the row. */
  cardNumber: text('card_number'),
  locale: text('locale', { enum: ['en', 'es'] })
    .notNull()
    .default('en'),
});

/** One lender asked (the lender side of the transaction). A lender may be asked again after a retry. */
export const sharingAttempts = pgTable(
  'sharing_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => sharingRequests.id, { onDelete: 'cascade' }),
    lenderId: uuid('lender_id')
      .notNull()
      .references(() => organizations.id),
    position: smallint('position').notNull(),
    /** An outside lender's own id for it (ISO 18626 supplyingAgencyRequestId). */
    externalRequestId: text('external_request_id'),
    state: text('state').$type<LenderState>().notNull().default('received'),
    rememberedState: text('remembered_state').$type<LenderState>(),
    /** No answer by then → timed out (business days in the lender's zone, or hours for rush). */
    answerBy: ts('answer_by'),
    dueDate: date('due_date'),
    shippingMethod: text('shipping_method'),
    trackingId: text('tracking_id'),
    conditions: jsonb('conditions').$type<string[]>().notNull().default([]),
    costCents: integer('cost_cents'),
    reasonCode: text('reason_code'),
    renewalPending: boolean('renewal_pending').notNull().default(false),
    /** Electronic copy: file under DATA_DIR, a hashed download token and when the file goes. */
    copyPath: text('copy_path'),
    copyTokenHash: text('copy_token_hash'),
    copyExpiresAt: ts('copy_expires_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    shippedAt: ts('shipped_at'),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('sharing_attempts_request_idx').on(t.requestId, t.position),
    index('sharing_attempts_lender_idx').on(t.lenderId, t.state, t.updatedAt),
    /** Items lent in the last year, counted from the index alone for the rota's loan:borrow balance. */
    index('sharing_attempts_lent_idx').on(t.lenderId, t.shippedAt),
    index('sharing_attempts_answer_idx')
      .on(t.answerBy)
      .where(sql`${t.state} IN ('received', 'expect_to_supply')`),
    index('sharing_attempts_due_idx')
      .on(t.dueDate)
      .where(sql`${t.state} = 'shipped'`),
    index('sharing_attempts_copy_idx')
      .on(t.copyExpiresAt)
      .where(sql`${t.copyPath} IS NOT NULL`),
    uniqueIndex('sharing_attempts_token_key').on(t.copyTokenHash),
  ],
);

/**
 * The rota and its explanation: every candidate library with its place (`position`) and why, or why it was
 * skipped (`position` null, `skipReason`). Rebuilt when staff restart the rota.
 */
export const sharingRota = pgTable(
  'sharing_rota',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => sharingRequests.id, { onDelete: 'cascade' }),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => organizations.id),
    position: smallint('position'),
    /** Codes with parameters (shared/contracts/sharing-texts.ts); rows from before codes hold English text. */
    reasons: jsonb('reasons').$type<(SharingText | string)[]>().notNull().default([]),
    /** JSON of the code list (encodeTexts), or English text in rows from before codes. */
    skipReason: text('skip_reason'),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.libraryId] })],
);

/** The timeline: every action and message, who and when; `visibility` keeps borrower-only events private. */
export const sharingEvents = pgTable(
  'sharing_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => sharingRequests.id, { onDelete: 'cascade' }),
    attemptId: uuid('attempt_id'),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    libraryId: uuid('library_id').references(() => organizations.id),
    side: text('side', { enum: ['borrowing', 'lending', 'system'] }).notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note').notNull().default(''),
    visibility: text('visibility', { enum: ['both', 'borrowing'] })
      .notNull()
      .default('both'),
  },
  (t) => [index('sharing_events_request_idx').on(t.requestId, t.id)],
);

/** Notes between the two libraries (seen by both sides and consortium staff). */
export const sharingNotes = pgTable(
  'sharing_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => sharingRequests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    libraryId: uuid('library_id')
      .notNull()
      .references(() => organizations.id),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('sharing_notes_request_idx').on(t.requestId, t.createdAt)],
);

/** A library's lending policy; a library without a row lends under the defaults below. */
export const sharingPolicies = pgTable(
  'sharing_policies',
  {
    libraryId: uuid('library_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    lending: boolean('lending').notNull().default(true),
    formatsLent: text('formats_lent')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nonLendingLocations: text('non_lending_locations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    activeLoanLimit: integer('active_loan_limit'),
    answerBusinessDays: smallint('answer_business_days').notNull().default(3),
    rushAnswerHours: smallint('rush_answer_hours').notNull().default(24),
    loanPeriodDays: smallint('loan_period_days').notNull().default(28),
    lenderOfLastResort: boolean('lender_of_last_resort').notNull().default(false),
    preferredPartners: uuid('preferred_partners')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    goalLoans: smallint('goal_loans').notNull().default(1),
    goalBorrows: smallint('goal_borrows').notNull().default(1),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('sharing_policies_goal_check', sql`${t.goalLoans} > 0 AND ${t.goalBorrows} > 0`)],
);

/**
 * A library's public request page for its patrons (off until the library turns it on). A card number must
 * start with `cardPrefix` (if set) and have between `cardMinLength` and `cardMaxLength` characters.
 */
export const sharingPatronPages = pgTable('sharing_patron_pages', {
  libraryId: uuid('library_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  cardPrefix: text('card_prefix').notNull().default(''),
  cardMinLength: smallint('card_min_length').notNull().default(5),
  cardMaxLength: smallint('card_max_length').notNull().default(20),
  pickupLocations: text('pickup_locations')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  allowCopies: boolean('allow_copies').notNull().default(true),
  introEn: text('intro_en').notNull().default(''),
  introEs: text('intro_es').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** CONTU "rule of five": copies per borrowing library, journal and calendar year. */
export const sharingContu = pgTable(
  'sharing_contu',
  {
    borrowerId: uuid('borrower_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    journal: text('journal').notNull(),
    year: smallint('year').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.borrowerId, t.journal, t.year] })],
);

/** In-app notifications for staff (sharing writes them; any module may). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
