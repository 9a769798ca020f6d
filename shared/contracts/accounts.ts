import { z } from 'zod';
import { capabilitySchema, emailSchema, localeSchema, roleSchema, uuidSchema } from './common.ts';

export const PASSWORD_MIN = 12;
const newPassword = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(256, 'must be at most 256 characters');

export const notificationPreferencesSchema = z
  .object({
    emailDigest: z.enum(['off', 'daily', 'weekly']),
    sharingEmails: z.boolean(),
    learningEmails: z.boolean(),
    communityEmails: z.boolean(),
  })
  .strict();

export const meSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  capabilities: z.array(capabilitySchema),
  organization: z.object({
    id: uuidSchema,
    name: z.string(),
    kind: z.enum(['consortium', 'library', 'partner']),
    symbol: z.string(),
  }),
  jobTitle: z.string(),
  expertise: z.array(z.string()),
  directoryOptIn: z.boolean(),
  locale: localeSchema,
  notificationPreferences: notificationPreferencesSchema,
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({
  user: meSchema.nullable(),
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const loginBodySchema = z
  .object({ email: emailSchema, password: z.string().min(1, 'is required').max(256) })
  .strict();

export const passwordResetRequestSchema = z
  .object({ email: emailSchema, locale: localeSchema.optional() })
  .strict();
export const passwordResetCompleteSchema = z
  .object({ token: z.string().min(10).max(200), password: newPassword })
  .strict();

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword })
  .strict();

export const updateMeSchema = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    locale: localeSchema,
    jobTitle: z.string().trim().max(120),
    expertise: z.array(z.string().trim().min(1).max(60)).max(20),
    directoryOptIn: z.boolean(),
    notificationPreferences: notificationPreferencesSchema,
  })
  .partial()
  .strict();

export const invitationCreateSchema = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().max(120).optional(),
    role: roleSchema,
    capabilities: z.array(capabilitySchema).max(4).default([]),
    locale: localeSchema.default('en'),
  })
  .strict();

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  capabilities: z.array(capabilitySchema),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationPreviewSchema = z.object({
  email: z.string(),
  organizationName: z.string(),
  role: roleSchema,
});

export const invitationAcceptSchema = z
  .object({
    token: z.string().min(10).max(200),
    displayName: z.string().trim().min(1).max(120),
    password: newPassword,
    locale: localeSchema.optional(),
  })
  .strict();

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const mailboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  locale: localeSchema,
  template: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export type MailboxMessage = z.infer<typeof mailboxMessageSchema>;
