import { z } from 'zod';
import { capabilitySchema, dateSchema, pageOf, pagingQuery, roleSchema, uuidSchema } from './common.ts';

export const LIBRARY_TYPES = ['public', 'academic', 'school', 'special'] as const;
export const MEMBER_STATUSES = ['applicant', 'active', 'grace', 'lapsed'] as const;
export const STATES = ['TX', 'OK', 'NM', 'AR', 'LA'] as const;
export const ORGANIZATION_KINDS = ['consortium', 'library', 'partner'] as const;

export const libraryTypeSchema = z.enum(LIBRARY_TYPES);
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export const organizationKindSchema = z.enum(ORGANIZATION_KINDS);

export const postalAddressSchema = z
  .object({
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(1).max(100),
    state: z.string().trim().length(2),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'must be a US ZIP code'),
  })
  .strict();

export const openingPeriodSchema = z
  .object({
    weekday: z.number().int().min(0).max(6),
    opensAt: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM'),
    closesAt: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM'),
  })
  .strict()
  .refine((p) => p.opensAt < p.closesAt, { message: 'must close after it opens', path: ['closesAt'] });

export const closureSchema = z.object({
  id: uuidSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string(),
});

export const closureCreateSchema = z
  .object({
    startsOn: dateSchema,
    endsOn: dateSchema,
    reason: z.string().trim().min(1).max(200),
  })
  .strict()
  .refine((c) => c.startsOn <= c.endsOn, { message: 'must not end before it starts', path: ['endsOn'] });

/** Directory query: `q` searches name, symbol and city (diacritics folded). */
export const directoryQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    kind: organizationKindSchema.optional(),
    type: libraryTypeSchema.optional(),
    state: z.enum(STATES).optional(),
    status: memberStatusSchema.optional(),
    sort: z.enum(['name', 'state', 'type']).default('name'),
    ...pagingQuery,
  })
  .strict();

export const directoryEntrySchema = z.object({
  id: uuidSchema,
  kind: organizationKindSchema,
  name: z.string(),
  symbol: z.string(),
  libraryType: libraryTypeSchema.nullable(),
  status: memberStatusSchema,
  city: z.string(),
  state: z.string(),
  region: z.string(),
  populationServed: z.number().int().nullable(),
  studentFte: z.number().int().nullable(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryPageSchema = pageOf(directoryEntrySchema).extend({
  facets: z.object({
    type: z.record(z.string(), z.number().int()),
    state: z.record(z.string(), z.number().int()),
    status: z.record(z.string(), z.number().int()),
  }),
});
export type DirectoryPage = z.infer<typeof directoryPageSchema>;

/**
 * A library profile. What is filled depends on who asks: the public sees the public profile; staff of any
 * member see shipping details; the library's own staff and consortium staff also see the private part.
 */
export const libraryProfileSchema = directoryEntrySchema.extend({
  timeZone: z.string(),
  collectionSize: z.number().int().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  descriptionEn: z.string(),
  descriptionEs: z.string(),
  streetAddress: postalAddressSchema,
  joinedOn: z.string().nullable(),
  hours: z.array(z.object({ weekday: z.number().int(), opensAt: z.string(), closesAt: z.string() })),
  closures: z.array(closureSchema),
  /** Members only (null for the public). */
  shipping: z.object({ address: postalAddressSchema, courierStop: z.string().nullable() }).nullable(),
  /** Own staff and consortium staff only (null otherwise). */
  private: z
    .object({ billingEmail: z.string().nullable(), internalNotes: z.string(), staffCount: z.number().int() })
    .nullable(),
  /** What the caller may do here, so the web app shows only valid actions. */
  can: z.object({ edit: z.boolean(), changeStatus: z.boolean(), managePeople: z.boolean() }),
  version: z.number().int(),
});
export type LibraryProfile = z.infer<typeof libraryProfileSchema>;

export const libraryUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    name: z.string().trim().min(2).max(200),
    website: z
      .url({ protocol: /^https?$/ })
      .max(300)
      .nullable(),
    phone: z.string().trim().max(40).nullable(),
    email: z.email().max(254).nullable(),
    descriptionEn: z.string().max(4000),
    descriptionEs: z.string().max(4000),
    populationServed: z.number().int().min(0).max(50_000_000).nullable(),
    studentFte: z.number().int().min(0).max(2_000_000).nullable(),
    collectionSize: z.number().int().min(0).max(100_000_000).nullable(),
    streetAddress: postalAddressSchema,
    shippingAddress: postalAddressSchema,
    courierStop: z.string().trim().max(40).nullable(),
    billingEmail: z.email().max(254).nullable(),
    internalNotes: z.string().max(4000),
  })
  .partial()
  .required({ version: true })
  .strict();

export const hoursUpdateSchema = z
  .object({ version: z.number().int().min(1), hours: z.array(openingPeriodSchema).max(28) })
  .strict();

export const statusUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    status: memberStatusSchema,
    reason: z.string().trim().max(500).optional(),
  })
  .strict();

export const personSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  capabilities: z.array(capabilitySchema),
  jobTitle: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;
/** GET /libraries/:libraryId/people — the whole roster (a library has tens of people, not thousands). */
export const peopleListSchema = z.object({ items: z.array(personSchema) });

export const personUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    role: roleSchema,
    capabilities: z.array(capabilitySchema).max(4),
    status: z.enum(['active', 'disabled']),
  })
  .partial()
  .required({ version: true })
  .strict();

export const staffDirectoryQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    capability: capabilitySchema.optional(),
    state: z.enum(STATES).optional(),
    ...pagingQuery,
  })
  .strict();

export const staffDirectoryEntrySchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  jobTitle: z.string(),
  email: z.string(),
  expertise: z.array(z.string()),
  capabilities: z.array(capabilitySchema),
  role: roleSchema,
  organization: z.object({ id: uuidSchema, name: z.string(), state: z.string() }),
});
export type StaffDirectoryEntry = z.infer<typeof staffDirectoryEntrySchema>;
export const staffDirectoryPageSchema = pageOf(staffDirectoryEntrySchema);

export const dashboardSchema = z.object({
  organization: z.object({
    id: uuidSchema,
    name: z.string(),
    kind: organizationKindSchema,
    status: memberStatusSchema,
  }),
  colleagues: z.number().int(),
  pendingInvitations: z.number().int(),
  /** Consortium staff: members by status across the consortium. */
  membersByStatus: z.record(z.string(), z.number().int()).nullable(),
  upcomingClosures: z.array(closureSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
