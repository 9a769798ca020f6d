import type { Me } from '../../api/accounts.ts';
import { isConsortiumStaff } from '../../api/enums.ts';

/** Mirrors the server's rules, only to decide what to offer; the server decides what is allowed. */
export const hasCatalogCapability = (user: Me | null): boolean =>
  Boolean(
    user &&
    (isConsortiumStaff(user.role) ||
      (user.organization.kind === 'library' &&
        (user.role === 'library_admin' || user.capabilities.includes('catalog')))),
  );

/** Loading records: a library's catalog staff (their own library) and consortium staff (any library). */
export const canLoad = hasCatalogCapability;

/** Split and merge: consortium staff, or catalog staff of a library holding a record of the cluster. */
export const canEditCluster = (user: Me | null, holdingLibraryIds: string[]): boolean =>
  Boolean(
    user &&
    hasCatalogCapability(user) &&
    (isConsortiumStaff(user.role) || holdingLibraryIds.includes(user.organization.id)),
  );

/** Interlibrary loan requests are made by member library staff (and consortium staff). */
export const canRequestIll = (user: Me | null): boolean =>
  Boolean(user && user.organization.kind !== 'partner');
