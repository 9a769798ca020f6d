import { AppError } from '../errors.ts';
import {
  hasCapability,
  isConsortiumAdmin,
  isConsortiumStaff,
  isLibraryAdmin,
  type Capability,
  type Principal,
} from './principal.ts';

/**
 * Every route declares who may call it (route `config.access`); a route without a declaration cannot be
 * registered. Finer, data-dependent checks (e.g. "is this person at my library?") live in the services.
 */
export type Access =
  /** Anyone, signed in or not. */
  | { level: 'public' }
  /** Any signed-in person, partners included. */
  | { level: 'signedIn' }
  /** Staff of member libraries and of the consortium; partners are excluded. */
  | { level: 'member' }
  | { level: 'consortiumStaff' }
  | { level: 'consortiumAdmin' }
  /**
   * The library named by a route parameter: its own staff (optionally only its admins, or staff holding a
   * capability) — and consortium staff, who act for every library.
   */
  | { level: 'ownLibrary'; param: string; admin?: boolean; capability?: Capability }
  /** Admins: consortium admins for everything, library admins scoped by the service to their library. */
  | { level: 'admin' };

export function authorize(
  access: Access,
  principal: Principal | null,
  params: Record<string, unknown>,
): void {
  if (access.level === 'public') return;
  if (!principal) throw new AppError('AUTH_REQUIRED');
  switch (access.level) {
    case 'signedIn':
      return;
    case 'member':
      if (principal.organizationKind === 'partner') throw new AppError('FORBIDDEN');
      return;
    case 'consortiumStaff':
      if (!isConsortiumStaff(principal))
        throw new AppError('FORBIDDEN', 'Only consortium staff can do this.');
      return;
    case 'consortiumAdmin':
      if (!isConsortiumAdmin(principal))
        throw new AppError('FORBIDDEN', 'Only consortium administrators can do this.');
      return;
    case 'admin':
      if (!isConsortiumAdmin(principal) && !isLibraryAdmin(principal))
        throw new AppError('FORBIDDEN', 'Only administrators can do this.');
      return;
    case 'ownLibrary': {
      if (isConsortiumStaff(principal)) return;
      const target = params[access.param];
      if (typeof target !== 'string' || target !== principal.organizationId)
        throw new AppError('OTHER_LIBRARY');
      if (access.admin && !isLibraryAdmin(principal))
        throw new AppError('FORBIDDEN', "Only your library's administrators can do this.");
      if (access.capability && !hasCapability(principal, access.capability))
        throw new AppError('FORBIDDEN', `This needs the “${access.capability}” permission at your library.`);
      return;
    }
  }
}
