import { z } from 'zod';
import { dateSchema, localeSchema, pageOf, pagingQuery, uuidSchema } from './common.ts';
import {
  BORROWER_STATE_VALUES,
  LENDER_STATE_VALUES,
  LOAN_CONDITIONS,
  QUEUE_SORTS,
  REASON_CODES,
  SERVICE_TYPES,
  SHIPPING_METHODS,
  SIDES,
  STAFF_ACTIONS,
} from './sharing-values.ts';

export {
  BORROWER_STATE_VALUES,
  LENDER_STATE_VALUES,
  LOAN_CONDITIONS,
  REASON_CODES,
  SERVICE_TYPES,
  SHIPPING_METHODS,
  SIDES,
  STAFF_ACTIONS,
};

/**
 * Resource sharing (interlibrary loan between members). One request belongs to a borrowing library and is
 * sent to lenders one at a time down its rota; each lender asked gets an "attempt". The caller's library
 * decides which side they see: the borrower's staff see the borrower side (with the patron), a lender's
 * staff see only their own attempt and never any patron data, consortium staff see both sides without the
 * patron. State names are the server's state machines (server/modules/sharing/states.ts, checked equal by
 * a test); the UI offers exactly `actions` of a request — never computes them.
 */

export const serviceTypeSchema = z.enum(SERVICE_TYPES);
export const sideSchema = z.enum(SIDES);
export type Side = z.infer<typeof sideSchema>;

export const borrowerStateSchema = z.enum(BORROWER_STATE_VALUES);
export const lenderStateSchema = z.enum(LENDER_STATE_VALUES);
export type BorrowerStateName = z.infer<typeof borrowerStateSchema>;
export type LenderStateName = z.infer<typeof lenderStateSchema>;

export const staffActionSchema = z.enum(STAFF_ACTIONS);
export type StaffAction = z.infer<typeof staffActionSchema>;

const text = (max: number) => z.string().trim().max(max);

/** The citation: a book (title, author…) or an article/chapter (journal + article fields). */
export const citationSchema = z
  .object({
    title: text(500).min(1),
    author: text(300).default(''),
    publisher: text(300).default(''),
    year: text(20).default(''),
    edition: text(100).default(''),
    isbn: text(20).default(''),
    issn: text(12).default(''),
    oclc: text(20).default(''),
    /** Articles and chapters. */
    articleTitle: text(500).default(''),
    articleAuthor: text(300).default(''),
    volume: text(40).default(''),
    issue: text(40).default(''),
    pages: text(40).default(''),
  })
  .strict();
export type Citation = z.infer<typeof citationSchema>;

/** The least patron data needed: a name or card number, and an email for notices. */
export const patronInputSchema = z
  .object({
    name: text(200).min(1),
    email: z.email().max(254).optional(),
    locale: localeSchema.default('en'),
  })
  .strict();

export const requestCreateSchema = z
  .object({
    serviceType: serviceTypeSchema,
    /** From a catalog record page: the citation is pre-filled from the cluster, fields given here win. */
    clusterId: uuidSchema.optional(),
    citation: citationSchema.partial().strict().default({}),
    needBefore: dateSchema.optional(),
    pickupLocation: text(200).default(''),
    rush: z.boolean().default(false),
    patron: patronInputSchema.optional(),
    staffNote: text(2000).default(''),
  })
  .strict();
export type RequestCreate = z.infer<typeof requestCreateSchema>;

/** POST /sharing/requests/:requestId/actions — `version` is the request's, as last read. */
export const actionInputSchema = z
  .object({
    action: staffActionSchema,
    version: z.number().int().min(1),
    note: text(2000).optional(),
    /** ship / approve_renewal: the (new) due date. */
    dueDate: dateSchema.optional(),
    /** cannot_supply / retry_possible. */
    reasonCode: text(40).optional(),
    /** offer_conditions. */
    conditions: z.array(text(40).min(1)).max(10).optional(),
    costCents: z.number().int().min(0).max(1_000_000).optional(),
    /** ship / ship_return. */
    shippingMethod: z.enum(SHIPPING_METHODS).optional(),
    trackingId: text(100).optional(),
  })
  .strict();
export type ActionInput = z.infer<typeof actionInputSchema>;

export const noteInputSchema = z.object({ text: text(4000).min(1) }).strict();

export const requestParamsSchema = z.object({ requestId: uuidSchema });

