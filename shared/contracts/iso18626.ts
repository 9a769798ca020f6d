import { z } from 'zod';
import { pageOf, pagingQuery, uuidSchema } from './common.ts';
import { postalAddressSchema } from './members.ts';

/**
 * ISO 18626 partners (libraries on other systems) and the message log. Partners are configured by consortium
 * staff. Credentials we send (outbound account id and security code) are write-only: responses only say
 * whether they are set. The inbound security code is stored as a salted hash and never returned.
 */
export const ISO_VERSION_VALUES = ['1.2', '2021'] as const;
export const isoVersionSchema = z.enum(ISO_VERSION_VALUES);

export const OUTBOUND_STATUSES = ['pending', 'retrying', 'sent', 'failed', 'rejected', 'resent'] as const;
export const INBOUND_STATUSES = ['applied', 'ignored', 'error'] as const;
export const MESSAGE_STATUSES = [...OUTBOUND_STATUSES, ...INBOUND_STATUSES] as const;
export const messageStatusSchema = z.enum(MESSAGE_STATUSES);

export const quirksSchema = z
  .object({
    expectToSupplyAsWillSupply: z.boolean().default(false),
    termsInNote: z.boolean().default(false),
    plainVersionAttribute: z.boolean().default(false),
  })
  .strict();

const trimmed = (max: number) => z.string().trim().min(1).max(max);
/** Only http(s): a partner's endpoint is fetched by our server, so no file:, data: or other schemes. */
export const endpointUrlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(500);
/** An IANA zone name such as America/Chicago (checked by the runtime's own list). */
export const timeZoneSchema = z
  .string()
  .trim()
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return zone.includes('/') || zone === 'UTC';
      } catch {
        return false;
      }
    },
    { message: 'must be a time zone such as America/Chicago' },
  );
/** Secrets: omitted = keep, null = clear, a string = set. */
const secret = (min: number) => z.string().min(min).max(200).nullable();

const partnerFields = {
  name: trimmed(200),
  symbol: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/, 'must be 2–20 capital letters, digits or hyphens'),
  city: trimmed(100),
  state: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  region: z.string().trim().max(100),
  timeZone: timeZoneSchema,
  address: postalAddressSchema,
  agencyIdType: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,40}$/, 'must be a code such as ISIL or OCLC'),
  agencyIdValue: trimmed(100),
  endpointUrl: endpointUrlSchema,
  isoVersion: isoVersionSchema,
  quirks: quirksSchema,
  enabled: z.boolean(),
  lends: z.boolean(),
  borrows: z.boolean(),
  outboundAccountId: secret(1),
  outboundSecurityCode: secret(1),
  inboundAccountId: z.string().trim().min(1).max(200).nullable(),
  /** At least 12 characters: it is kept as a fast salted hash, so its own length is its strength. */
  inboundSecurityCode: secret(12),
};

export const partnerCreateSchema = z
  .object(partnerFields)
  .partial({
    region: true,
    quirks: true,
    enabled: true,
    lends: true,
    borrows: true,
    outboundAccountId: true,
    outboundSecurityCode: true,
    inboundAccountId: true,
    inboundSecurityCode: true,
  })
  .strict();
export type PartnerCreate = z.infer<typeof partnerCreateSchema>;

export const partnerUpdateSchema = z
  .object({ ...partnerFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .strict();
export type PartnerUpdate = z.infer<typeof partnerUpdateSchema>;

export const partnerParamsSchema = z.object({ partnerId: uuidSchema });

export const partnerSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  symbol: z.string(),
  city: z.string(),
  state: z.string(),
  region: z.string(),
  timeZone: z.string(),
  address: postalAddressSchema,
  agencyIdType: z.string(),
  agencyIdValue: z.string(),
  endpointUrl: z.string(),
  isoVersion: isoVersionSchema,
  quirks: quirksSchema,
  enabled: z.boolean(),
  lends: z.boolean(),
  borrows: z.boolean(),
  inboundAccountId: z.string().nullable(),
  /** Whether each write-only credential is set; the values are never returned. */
  credentials: z.object({
    outboundAccountId: z.boolean(),
    outboundSecurityCode: z.boolean(),
    inboundSecurityCode: z.boolean(),
  }),
  status: z.object({
    health: z.enum(['ok', 'unreachable', 'disabled', 'untried']),
    unreachableSince: z.string().nullable(),
    lastError: z.string().nullable(),
    lastContactAt: z.string().nullable(),
  }),
  /** Outbound messages not yet delivered (pending or retrying) and those that gave up. */
  outbox: z.object({ waiting: z.number().int(), failed: z.number().int() }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof partnerSchema>;
export const partnerListSchema = z.object({ items: z.array(partnerSchema) });

// ——— The message log ———

export const isoMessageSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['in', 'out']),
  kind: z.string(),
  summary: z.string(),
  status: messageStatusSchema,
  /** An outbound message held back until an earlier one to the same partner is delivered. */
  waitingForEarlier: z.boolean(),
  tries: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextTryAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  partner: z.object({ id: uuidSchema, name: z.string(), symbol: z.string() }).nullable(),
  attemptId: uuidSchema.nullable(),
  /** Pretty-printed; stored without patron data, credentials masked. */
  body: z.string(),
  confirmation: z.string().nullable(),
  canResend: z.boolean(),
});
export type IsoMessageView = z.infer<typeof isoMessageSchema>;

export const requestMessagesSchema = z.object({
  /** The outside libraries this request involves (empty: the request stays between members). */
  partners: z.array(z.object({ id: uuidSchema, name: z.string(), symbol: z.string() })),
  items: z.array(isoMessageSchema),
});
export type RequestMessages = z.infer<typeof requestMessagesSchema>;

export const requestMessageParamsSchema = z.object({
  requestId: uuidSchema,
  messageId: z.coerce.number().int().min(1),
});

export const partnerMessagesQuerySchema = z
  .object({ ...pagingQuery, status: messageStatusSchema.optional() })
  .strict();
export const partnerMessagesSchema = pageOf(isoMessageSchema.extend({ requestId: uuidSchema.nullable() }));
export type PartnerMessages = z.infer<typeof partnerMessagesSchema>;
