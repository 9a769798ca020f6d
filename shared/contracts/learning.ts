import { z } from 'zod';
import { dateSchema, pageOf, pagingQuery, uuidSchema } from './common.ts';

export const EVENT_FORMATS = ['online', 'in_person', 'hybrid'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const EVENT_LANGUAGES = ['en', 'es', 'bilingual'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled'] as const;
/** The region spans Central and Mountain time (Arizona keeps standard time all year). */
export const EVENT_TIME_ZONES = ['America/Chicago', 'America/Denver', 'America/Phoenix'] as const;
export const TOPICS = [
  'cataloging',
  'reference',
  'technology',
  'leadership',
  'youth_services',
  'resource_sharing',
  'accessibility',
  'collections',
  'outreach',
] as const;
export const COMPETENCY_AREAS = [
  'foundations',
  'information_resources',
  'organization_of_information',
  'technology',
  'reference_and_user_services',
  'administration_and_management',
  'lifelong_learning',
] as const;

export const topicSchema = z.enum(TOPICS);
export const competencyAreaSchema = z.enum(COMPETENCY_AREAS);

/** A wall-clock time in the event's own time zone, as an organiser types it: 2026-03-08T10:00. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time like 2026-03-08T10:00');

export const sessionInputSchema = z
  .object({ startsAt: localDateTimeSchema, endsAt: localDateTimeSchema })
  .strict()
  .refine((s) => s.startsAt < s.endsAt, { message: 'must end after it starts', path: ['endsAt'] });

export const materialSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    url: z.url().max(2000),
    kind: z.enum(['recording', 'slides', 'handout', 'link']),
    captioned: z.boolean().default(false),
  })
  .strict();

const cents = z.number().int().min(0).max(10_000_000);

const eventFields = {
  titleEn: z.string().trim().min(3).max(200),
  titleEs: z.string().trim().min(3).max(200),
  descriptionEn: z.string().trim().max(10_000).default(''),
  descriptionEs: z.string().trim().max(10_000).default(''),
  format: z.enum(EVENT_FORMATS),
  language: z.enum(EVENT_LANGUAGES).default('en'),
  timeZone: z.enum(EVENT_TIME_ZONES),
  topic: topicSchema,
  competencyArea: competencyAreaSchema,
  audience: z.string().trim().max(500).default(''),
  presenters: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  contactHours: z.number().min(0.25).max(100).multipleOf(0.25),
  capacity: z.number().int().min(1).max(100_000),
  seatCapPerInstitution: z.number().int().min(1).max(10_000).nullable().default(null),
  visibility: z.enum(['members', 'public']).default('members'),
  sessions: z.array(sessionInputSchema).min(1).max(52),
  registrationOpensAt: localDateTimeSchema,
  registrationClosesAt: localDateTimeSchema,
  location: z.string().trim().max(500).default(''),
  joinUrl: z.union([z.url().max(2000), z.literal('')]).default(''),
  memberPriceCents: cents.default(0),
  nonmemberPriceCents: cents.default(0),
  earlyBirdPriceCents: cents.nullable().default(null),
  earlyBirdUntil: localDateTimeSchema.nullable().default(null),
  promotionMode: z.enum(['direct', 'offer']).default('direct'),
  offerHours: z.number().int().min(1).max(168).default(24),
  minimumMinutes: z.number().int().min(1).max(10_000).nullable().default(null),
  reminderHoursBefore: z.number().int().min(1).max(336).default(24),
  reminderEn: z.string().trim().max(2000).default(''),
  reminderEs: z.string().trim().max(2000).default(''),
  materials: z.array(materialSchema).max(50).default([]),
};

export const eventCreateSchema = z.object(eventFields).strict();
export type EventCreate = z.infer<typeof eventCreateSchema>;

/** Send the version you edited; every other field is optional. */
export const eventUpdateSchema = z
  .object({
    // Defaults belong to creation only: a missing field in an update means "unchanged".
    ...Object.fromEntries(
      Object.entries(eventFields).map(([k, v]) => [
        k,
        (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodTypeAny) : v).optional(),
      ]),
    ),
    status: z.enum(EVENT_STATUSES).optional(),
    version: z.number().int().min(1),
  })
  .strict() as unknown as z.ZodType<
  Partial<EventCreate> & { status?: (typeof EVENT_STATUSES)[number]; version: number }
>;
export type EventUpdate = Partial<EventCreate> & {
  status?: (typeof EVENT_STATUSES)[number];
  version: number;
};

export const sessionSchema = z.object({
  id: uuidSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  /** The same instants as wall-clock times in the event's time zone. */
  localStart: z.string(),
  localEnd: z.string(),
});

export const myRegistrationSchema = z.object({
  id: uuidSchema,
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  amountCents: z.number().int(),
  priceCategory: z.string(),
  invoiceReference: z.string().nullable(),
  certificateCode: z.string().nullable(),
});

export const eventSummarySchema = z.object({
  id: uuidSchema,
  organizer: z.object({ id: uuidSchema, name: z.string() }),
  titleEn: z.string(),
  titleEs: z.string(),
  format: z.enum(EVENT_FORMATS),
  language: z.enum(EVENT_LANGUAGES),
  timeZone: z.string(),
  topic: z.string(),
  competencyArea: z.string(),
  contactHours: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  sessionCount: z.number().int(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  free: z.boolean(),
  status: z.enum(EVENT_STATUSES),
  visibility: z.enum(['members', 'public']),
});

export const eventSchema = eventSummarySchema.extend({
  descriptionEn: z.string(),
  descriptionEs: z.string(),
  audience: z.string(),
  presenters: z.array(z.string()),
  seatsTaken: z.number().int(),
  waitlistCount: z.number().int(),
  seatCapPerInstitution: z.number().int().nullable(),
  sessions: z.array(sessionSchema),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  localRegistrationOpensAt: z.string(),
  localRegistrationClosesAt: z.string(),
  registrationOpen: z.boolean(),
  location: z.string(),
  /** Only shown to confirmed registrants and organisers. */
  joinUrl: z.string().nullable(),
  memberPriceCents: z.number().int(),
  nonmemberPriceCents: z.number().int(),
  earlyBirdPriceCents: z.number().int().nullable(),
  earlyBirdUntil: z.string().nullable(),
  localEarlyBirdUntil: z.string().nullable(),
  promotionMode: z.enum(['direct', 'offer']),
  offerHours: z.number().int(),
  minimumMinutes: z.number().int().nullable(),
  reminderHoursBefore: z.number().int(),
  reminderEn: z.string(),
  reminderEs: z.string(),
  materials: z.array(materialSchema),
  version: z.number().int(),
  my: myRegistrationSchema.nullable(),
  can: z.object({ manage: z.boolean(), register: z.boolean() }),
});
export type LearningEvent = z.infer<typeof eventSchema>;

export const eventQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    topic: topicSchema.optional(),
    format: z.enum(EVENT_FORMATS).optional(),
    language: z.enum(EVENT_LANGUAGES).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    free: z.enum(['true', 'false']).optional(),
    ...pagingQuery,
  })
  .strict();