export const queueQuerySchema = z
  .object({
    side: sideSchema.default('borrowing'),
    /** A borrower state (borrowing) or lender state (lending). */
    state: z.string().max(40).optional(),
    attention: z.enum(['true', 'false']).optional(),
    serviceType: serviceTypeSchema.optional(),
    /** Title, author, identifier or request number. */
    q: text(200).optional(),
    /** The other library: the current lender (borrowing queue) or the borrower (lending queue). */
    otherLibrary: uuidSchema.optional(),
    rush: z.enum(['true', 'false']).optional(),
    /** Created on these days (inclusive, UTC). */
    createdFrom: dateSchema.optional(),
    createdTo: dateSchema.optional(),
    /** The patron's need-before date in this range (inclusive). */
    needBeforeFrom: dateSchema.optional(),
    needBeforeTo: dateSchema.optional(),
    /** updated: newest change first (default); created: newest first; oldest; needBefore: soonest first. */
    sort: z.enum(QUEUE_SORTS).default('updated'),
    ...pagingQuery,
  })
  .strict()
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
    path: ['createdTo'],
    message: 'must not be before createdFrom',
  })
  .refine((f) => !f.needBeforeFrom || !f.needBeforeTo || f.needBeforeFrom <= f.needBeforeTo, {
    path: ['needBeforeTo'],
    message: 'must not be before needBeforeFrom',
  });

