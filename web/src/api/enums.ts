import type { CAPABILITY_VALUES, LOCALES, ROLE_VALUES } from '../../../shared/contracts/common.ts';
import type {
  LIBRARY_TYPES,
  MEMBER_STATUSES,
  ORGANIZATION_KINDS,
  STATES,
} from '../../../shared/contracts/members.ts';

/**
 * The contract's value lists, repeated here so the browser bundle does not carry zod. The checks below
 * make any drift between these lists and the contract a compile error.
 */
export const LOCALE_LIST = ['en', 'es'] as const;
export const ROLE_LIST = [
  'consortium_admin',
  'consortium_staff',
  'library_admin',
  'library_staff',
  'partner_staff',
] as const;
export const CAPABILITY_LIST = ['sharing', 'catalog', 'data', 'learning'] as const;
export const LIBRARY_TYPE_LIST = ['public', 'academic', 'school', 'special'] as const;
export const MEMBER_STATUS_LIST = ['applicant', 'active', 'grace', 'lapsed'] as const;
export const STATE_LIST = ['TX', 'OK', 'NM', 'AR', 'LA'] as const;
export const ORGANIZATION_KIND_LIST = ['consortium', 'library', 'partner'] as const;

export type Locale = (typeof LOCALES)[number];
export type Role = (typeof ROLE_VALUES)[number];
export type Capability = (typeof CAPABILITY_VALUES)[number];
export type LibraryType = (typeof LIBRARY_TYPES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type UsState = (typeof STATES)[number];
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Item<T extends readonly unknown[]> = T[number];
const sameLists: [
  Same<Item<typeof LOCALE_LIST>, Locale>,
  Same<Item<typeof ROLE_LIST>, Role>,
  Same<Item<typeof CAPABILITY_LIST>, Capability>,
  Same<Item<typeof LIBRARY_TYPE_LIST>, LibraryType>,
  Same<Item<typeof MEMBER_STATUS_LIST>, MemberStatus>,
  Same<Item<typeof STATE_LIST>, UsState>,
  Same<Item<typeof ORGANIZATION_KIND_LIST>, OrganizationKind>,
] = [true, true, true, true, true, true, true];
void sameLists;

/** Which roles exist at which kind of organisation (mirrors the server's rule). */
export const ROLES_BY_KIND: Record<OrganizationKind, Role[]> = {
  consortium: ['consortium_admin', 'consortium_staff'],
  library: ['library_admin', 'library_staff'],
  partner: ['partner_staff'],
};

export const isConsortiumStaff = (role: Role) => role === 'consortium_admin' || role === 'consortium_staff';
export const isAdmin = (role: Role) => role === 'consortium_admin' || role === 'library_admin';
/** Only library staff hold capabilities explicitly; administrators hold all of them through their role. */
export const rolesWithCapabilities: Role[] = ['library_staff'];