export const eventPageSchema = pageOf(eventSummarySchema);

export const organiserEventQuerySchema = z
  .object({ status: z.enum(EVENT_STATUSES).optional(), ...pagingQuery })
  .strict();

export const eventParamsSchema = z.object({ eventId: uuidSchema });
export const orgEventParamsSchema = z.object({ libraryId: uuidSchema, eventId: uuidSchema });

export const registrationCreateSchema = z
  .object({
    /** A library admin registers a colleague by their id; omit to register yourself. */
    userId: uuidSchema.optional(),
    accommodation: z.string().trim().max(1000).default(''),
  })
  .strict();

export const registrationSchema = myRegistrationSchema.extend({
  eventId: uuidSchema,
  person: z.object({ id: uuidSchema, name: z.string(), email: z.string() }),
  organization: z.object({ id: uuidSchema, name: z.string() }),
  accommodation: z.string(),
  checkedInAt: z.string().nullable(),
  minutesAttended: z.number().int().nullable(),
  attended: z.boolean(),
  createdAt: z.string(),
});
export const registrationListSchema = z.object({ items: z.array(registrationSchema) });

export const myRegistrationItemSchema = myRegistrationSchema.extend({ event: eventSummarySchema });
export const myRegistrationListSchema = z.object({ items: z.array(myRegistrationItemSchema) });

export const tokenCancelSchema = z.object({ token: z.string().min(10).max(200) }).strict();
export const tokenCancelResultSchema = z.object({
  eventTitleEn: z.string(),
  eventTitleEs: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
});