export const queueItemSchema = z.object({
  id: uuidSchema,
  number: z.string(),
  serviceType: serviceTypeSchema,
  title: z.string(),
  author: z.string(),
  /** Borrower state on the borrowing side, this library's attempt state on the lending side. */
  state: z.string(),
  attention: z.boolean(),
  borrower: z.object({ id: uuidSchema, symbol: z.string(), name: z.string() }),
  lender: z.object({ id: uuidSchema, symbol: z.string(), name: z.string() }).nullable(),
  needBefore: z.string().nullable(),
  dueDate: z.string().nullable(),
  rush: z.boolean(),
  /** The borrowing library is outside the consortium and speaks ISO 18626 (a partner). */
  outside: z.boolean().optional(),
  updatedAt: z.string(),
});
export const queuePageSchema = pageOf(queueItemSchema).extend({
  counts: z.array(z.object({ state: z.string(), count: z.number().int(), attention: z.boolean() })),
  attentionTotal: z.number().int(),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

/**
 * A text the server made (a rota reason, an engine note) as a stable code with parameters — the codes are
 * listed in sharing-texts.ts; the web app translates them. Beside each, the API keeps the English text.
 */
export const sharingTextSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export const rotaEntrySchema = z.object({
  position: z.number().int(),
  library: z.object({ id: uuidSchema, symbol: z.string(), name: z.string() }),
  /** Plain-language reasons in English, e.g. "Preferred partner of the borrowing library". */
  reasons: z.array(z.string()),
  /** The same reasons as codes (a reason stored as text no code matches has none). */
  reasonCodes: z.array(sharingTextSchema),
  /** Null until asked; then the attempt's state. */
  state: lenderStateSchema.nullable(),
});
export const skippedLibrarySchema = z.object({
  library: z.object({ id: uuidSchema, symbol: z.string(), name: z.string() }),
  /** In English; `reasonCodes` is the same as codes (empty for a text no code matches). */
  reason: z.string(),
  reasonCodes: z.array(sharingTextSchema),
});

export const timelineEventSchema = z.object({
  at: z.string(),
  side: z.enum(['borrowing', 'lending', 'system']),
  actor: z.string().nullable(),
  library: z.string().nullable(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Free text (staff, outside partners), or the English text of `noteCodes`. */
  note: z.string(),
  /** A note the server wrote, as codes; empty for free text. */
  noteCodes: z.array(sharingTextSchema),
});
export const noteSchema = z.object({
  id: uuidSchema,
  at: z.string(),
  author: z.string(),
  library: z.string(),
  text: z.string(),
});

export const attemptSchema = z.object({
  id: uuidSchema,
  lender: z.object({ id: uuidSchema, symbol: z.string(), name: z.string() }),
  position: z.number().int(),
  state: lenderStateSchema,
  answerBy: z.string().nullable(),
  dueDate: z.string().nullable(),
  shippingMethod: z.string().nullable(),
  trackingId: z.string().nullable(),
  conditions: z.array(z.string()),
  costCents: z.number().int().nullable(),
  reasonCode: z.string().nullable(),
  renewalPending: z.boolean(),
  hasCopy: z.boolean(),
});

export const requestDetailSchema = z.object({
  id: uuidSchema,
  number: z.string(),
  version: z.number().int(),
  /** Which side the caller sees; `consortium` sees both without the patron. */
  viewAs: z.enum(['borrowing', 'lending', 'consortium']),
  serviceType: serviceTypeSchema,
  citation: citationSchema,
  clusterId: uuidSchema.nullable(),
  needBefore: z.string().nullable(),
  pickupLocation: z.string(),
  rush: z.boolean(),
  borrower: z.object({ id: uuidSchema, symbol: z.string(), name: z.string() }),
  /** The borrowing library is outside the consortium and speaks ISO 18626 (a partner): no patron, no rota. */
  outside: z.boolean().optional(),
  state: borrowerStateSchema,
  /** Borrower staff only; purged after the retention period. The card number comes from a patron page. */
  patron: z
    .object({
      name: z.string(),
      email: z.string().nullable(),
      cardNumber: z.string().nullable(),
      locale: localeSchema,
    })
    .nullable(),
  staffNote: z.string().nullable(),
  /** The current attempt (the lender's own, on the lending side). */
  attempt: attemptSchema.nullable(),
  rota: z.array(rotaEntrySchema),
  skipped: z.array(skippedLibrarySchema),
  timeline: z.array(timelineEventSchema),
  notes: z.array(noteSchema),
  /** Staff actions valid now for the caller (empty for consortium staff and for closed requests). */
  actions: z.array(staffActionSchema),
  /** CONTU rule of five: copies of this journal for the borrower this year, and a warning from the 5th. */
  contu: z
    .object({ journal: z.string(), year: z.number().int(), count: z.number().int(), warning: z.boolean() })
    .nullable(),
  /** A borrower's download link while an electronic copy is available. */
  copyUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const lookupQuerySchema = z
  .object({ isbn: text(20).optional(), issn: text(12).optional(), oclc: text(20).optional() })
  .strict();
export const lookupResultSchema = z.object({
  items: z.array(
    z.object({
      clusterId: uuidSchema,
      title: z.string(),
      author: z.string().nullable(),
      year: z.number().int().nullable(),
      format: z.string(),
      libraryCount: z.number().int(),
    }),
  ),
});

export const lendingPolicySchema = z.object({
  lending: z.boolean(),
  /** Formats lent (catalog formats such as book, ebook, music); empty = all. */
  formatsLent: z.array(z.string().max(40)).max(30),
  /** Holding locations that never lend (reference, special collections…), compared case-insensitively. */
  nonLendingLocations: z.array(z.string().max(100)).max(50),
  /** Null = no limit. */
  activeLoanLimit: z.number().int().min(0).max(100_000).nullable(),
  answerBusinessDays: z.number().int().min(1).max(30),
  rushAnswerHours: z.number().int().min(1).max(240),
  loanPeriodDays: z.number().int().min(1).max(365),
  lenderOfLastResort: z.boolean(),
  preferredPartners: z.array(uuidSchema).max(50),
  goalLoans: z.number().int().min(1).max(100),
  goalBorrows: z.number().int().min(1).max(100),
  version: z.number().int(),
});
export const lendingPolicyUpdateSchema = lendingPolicySchema.strict();
export type LendingPolicy = z.infer<typeof lendingPolicySchema>;

export const contuQuerySchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export const contuListSchema = z.object({
  year: z.number().int(),
  items: z.array(z.object({ journal: z.string(), count: z.number().int(), warning: z.boolean() })),
});

export const analyticsQuerySchema = z
  .object({
    /** Omit for the whole consortium. */
    libraryId: uuidSchema.optional(),
    from: dateSchema,
    to: dateSchema,
    period: z.enum(['month', 'quarter', 'year']).default('month'),
  })
  .strict();
const turnaround = z.object({
  count: z.number().int(),
  averageHours: z.number().nullable(),
  under48: z.number().int(),
  from48to72: z.number().int(),
  over72: z.number().int(),
});
export const analyticsRowSchema = z.object({
  period: z.string(),
  requests: z.number().int(),
  ended: z.number().int(),
  filled: z.number().int(),
  /** filled ÷ ended, 0–1; null when nothing ended. */
  fillRate: z.number().nullable(),
  timeToShip: turnaround,
  timeToReceipt: turnaround,
  totalTurnaround: turnaround,
  /** Loans and copies supplied to others vs received from others (for a library). */
  supplied: z.number().int(),
  received: z.number().int(),
  net: z.number().int(),
});
export const analyticsSchema = z.object({
  scope: z.object({ libraryId: uuidSchema.nullable(), from: z.string(), to: z.string(), period: z.string() }),
  definitions: z.record(z.string(), z.string()),
  rows: z.array(analyticsRowSchema),
  total: analyticsRowSchema,
});
export type Analytics = z.infer<typeof analyticsSchema>;

export const notificationSchema = z.object({
  id: uuidSchema,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const notificationQuerySchema = z
  .object({
    /** Only the unread ones. */
    unread: z.enum(['true']).optional(),
    ...pagingQuery,
  })
  .strict();
/** A page of my notifications, newest first, with the unread count of all of them. */
export const notificationListSchema = pageOf(notificationSchema).extend({ unread: z.number().int() });
export const markAllReadSchema = z.object({ ok: z.literal(true), marked: z.number().int() });
export const notificationParamsSchema = z.object({ notificationId: uuidSchema });
