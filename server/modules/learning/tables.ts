import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../members/tables.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const EVENT_FORMATS = ['online', 'in_person', 'hybrid'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const EVENT_LANGUAGES = ['en', 'es', 'bilingual'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled'] as const;
export const PRICE_CATEGORIES = ['free', 'member', 'nonmember', 'early_bird'] as const;

export type Material = {
  title: string;
  url: string;
  kind: 'recording' | 'slides' | 'handout' | 'link';
  captioned: boolean;
};

/**
 * A learning event: a webinar, workshop or a series of sessions covered by one registration. Organised by
 * the consortium office or by a member library hosting it for others. `seatsTaken` counts confirmed and
 * offered registrations; it is only changed while the event row is locked (see service.ts).
 */
export const learningEvents = pgTable(
  'learning_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizerOrgId: uuid('organizer_org_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid('created_by').references(() => users.id),
    titleEn: text('title_en').notNull(),
    titleEs: text('title_es').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionEs: text('description_es').notNull().default(''),
    format: text('format', { enum: EVENT_FORMATS }).notNull(),
    language: text('language', { enum: EVENT_LANGUAGES }).notNull().default('en'),
    timeZone: text('time_zone').notNull(),
    topic: text('topic').notNull(),
    competencyArea: text('competency_area').notNull(),
    audience: text('audience').notNull().default(''),
    presenters: jsonb('presenters').$type<string[]>().notNull().default([]),
    contactHours: numeric('contact_hours', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    capacity: integer('capacity').notNull(),
    seatsTaken: integer('seats_taken').notNull().default(0),
    seatCapPerInstitution: integer('seat_cap_per_institution'),
    visibility: text('visibility', { enum: ['members', 'public'] })
      .notNull()
      .default('members'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    joinUrl: text('join_url').notNull().default(''),
    memberPriceCents: integer('member_price_cents').notNull().default(0),
    nonmemberPriceCents: integer('nonmember_price_cents').notNull().default(0),
    earlyBirdPriceCents: integer('early_bird_price_cents'),
    earlyBirdUntil: timestamp('early_bird_until', { withTimezone: true }),
    promotionMode: text('promotion_mode', { enum: ['direct', 'offer'] })
      .notNull()
      .default('direct'),
    offerHours: integer('offer_hours').notNull().default(24),
    minimumMinutes: integer('minimum_minutes'),
    reminderHoursBefore: integer('reminder_hours_before').notNull().default(24),
    reminderEn: text('reminder_en').notNull().default(''),
    reminderEs: text('reminder_es').notNull().default(''),
    materials: jsonb('materials').$type<Material[]>().notNull().default([]),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('learning_events_starts_idx').on(t.status, t.startsAt),
    index('learning_events_org_idx').on(t.organizerOrgId, t.startsAt),
    check('learning_events_capacity_check', sql`${t.capacity} >= 0 AND ${t.seatsTaken} >= 0`),
    check('learning_events_order_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** The sessions of an event (one for a single event, several for a series). */
export const learningSessions = pgTable(
  'learning_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => learningEvents.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('learning_sessions_event_idx').on(t.eventId, t.startsAt),
    index('learning_sessions_starts_idx').on(t.startsAt),
    check('learning_sessions_order_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/**
 * One person's place at an event. `waitlistSeq` orders the waitlist (first come, first served); an
 * "offered" place holds a seat until `offerExpiresAt`. At most one live registration per person and event.
 */
export const learningRegistrations = pgTable(
  'learning_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => learningEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    registeredBy: uuid('registered_by').references(() => users.id),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    waitlistSeq: bigserial('waitlist_seq', { mode: 'number' }).notNull(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    priceCategory: text('price_category', { enum: PRICE_CATEGORIES }).notNull(),
    amountCents: integer('amount_cents').notNull().default(0),
    invoiceReference: text('invoice_reference'),
    accommodation: text('accommodation').notNull().default(''),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    minutesAttended: integer('minutes_attended'),
    attended: boolean('attended').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason', {
      enum: ['self', 'colleague', 'organiser', 'offer_expired', 'event_cancelled'],
    }),
  },
  (t) => [
    uniqueIndex('learning_registrations_live_key')
      .on(t.eventId, t.userId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('learning_registrations_event_idx').on(t.eventId, t.status, t.waitlistSeq),
    index('learning_registrations_user_idx').on(t.userId),
    index('learning_registrations_offer_idx')
      .on(t.offerExpiresAt)
      .where(sql`${t.status} = 'offered'`),
  ],
);

/** A reminder sent for one session to one registration: the primary key makes the reminder job idempotent. */
export const learningReminders = pgTable(
  'learning_reminders',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => learningRegistrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => learningSessions.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.sessionId] })],
);

/** Messages organisers sent to an event's registrants (the mails themselves are in the outbox). */
export const learningMessages = pgTable('learning_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id')
    .notNull()
    .references(() => learningEvents.id, { onDelete: 'cascade' }),
  sentBy: uuid('sent_by').references(() => users.id),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  includeWaitlist: boolean('include_waitlist').notNull().default(false),
  recipients: integer('recipients').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A certificate of attendance. Name, titles, hours and area are copied at issue time so a certificate
 * verifies what was certified even if the event is edited later.
 */
export const learningCertificates = pgTable(
  'learning_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => learningRegistrations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => learningEvents.id),
    recipientName: text('recipient_name').notNull(),
    organizationName: text('organization_name').notNull(),
    titleEn: text('title_en').notNull(),
    titleEs: text('title_es').notNull(),
    contactHours: numeric('contact_hours', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    competencyArea: text('competency_area').notNull(),
    completedOn: date('completed_on').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('learning_certificates_code_key').on(t.code),
    uniqueIndex('learning_certificates_registration_key').on(t.registrationId),
    index('learning_certificates_user_idx').on(t.userId),
  ],
);

/** Training done elsewhere, reported by the person, with an optional proof file. */
export const learningOutsideTraining = pgTable(
  'learning_outside_training',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    completedOn: date('completed_on').notNull(),
    contactHours: numeric('contact_hours', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    competencyArea: text('competency_area').notNull(),
    proofName: text('proof_name'),
    proofType: text('proof_type'),
    proof: bytea('proof'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('learning_outside_user_idx').on(t.userId, t.completedOn),
    check('learning_outside_hours_check', sql`${t.contactHours} > 0`),
  ],
);

/**
 * Continuing-education rules (e.g. a state library's certification): hours required per period of N
 * years, and minimum hours per competency area. Editable by consortium staff.
 */
export const learningCeRules = pgTable(
  'learning_ce_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    nameEn: text('name_en').notNull(),
    nameEs: text('name_es').notNull(),
    periodYears: integer('period_years').notNull(),
    hoursRequired: numeric('hours_required', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    categoryMinimums: jsonb('category_minimums').$type<Record<string, number>>().notNull().default({}),
    hoursPerCeu: integer('hours_per_ceu').notNull().default(10),
  },
  (t) => [uniqueIndex('learning_ce_rules_code_key').on(t.code)],
);

/**
 * The secret in a person's calendar feed URL. Kept readable (not hashed) so the person can copy it again;
 * it only grants reading their own schedule, and rotating it invalidates the old address.
 */
export const learningFeedTokens = pgTable('learning_feed_tokens', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