export const checkInSchema = z.object({ registrationId: uuidSchema, present: z.boolean() }).strict();

export const attendanceImportSchema = z
  .object({
    csv: z.string().min(1).max(2_000_000),
    /** Overrides the event's minimum minutes for this import. */
    minimumMinutes: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export const attendanceResultSchema = z.object({
  matched: z.number().int(),
  attended: z.number().int(),
  unmatched: z.array(z.string()),
  certificatesIssued: z.number().int(),
});

export const messageCreateSchema = z
  .object({
    subject: z.string().trim().min(3).max(200),
    body: z.string().trim().min(1).max(10_000),
    includeWaitlist: z.boolean().default(false),
  })
  .strict();
export const messageResultSchema = z.object({ recipients: z.number().int() });

export const certificateSchema = z.object({
  code: z.string(),
  valid: z.boolean(),
  recipientName: z.string(),
  organizationName: z.string(),
  titleEn: z.string(),
  titleEs: z.string(),
  contactHours: z.number(),
  competencyArea: z.string(),
  completedOn: z.string(),
  issuedAt: z.string(),
});
export const certificateParamsSchema = z.object({
  code: z.string().regex(/^[A-Z0-9-]{6,40}$/, 'must be a certificate code'),
});
export const languageQuerySchema = z.object({ lang: z.enum(['en', 'es']).default('en') }).strict();

export const feedSchema = z.object({ url: z.string(), path: z.string() });
export const feedTokenParamsSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/, 'must be a feed address ending in .ics'),
});
export const topicFeedParamsSchema = z.object({
  topic: z.string().regex(/^[a-z_]+\.ics$/, 'must be topic.ics'),
});

export const outsideTrainingSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  provider: z.string(),
  completedOn: z.string(),
  contactHours: z.number(),
  competencyArea: z.string(),
  proofName: z.string().nullable(),
});

export const ceRuleSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  nameEn: z.string(),
  nameEs: z.string(),
  periodYears: z.number().int(),
  hoursRequired: z.number(),
  categoryMinimums: z.record(z.string(), z.number()),
  hoursPerCeu: z.number().int(),
});
export const ceRuleListSchema = z.object({ items: z.array(ceRuleSchema) });
export const ceRuleUpdateSchema = z
  .object({
    nameEn: z.string().trim().min(3).max(200),
    nameEs: z.string().trim().min(3).max(200),
    periodYears: z.number().int().min(1).max(10),
    hoursRequired: z.number().min(0).max(1000),
    categoryMinimums: z.partialRecord(competencyAreaSchema, z.number().min(0).max(1000)),
    hoursPerCeu: z.number().int().min(1).max(100),
  })
  .strict();

export const transcriptQuerySchema = z
  .object({
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    rule: z.string().trim().max(40).optional(),
    lang: z.enum(['en', 'es']).default('en'),
  })
  .strict();

export const transcriptEntrySchema = z.object({
  kind: z.enum(['event', 'outside']),
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  completedOn: z.string(),
  contactHours: z.number(),
  competencyArea: z.string(),
  certificateCode: z.string().nullable(),
  proofName: z.string().nullable(),
});
export const transcriptSchema = z.object({
  person: z.object({ name: z.string(), organization: z.string() }),
  from: z.string(),
  to: z.string(),
  entries: z.array(transcriptEntrySchema),
  totalHours: z.number(),
  ceus: z.number(),
  byArea: z.record(z.string(), z.number()),
  rule: z
    .object({
      code: z.string(),
      name: z.string(),
      hoursRequired: z.number(),
      met: z.boolean(),
      shortfalls: z.array(z.object({ area: z.string(), required: z.number(), earned: z.number() })),
    })
    .nullable(),
});
export type Transcript = z.infer<typeof transcriptSchema>;

/** The text fields sent with an outside-training report (multipart, beside the optional proof file). */
export const outsideTrainingFieldsSchema = z
  .object({
    title: z.string().trim().min(3).max(300),
    provider: z.string().trim().min(2).max(200),
    completedOn: dateSchema,
    contactHours: z.coerce.number().min(0.25).max(200),
    competencyArea: competencyAreaSchema,
  })
  .strict();
export type OutsideTrainingFields = z.infer<typeof outsideTrainingFieldsSchema>;
export const outsideTrainingListSchema = z.object({ items: z.array(outsideTrainingSchema) });
