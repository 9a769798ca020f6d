import type {
  Partner,
  PartnerCreate,
  PartnerMessages,
  PartnerUpdate,
  RequestMessages,
} from '../../../../../shared/contracts/iso18626.ts';
import { api } from '../../../api/client.ts';

export type { Partner, PartnerCreate, PartnerMessages, PartnerUpdate, RequestMessages };
export type IsoMessage = RequestMessages['items'][number];

const enc = encodeURIComponent;

/** ISO 18626 partners (consortium staff) and the message log of a request. */
export const isoApi = {
  partners: (signal?: AbortSignal) => api.get<{ items: Partner[] }>('/sharing/partners', undefined, signal),
  partner: (id: string, signal?: AbortSignal) =>
    api.get<Partner>(`/sharing/partners/${enc(id)}`, undefined, signal),
  createPartner: (body: PartnerCreate) => api.post<Partner>('/sharing/partners', body),
  updatePartner: (id: string, body: PartnerUpdate) =>
    api.patch<Partner>(`/sharing/partners/${enc(id)}`, body),
  partnerMessages: (
    id: string,
    query: { page: number; pageSize: number; status?: string },
    signal?: AbortSignal,
  ) => api.get<PartnerMessages>(`/sharing/partners/${enc(id)}/messages`, query, signal),
  requestMessages: (requestId: string, signal?: AbortSignal) =>
    api.get<RequestMessages>(`/sharing/requests/${enc(requestId)}/iso-messages`, undefined, signal),
  resend: (requestId: string, messageId: number) =>
    api.post<RequestMessages>(`/sharing/requests/${enc(requestId)}/iso-messages/${messageId}/resend`),
};
