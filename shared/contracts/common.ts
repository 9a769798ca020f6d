import { z } from 'zod';

export const LOCALES = ['en', 'es'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const ROLE_VALUES = [
  'consortium_admin',
  'consortium_staff',
  'library_admin',
  'library_staff',
  'partner_staff',
] as const;
export const roleSchema = z.enum(ROLE_VALUES);
export type Role = z.infer<typeof roleSchema>;

export const CAPABILITY_VALUES = ['sharing', 'catalog', 'data', 'learning'] as const;
export const capabilitySchema = z.enum(CAPABILITY_VALUES);
export type Capability = z.infer<typeof capabilitySchema>;

export const uuidSchema = z.uuid('must be a valid id');
/** A calendar date (2026-03-08) that exists and that PostgreSQL accepts (year 0 is not a year there). */
export const dateSchema = z.iso
  .date('must be a date like 2026-03-08')
  .refine((d) => d >= '0001-01-01', 'must be a date like 2026-03-08');
export const emailSchema = z.email('must be a valid email address').max(254).trim().toLowerCase();

/** Standard paging query: 1-based page, bounded page size, so every list is paged. */
export const pagingQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});
export type ErrorBodyContract = z.infer<typeof errorBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** The error responses every route may give, for the OpenAPI description (one shape: errorBodySchema). */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  429: errorBodySchema,
};

/** Routes about one library take its id as `:libraryId`. */
export const libraryParamsSchema = z.object({ libraryId: uuidSchema });
