import { AppError } from '../../platform/errors.ts';
import { hasCapability, isConsortiumStaff, type Principal } from '../../platform/auth/principal.ts';

/**
 * Splitting and merging clusters touches records of several libraries. Consortium staff may always do it;
 * otherwise the caller needs the catalog capability at a library that holds a member of a cluster
 * involved (a library cannot rearrange clusters it has no stake in).
 */
export function assertCanEditClusters(p: Principal, holdingLibrariesPerCluster: string[][]) {
  if (isConsortiumStaff(p)) return;
  if (!hasCapability(p, 'catalog'))
    throw new AppError('FORBIDDEN', 'This needs the “catalog” permission at your library.');
  if (!holdingLibrariesPerCluster.some((libraries) => libraries.includes(p.organizationId)))
    throw new AppError('OTHER_LIBRARY', 'Only staff of a library holding this title can change its cluster.');
}
