import { index, jsonb, pgTable, text, timestamp, uuid, integer, inet, bigserial } from 'drizzle-orm/pg-core';

/** Settings shared by every node, e.g. the generated session key when SESSION_SECRET is not configured. */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Security and administrative actions: who did what to what, from where. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    organizationId: uuid('organization_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: inet('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_org_at_idx').on(t.organizationId, t.at), index('audit_log_at_idx').on(t.at)],
);

export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

/**
 * Every email goes through this outbox first, so nothing is lost when SMTP is down and the dev mailbox
 * can show exactly what would have been sent.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    locale: text('locale', { enum: ['en', 'es'] }).notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** Small files sent with the message (e.g. an .ics invitation), base64 content. */
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'captured', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_status_idx').on(t.status, t.createdAt),
    index('mail_outbox_to_idx').on(t.toAddress),
  ],
);
