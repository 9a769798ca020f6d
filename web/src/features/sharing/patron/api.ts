import type {
  PatronPageSettings,
  PatronRequestInput,
  PatronRequestReceipt,
  PublicPatronPage,
} from '../../../../../shared/contracts/sharing-patron.ts';
import { api } from '../../../api/client.ts';

export type { PatronPageSettings, PatronRequestInput, PatronRequestReceipt, PublicPatronPage };

const enc = encodeURIComponent;

/** The patron request page: its settings (staff) and the public page and form (anyone). */
export const patronApi = {
  settings: (libraryId: string, signal?: AbortSignal) =>
    api.get<PatronPageSettings>(`/sharing/libraries/${enc(libraryId)}/patron-page`, undefined, signal),
  saveSettings: (libraryId: string, body: PatronPageSettings) =>
    api.put<PatronPageSettings>(`/sharing/libraries/${enc(libraryId)}/patron-page`, body),
  page: (symbol: string, signal?: AbortSignal) =>
    api.get<PublicPatronPage>(`/public/sharing/${enc(symbol)}/patron-page`, undefined, signal),
  submit: (symbol: string, body: PatronRequestInput) =>
    api.post<PatronRequestReceipt>(`/public/sharing/${enc(symbol)}/patron-requests`, body),
};

/** The public page's address for a library symbol (shown to staff and used in links). */
export const patronPagePath = (symbol: string) => `/request/${enc(symbol)}`;
