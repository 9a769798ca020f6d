import type { z } from 'zod';
import type {
  Dashboard,
  DirectoryEntry,
  DirectoryPage,
  LibraryProfile,
  Person,
  StaffDirectoryEntry,
  closureCreateSchema,
  closureSchema,
  libraryUpdateSchema,
  openingPeriodSchema,
  personUpdateSchema,
  postalAddressSchema,
  statusUpdateSchema,
} from '../../../shared/contracts/members.ts';
import type { Capability, LibraryType, MemberStatus, OrganizationKind, UsState } from './enums.ts';
import { api, type Page } from './client.ts';

export type { Dashboard, DirectoryEntry, DirectoryPage, LibraryProfile, Person, StaffDirectoryEntry };
export type Closure = z.infer<typeof closureSchema>;
export type ClosureCreate = z.input<typeof closureCreateSchema>;
export type LibraryUpdate = z.input<typeof libraryUpdateSchema>;
export type OpeningPeriod = z.input<typeof openingPeriodSchema>;
export type PostalAddress = z.input<typeof postalAddressSchema>;
export type PersonUpdate = z.input<typeof personUpdateSchema>;
export type StatusUpdate = z.input<typeof statusUpdateSchema>;

export type DirectoryQuery = {
  q?: string;
  kind?: OrganizationKind;
  type?: LibraryType;
  state?: UsState;
  status?: MemberStatus;
  sort?: 'name' | 'state' | 'type';
  page: number;
  pageSize: number;
};
export type StaffDirectoryQuery = {
  q?: string;
  capability?: Capability;
  state?: UsState;
  page: number;
  pageSize: number;
};

const enc = encodeURIComponent;
const lib = (id: string) => `/libraries/${enc(id)}`;

export const membersApi = {
  directory: (query: DirectoryQuery, signal?: AbortSignal) =>
    api.get<DirectoryPage>('/libraries', query, signal),
  profile: (id: string, signal?: AbortSignal) => api.get<LibraryProfile>(lib(id), undefined, signal),
  update: (id: string, body: LibraryUpdate) => api.patch<LibraryProfile>(lib(id), body),
  replaceHours: (id: string, version: number, hours: OpeningPeriod[]) =>
    api.put<LibraryProfile>(`${lib(id)}/hours`, { version, hours }),
  addClosure: (id: string, body: ClosureCreate) => api.post<Closure>(`${lib(id)}/closures`, body),
  removeClosure: (id: string, closureId: string) =>
    api.delete<{ ok: true }>(`${lib(id)}/closures/${enc(closureId)}`),
  changeStatus: (id: string, body: StatusUpdate) => api.patch<LibraryProfile>(`${lib(id)}/status`, body),
  people: (id: string, signal?: AbortSignal) =>
    api.get<{ items: Person[] }>(`${lib(id)}/people`, undefined, signal),
  updatePerson: (id: string, userId: string, body: PersonUpdate) =>
    api.patch<Person>(`${lib(id)}/people/${enc(userId)}`, body),
  staffDirectory: (query: StaffDirectoryQuery, signal?: AbortSignal) =>
    api.get<Page<StaffDirectoryEntry>>('/directory/people', query, signal),
  dashboard: (signal?: AbortSignal) => api.get<Dashboard>('/dashboard', undefined, signal),
};
