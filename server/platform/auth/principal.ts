import type { CAPABILITIES, ROLES } from '../../modules/members/tables.ts';

export type Role = (typeof ROLES)[number];
export type Capability = (typeof CAPABILITIES)[number];
export type Locale = 'en' | 'es';

/** Who is calling: a signed-in person, resolved from their session on every request. */
export type Principal = {
  userId: string;
  email: string;
  displayName: string;
  organizationId: string;
  organizationKind: 'consortium' | 'library' | 'partner';
  role: Role;
  capabilities: Capability[];
  locale: Locale;
};

export const isConsortiumStaff = (p: Principal) =>
  p.role === 'consortium_admin' || p.role === 'consortium_staff';
export const isConsortiumAdmin = (p: Principal) => p.role === 'consortium_admin';
export const isLibraryAdmin = (p: Principal) => p.role === 'library_admin';

/** Consortium staff act on behalf of every library; library admins hold every capability of their own. */
export function hasCapability(p: Principal, capability: Capability): boolean {
  if (isConsortiumStaff(p) || isLibraryAdmin(p)) return true;
  return p.role === 'library_staff' && p.capabilities.includes(capability);
}

/** Private data of a library is visible to its own staff and to consortium staff, nobody else. */
export function canSeePrivateDataOf(p: Principal | null, organizationId: string): boolean {
  if (!p) return false;
  return isConsortiumStaff(p) || p.organizationId === organizationId;
}
