import { z } from 'zod';
import { dateSchema, localeSchema } from './common.ts';

/**
 * A library's public patron request page (off until the library turns it on). Staff set the card-number
 * rules, the pickup locations and an introduction in both languages; anyone may then ask for a loan or a
 * copy at /request/:symbol with a card number and an email. Every patron request waits for staff review
 * (borrower state `patron_review`) before it goes to a lender.
 */

const text = (max: number) => z.string().trim().max(max);

/** Letters and digits only; compared without case. */
export const CARD_CHARACTERS = /^[A-Za-z0-9]*$/;

export const patronPageSettingsSchema = z.object({
  enabled: z.boolean(),
  /** A card number must start with this (empty = any). */
  cardPrefix: text(20).regex(CARD_CHARACTERS, 'must be letters and digits only'),
  cardMinLength: z.number().int().min(1).max(40),
  cardMaxLength: z.number().int().min(1).max(40),
  /** Where a patron may pick the item up; empty = the library's main desk only (no choice offered). */
  pickupLocations: z.array(text(100).min(1)).max(20),
  allowCopies: z.boolean(),
  introEn: text(2000),
  introEs: text(2000),
  version: z.number().int(),
});
export const patronPageUpdateSchema = patronPageSettingsSchema.strict();
export type PatronPageSettings = z.infer<typeof patronPageSettingsSchema>;

export const symbolParamsSchema = z.object({ symbol: z.string().trim().min(2).max(20) });

/** What the public page needs to draw the form (nothing private of the library). */
export const publicPatronPageSchema = z.object({
  library: z.object({ symbol: z.string(), name: z.string() }),
  cardPrefix: z.string(),
  cardMinLength: z.number().int(),
  cardMaxLength: z.number().int(),
  pickupLocations: z.array(z.string()),
  allowCopies: z.boolean(),
  introEn: z.string(),
  introEs: z.string(),
  /** Patron details are deleted this many days after the request ends. */
  retentionDays: z.number().int(),
});
export type PublicPatronPage = z.infer<typeof publicPatronPageSchema>;

/**
 * A patron's request. `website` is a honeypot: a field hidden from people (and from assistive technology)
 * that bots fill in; a request carrying it is quietly dropped.
 */
export const patronRequestInputSchema = z
  .object({
    serviceType: z.enum(['loan', 'copy']),
    /** The book's title, or for a copy the journal's. */
    title: text(500).min(1, 'required'),
    author: text(300).default(''),
    isbn: text(20).default(''),
    issn: text(12).default(''),
    year: text(20).default(''),
    articleTitle: text(500).default(''),
    articleAuthor: text(300).default(''),
    volume: text(40).default(''),
    issue: text(40).default(''),
    pages: text(40).default(''),
    needBefore: dateSchema.optional(),
    pickupLocation: text(100).default(''),
    name: text(200).min(1, 'required'),
    cardNumber: text(60).min(1, 'required'),
    email: z.email('must be a valid email address').max(254).trim().toLowerCase(),
    locale: localeSchema,
    consent: z.literal(true, 'required'),
    website: z.string().max(200).default(''),
  })
  .strict();
export type PatronRequestInput = z.input<typeof patronRequestInputSchema>;

export const patronRequestReceiptSchema = z.object({
  /** The reference the patron quotes to staff (the request number). */
  reference: z.string(),
  email: z.string(),
});
export type PatronRequestReceipt = z.infer<typeof patronRequestReceiptSchema>;
