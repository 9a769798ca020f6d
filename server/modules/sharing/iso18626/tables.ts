import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../../members/tables.ts';
import { sharingRequests } from '../tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const ISO_VERSIONS = ['1.2', '2021'] as const;
export type IsoVersion = (typeof ISO_VERSIONS)[number];

/** Known divergences of other systems, switched on per partner (see decision 0012). */
export type PartnerQuirks = {
  /** They answer ExpectToSupply where they mean WillSupply: read it as WillSupply. */
  expectToSupplyAsWillSupply?: boolean;
  /** They carry costs and loan conditions in `note` rather than in offeredCosts/loanCondition. */
  termsInNote?: boolean;
  /** They want `version="…"` without the namespace prefix (schema-valid senders write `ill:version`). */
  plainVersionAttribute?: boolean;
};

/**
 * A library on another system we exchange ISO 18626 messages with. It is an organisation of kind
 * `partner` (so requests, attempts and the timeline refer to it like to any library) plus this row:
 * how to reach it and how it must authenticate to us. The inbound security code is kept as a hash.
 */
export const sharingIsoPartners = pgTable(
  'sharing_iso_partners',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    agencyIdType: text('agency_id_type').notNull(),
    agencyIdValue: text('agency_id_value').notNull(),
    endpointUrl: text('endpoint_url').notNull(),
    isoVersion: text('iso_version').$type<IsoVersion>().notNull().default('2021'),
    /** What we send them (requestingAgencyAuthentication / their expectation). */
    outboundAccountId: text('outbound_account_id'),
    outboundSecurityCode: text('outbound_security_code'),
    /** What they must send us; null = they send no credentials. */
    inboundAccountId: text('inbound_account_id'),
    inboundSecurityCodeHash: text('inbound_security_code_hash'),
    quirks: jsonb('quirks').$type<PartnerQuirks>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    /** Ask them as a lender (after every member: a lender of last resort). */
    lends: boolean('lends').notNull().default(true),
    /** Accept their requests to our members. */
    borrows: boolean('borrows').notNull().default(true),
    /** Set when delivery to them failed after every retry; cleared by the next success. */
    unreachableSince: ts('unreachable_since'),
    lastError: text('last_error'),
    lastContactAt: ts('last_contact_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sharing_iso_partners_agency_key').on(t.agencyIdType, t.agencyIdValue)],
);

/**
 * Every ISO 18626 message sent or received: the outbox (direction `out`, delivered in order per request
 * by a job with retries) and the log staff read when troubleshooting. Bodies are stored without patron
 * data. Inbound bodies are hashed so the same message twice is answered from here and changes nothing.
 */
export const sharingIsoMessages = pgTable(
  'sharing_iso_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id').references(() => sharingRequests.id, { onDelete: 'cascade' }),
    attemptId: uuid('attempt_id'),
    partnerId: uuid('partner_id').references(() => organizations.id, { onDelete: 'set null' }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** request | supplyingAgencyMessage | requestingAgencyMessage (or `unknown` for unreadable input). */
    kind: text('kind').notNull(),
    /** One line for the log: the status, action or error. */
    summary: text('summary').notNull().default(''),
    body: text('body').notNull(),
    bodyHash: text('body_hash'),
    /** The confirmation: ours for inbound, theirs for outbound. */
    confirmation: text('confirmation'),
    /**
     * out: pending → sent | retrying → failed (gave up) | rejected (ERROR confirmation).
     * in: applied | ignored (duplicate or stale) | error.
     */
    status: text('status').notNull(),
    error: text('error'),
    tries: smallint('tries').notNull().default(0),
    nextTryAt: ts('next_try_at'),
    durationMs: integer('duration_ms'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('sharing_iso_messages_request_idx').on(t.requestId, t.id),
    index('sharing_iso_messages_outbox_idx')
      .on(t.nextTryAt)
      .where(sql`${t.direction} = 'out' AND ${t.status} IN ('pending', 'retrying')`),
    uniqueIndex('sharing_iso_messages_inbound_key')
      .on(t.partnerId, t.bodyHash)
      .where(sql`${t.direction} = 'in'`),
  ],
);
