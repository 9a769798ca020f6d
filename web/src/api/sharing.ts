import type { z } from 'zod';
import type {
  ActionInput,
  Analytics,
  LendingPolicy,
  QueuePage,
  RequestCreate,
  RequestDetail,
  Side,
  StaffAction,
  analyticsRowSchema,
  attemptSchema,
  contuListSchema,
  lookupResultSchema,
  notificationListSchema,
  queueItemSchema,
  requestCreateSchema,
  timelineEventSchema,
} from '../../../shared/contracts/sharing.ts';
import { api, currentCsrfToken, toError } from './client.ts';

export type {
  Analytics,
  LendingPolicy,
  QueuePage,
  RequestDetail,
  Side,
  StaffAction,
  ActionInput,
  RequestCreate,
};
export type RequestInput = z.input<typeof requestCreateSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type LookupResult = z.infer<typeof lookupResultSchema>;
export type AnalyticsRow = z.infer<typeof analyticsRowSchema>;
export type ContuList = z.infer<typeof contuListSchema>;
export type NotificationList = z.infer<typeof notificationListSchema>;

export type QueueQuery = {
  side: Side;
  state?: string;
  attention?: 'true';
  serviceType?: 'loan' | 'copy';
  q?: string;
  otherLibrary?: string;
  rush?: 'true' | 'false';
  createdFrom?: string;
  createdTo?: string;
  needBeforeFrom?: string;
  needBeforeTo?: string;
  sort?: 'updated' | 'created' | 'oldest' | 'needBefore' | 'title';
  page: number;
  pageSize: number;
};

export type AnalyticsQuery = {
  libraryId?: string;
  from: string;
  to: string;
  period: 'month' | 'quarter' | 'year';
};

const enc = encodeURIComponent;
const lib = (libraryId: string) => `/sharing/libraries/${enc(libraryId)}`;
const req = (requestId: string) => `/sharing/requests/${enc(requestId)}`;

export const sharingApi = {
  queue: (libraryId: string, query: QueueQuery, signal?: AbortSignal) =>
    api.get<QueuePage>(`${lib(libraryId)}/requests`, query, signal),
  create: (libraryId: string, body: RequestInput) =>
    api.post<RequestDetail>(`${lib(libraryId)}/requests`, body),
  lookup: (query: { isbn?: string; issn?: string; oclc?: string }, signal?: AbortSignal) =>
    api.get<LookupResult>('/sharing/lookup', query, signal),
  request: (requestId: string, signal?: AbortSignal) =>
    api.get<RequestDetail>(req(requestId), undefined, signal),
  act: (requestId: string, body: ActionInput) => api.post<RequestDetail>(`${req(requestId)}/actions`, body),
  note: (requestId: string, text: string) => api.post<RequestDetail>(`${req(requestId)}/notes`, { text }),
  policy: (libraryId: string, signal?: AbortSignal) =>
    api.get<LendingPolicy>(`${lib(libraryId)}/policy`, undefined, signal),
  savePolicy: (libraryId: string, body: LendingPolicy) =>
    api.put<LendingPolicy>(`${lib(libraryId)}/policy`, body),
  contu: (libraryId: string, year?: number, signal?: AbortSignal) =>
    api.get<ContuList>(`${lib(libraryId)}/contu`, { year }, signal),
  analytics: (query: AnalyticsQuery, signal?: AbortSignal) =>
    api.get<Analytics>('/sharing/analytics', query, signal),
  notifications: (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<NotificationList>('/notifications', query, signal),
  markAllRead: () => api.post<{ ok: true; marked: number }>('/notifications/read-all'),
  markRead: (id: string) => api.post<{ ok: true }>(`/notifications/${enc(id)}/read`),
  /** Multipart upload of a copy's PDF, so it bypasses the JSON helper. */
  sendCopy: async (requestId: string, file: File, version: number) => {
    const form = new FormData();
    form.set('version', String(version));
    form.set('file', file);
    const response = await fetch(`/api/v1${req(requestId)}/copy`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': currentCsrfToken() ?? '' },
    });
    if (!response.ok) throw await toError(response);
    return (await response.json()) as RequestDetail;
  },
};

export const sharingUrls = {
  analyticsCsv: (query: string) => `/api/v1/sharing/analytics.csv?${query}`,
};
