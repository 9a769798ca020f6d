import type { z } from 'zod';
import type {
  LearningEvent,
  Transcript,
  attendanceResultSchema,
  ceRuleSchema,
  certificateSchema,
  eventCreateSchema,
  eventSummarySchema,
  myRegistrationItemSchema,
  myRegistrationSchema,
  outsideTrainingSchema,
  registrationSchema,
  tokenCancelResultSchema,
} from '../../../shared/contracts/learning.ts';
import { api, currentCsrfToken, toError, type Page } from './client.ts';

export type { LearningEvent, Transcript };
export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventInput = z.input<typeof eventCreateSchema>;
export type MyRegistration = z.infer<typeof myRegistrationSchema>;
export type MyRegistrationItem = z.infer<typeof myRegistrationItemSchema>;
export type Registration = z.infer<typeof registrationSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type CancelInfo = z.infer<typeof tokenCancelResultSchema>;
export type AttendanceResult = z.infer<typeof attendanceResultSchema>;
export type OutsideTraining = z.infer<typeof outsideTrainingSchema>;
export type CeRule = z.infer<typeof ceRuleSchema>;

export type EventQuery = {
  q?: string;
  topic?: string;
  format?: string;
  language?: string;
  from?: string;
  to?: string;
  free?: 'true' | 'false';
  page: number;
  pageSize: number;
};

const enc = encodeURIComponent;
const orgEvents = (libraryId: string) => `/libraries/${enc(libraryId)}/learning/events`;

export const learningApi = {
  events: (query: EventQuery, signal?: AbortSignal) =>
    api.get<Page<EventSummary>>('/learning/events', query, signal),
  event: (id: string, signal?: AbortSignal) =>
    api.get<LearningEvent>(`/learning/events/${enc(id)}`, undefined, signal),
  register: (id: string, body: { userId?: string; accommodation: string }) =>
    api.post<MyRegistration>(`/learning/events/${enc(id)}/registrations`, body),
  cancel: (registrationId: string) =>
    api.delete<{ ok: true }>(`/learning/registrations/${enc(registrationId)}`),
  accept: (registrationId: string) =>
    api.post<MyRegistration>(`/learning/registrations/${enc(registrationId)}/accept`),
  mine: (signal?: AbortSignal) =>
    api.get<{ items: MyRegistrationItem[] }>('/learning/registrations', undefined, signal),
  cancelInfo: (token: string, signal?: AbortSignal) =>
    api.get<CancelInfo>(`/learning/cancellations/${enc(token)}`, undefined, signal),
  cancelByToken: (token: string) => api.post<CancelInfo>('/learning/cancellations', { token }),
  feed: (signal?: AbortSignal) => api.get<{ url: string; path: string }>('/learning/feed', undefined, signal),
  rotateFeed: () => api.post<{ url: string; path: string }>('/learning/feed'),
  certificate: (code: string, signal?: AbortSignal) =>
    api.get<Certificate>(`/learning/certificates/${enc(code)}`, undefined, signal),
  organised: (libraryId: string, signal?: AbortSignal) =>
    api.get<Page<EventSummary>>(orgEvents(libraryId), { pageSize: 100 }, signal),
  create: (libraryId: string, body: EventInput) => api.post<LearningEvent>(orgEvents(libraryId), body),
  update: (libraryId: string, id: string, body: Partial<EventInput> & { version: number; status?: string }) =>
    api.patch<LearningEvent>(`${orgEvents(libraryId)}/${enc(id)}`, body),
  registrations: (libraryId: string, id: string, signal?: AbortSignal) =>
    api.get<{ items: Registration[] }>(`${orgEvents(libraryId)}/${enc(id)}/registrations`, undefined, signal),
  checkIn: (libraryId: string, id: string, registrationId: string, present: boolean) =>
    api.post<{ ok: true }>(`${orgEvents(libraryId)}/${enc(id)}/check-ins`, { registrationId, present }),
  importAttendance: (libraryId: string, id: string, csv: string, minimumMinutes?: number) =>
    api.post<AttendanceResult>(`${orgEvents(libraryId)}/${enc(id)}/attendance`, {
      csv,
      ...(minimumMinutes ? { minimumMinutes } : {}),
    }),
  message: (
    libraryId: string,
    id: string,
    body: { subject: string; body: string; includeWaitlist: boolean },
  ) => api.post<{ recipients: number }>(`${orgEvents(libraryId)}/${enc(id)}/messages`, body),
  transcript: (query: { from?: string; to?: string; rule?: string; lang: string }, signal?: AbortSignal) =>
    api.get<Transcript>('/learning/transcript', query, signal),
  rules: (signal?: AbortSignal) => api.get<{ items: CeRule[] }>('/learning/ce-rules', undefined, signal),
  outside: (signal?: AbortSignal) =>
    api.get<{ items: OutsideTraining[] }>('/learning/outside-training', undefined, signal),
  removeOutside: (id: string) => api.delete<{ ok: true }>(`/learning/outside-training/${enc(id)}`),
  /** Multipart upload (the proof file), so it bypasses the JSON helper. */
  addOutside: async (form: FormData) => {
    const response = await fetch('/api/v1/learning/outside-training', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': currentCsrfToken() ?? '' },
    });
    if (!response.ok) throw await toError(response);
    return (await response.json()) as OutsideTraining;
  },
};

export const urls = {
  eventIcs: (id: string, lang: string) => `/api/v1/learning/events/${enc(id)}/calendar.ics?lang=${lang}`,
  certificatePdf: (code: string, lang: string) =>
    `/api/v1/learning/certificates/${enc(code)}/certificate.pdf?lang=${lang}`,
  registrationsCsv: (libraryId: string, id: string) =>
    `/api/v1${orgEvents(libraryId)}/${enc(id)}/registrations.csv`,
  transcript: (kind: 'csv' | 'pdf', query: string) => `/api/v1/learning/transcript.${kind}?${query}`,
};
