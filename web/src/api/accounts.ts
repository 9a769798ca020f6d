import type { z } from 'zod';
import type {
  AuditEntryView,
  Invitation,
  MailboxMessage,
  Me,
  SessionResponse,
  invitationCreateSchema,
  updateMeSchema,
} from '../../../shared/contracts/accounts.ts';
import type { Locale, Role } from './enums.ts';
import { api, type Page } from './client.ts';

export type { AuditEntryView, Invitation, MailboxMessage, Me, SessionResponse };
export type UpdateMe = z.input<typeof updateMeSchema>;
export type InvitationCreate = z.input<typeof invitationCreateSchema>;
export type InvitationPreview = { email: string; organizationName: string; role: Role };
export type MailboxPage = Page<MailboxMessage> & { enabled: boolean };

const enc = encodeURIComponent;

export const accountsApi = {
  session: (signal?: AbortSignal) => api.get<SessionResponse>('/auth/session', undefined, signal),
  login: (email: string, password: string) => api.post<SessionResponse>('/auth/login', { email, password }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  requestPasswordReset: (email: string, locale: Locale) =>
    api.post<{ ok: true }>('/auth/password-reset', { email, locale }),
  completePasswordReset: (token: string, password: string) =>
    api.post<{ ok: true }>('/auth/password-reset/complete', { token, password }),
  previewInvitation: (token: string, signal?: AbortSignal) =>
    api.get<InvitationPreview>(`/auth/invitations/${enc(token)}`, undefined, signal),
  acceptInvitation: (body: { token: string; displayName: string; password: string; locale: Locale }) =>
    api.post<SessionResponse>('/auth/invitations/accept', body),
  me: (signal?: AbortSignal) => api.get<Me>('/me', undefined, signal),
  updateMe: (body: UpdateMe) => api.patch<Me>('/me', body),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/me/password', { currentPassword, newPassword }),
  invitations: (libraryId: string, signal?: AbortSignal) =>
    api.get<{ items: Invitation[] }>(`/libraries/${enc(libraryId)}/invitations`, undefined, signal),
  invite: (libraryId: string, body: InvitationCreate) =>
    api.post<Invitation>(`/libraries/${enc(libraryId)}/invitations`, body),
  revokeInvitation: (libraryId: string, invitationId: string) =>
    api.delete<{ ok: true }>(`/libraries/${enc(libraryId)}/invitations/${enc(invitationId)}`),
  audit: (
    query: { page: number; pageSize: number; action?: string; organizationId?: string },
    signal?: AbortSignal,
  ) => api.get<Page<AuditEntryView>>('/admin/audit', query, signal),
  mailbox: (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<MailboxPage>('/dev/mailbox', query, signal),
};
