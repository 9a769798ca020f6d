import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export type PostalAddress = {
  line1: string;
  line2?: string | undefined;
  city: string;
  state: string;
  postalCode: string;
};

/**
 * Every institution is an organisation: the consortium office itself, member libraries, and partner
 * organisations (regional groups, other consortia) that get limited access.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['consortium', 'library', 'partner'] }).notNull(),
    name: text('name').notNull(),
    symbol: text('symbol').notNull(),
    libraryType: text('library_type', { enum: ['public', 'academic', 'school', 'special'] }),
    status: text('status', { enum: ['applicant', 'active', 'grace', 'lapsed'] })
      .notNull()
      .default('applicant'),
    city: text('city').notNull(),
    state: text('state').notNull(),
    region: text('region').notNull(),
    timeZone: text('time_zone').notNull(),
    populationServed: integer('population_served'),
    studentFte: integer('student_fte'),
    collectionSize: integer('collection_size'),
    website: text('website'),
    phone: text('phone'),
    email: text('email'),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionEs: text('description_es').notNull().default(''),
    streetAddress: jsonb('street_address').$type<PostalAddress>().notNull(),
    shippingAddress: jsonb('shipping_address').$type<PostalAddress>().notNull(),
    courierStop: text('courier_stop'),
    // Private to the library's own staff and consortium staff.
    billingEmail: text('billing_email'),
    internalNotes: text('internal_notes').notNull().default(''),
    joinedOn: date('joined_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organizations_symbol_key').on(t.symbol),
    index('organizations_kind_state_idx').on(t.kind, t.state),
    check('organizations_library_type_check', sql`(${t.kind} = 'library') = (${t.libraryType} IS NOT NULL)`),
  ],
);

/** Regular weekly opening hours; several periods per day are allowed (e.g. closed for lunch). */
export const openingHours = pgTable(
  'opening_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(), // 0 = Sunday … 6 = Saturday, in the library's own time zone
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
  },
  (t) => [
    index('opening_hours_org_idx').on(t.organizationId, t.weekday),
    check('opening_hours_weekday_check', sql`${t.weekday} BETWEEN 0 AND 6`),
    check('opening_hours_order_check', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/** Holidays and other closures; resource sharing skips a closed lender. */
export const closures = pgTable(
  'closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    index('closures_org_idx').on(t.organizationId, t.startsOn),
    check('closures_order_check', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const ROLES = [
  'consortium_admin',
  'consortium_staff',
  'library_admin',
  'library_staff',
  'partner_staff',
] as const;
export const CAPABILITIES = ['sharing', 'catalog', 'data', 'learning'] as const;

export type NotificationPreferences = {
  emailDigest: 'off' | 'daily' | 'weekly';
  sharingEmails: boolean;
  learningEmails: boolean;
  communityEmails: boolean;
};

/** People with accounts. Each person works at one organisation and holds one role there. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: ROLES }).notNull(),
    capabilities: text('capabilities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    jobTitle: text('job_title').notNull().default(''),
    expertise: text('expertise')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    directoryOptIn: boolean('directory_opt_in').notNull().default(false),
    locale: text('locale', { enum: ['en', 'es'] })
      .notNull()
      .default('en'),
    notificationPreferences: jsonb('notification_preferences')
      .$type<NotificationPreferences>()
      .notNull()
      .default({ emailDigest: 'weekly', sharingEmails: true, learningEmails: true, communityEmails: false }),
    status: text('status', { enum: ['invited', 'active', 'disabled'] })
      .notNull()
      .default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_org_idx').on(t.organizationId),
  ],
);
