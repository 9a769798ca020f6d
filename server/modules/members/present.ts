import type { Capability } from '../../platform/auth/principal.ts';
import type {
  DirectoryEntry,
  LibraryProfile,
  Person,
  StaffDirectoryEntry,
} from '../../../shared/contracts/members.ts';
import type { closures, openingHours, organizations, users } from './tables.ts';
import type { ProfileView } from './policy.ts';

/** Rows → the shapes of shared/contracts/members.ts. Visibility decisions come in as a ProfileView. */

type OrganizationRow = typeof organizations.$inferSelect;
type UserRow = typeof users.$inferSelect;

export const presentClosure = (c: typeof closures.$inferSelect) => ({
  id: c.id,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  reason: c.reason,
});

/** PostgreSQL answers a time as HH:MM:SS; the contract (and the forms) speak HH:MM. */
const hhmm = (time: string) => time.slice(0, 5);

export function presentDirectoryEntry(o: OrganizationRow): DirectoryEntry {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    symbol: o.symbol,
    libraryType: o.libraryType,
    status: o.status,
    city: o.city,
    state: o.state,
    region: o.region,
    populationServed: o.populationServed,
    studentFte: o.studentFte,
  };
}

export function presentProfile(
  o: OrganizationRow,
  extra: {
    hours: (typeof openingHours.$inferSelect)[];
    closures: (typeof closures.$inferSelect)[];
    staffCount: number;
    view: ProfileView;
  },
): LibraryProfile {
  const { view } = extra;
  return {
    ...presentDirectoryEntry(o),
    timeZone: o.timeZone,
    collectionSize: o.collectionSize,
    website: o.website,
    phone: o.phone,
    email: o.email,
    descriptionEn: o.descriptionEn,
    descriptionEs: o.descriptionEs,
    streetAddress: o.streetAddress,
    joinedOn: o.joinedOn,
    hours: extra.hours.map((h) => ({
      weekday: h.weekday,
      opensAt: hhmm(h.opensAt),
      closesAt: hhmm(h.closesAt),
    })),
    closures: extra.closures.map(presentClosure),
    shipping: view.shipping ? { address: o.shippingAddress, courierStop: o.courierStop } : null,
    private: view.private
      ? { billingEmail: o.billingEmail, internalNotes: o.internalNotes, staffCount: extra.staffCount }
      : null,
    can: view.can,
    version: o.version,
  };
}

export function presentPerson(u: UserRow): Person {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    capabilities: u.capabilities as Capability[],
    jobTitle: u.jobTitle,
    status: u.status,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  };
}

export function presentStaffEntry(row: {
  user: UserRow;
  organization: { id: string; name: string; state: string };
}): StaffDirectoryEntry {
  const u = row.user;
  return {
    id: u.id,
    displayName: u.displayName,
    jobTitle: u.jobTitle,
    email: u.email,
    expertise: u.expertise,
    capabilities: u.capabilities as Capability[],
    role: u.role,
    organization: row.organization,
  };
}
