import { AppError } from '../../platform/errors.ts';
import {
  isConsortiumAdmin,
  isConsortiumStaff,
  isLibraryAdmin,
  type Principal,
  type Role,
} from '../../platform/auth/principal.ts';

type OrgKind = 'consortium' | 'library' | 'partner';
type Org = { id: string; kind: OrgKind; name: string };

/** Which roles can exist at which kind of organisation (the same table as for invitations). */
export const rolesByKind: Record<OrgKind, Role[]> = {
  consortium: ['consortium_admin', 'consortium_staff'],
  library: ['library_admin', 'library_staff'],
  partner: ['partner_staff'],
};

/** The role that administers each kind of organisation; partners have none of their own. */
export const adminRoleOf = (kind: OrgKind) =>
  kind === 'consortium' ? 'consortium_admin' : kind === 'library' ? 'library_admin' : null;

export type ProfileView = {
  shipping: boolean;
  private: boolean;
  can: { edit: boolean; changeStatus: boolean; managePeople: boolean };
};

/**
 * Which tier of a profile the caller sees. The public sees the public profile; staff of members (not
 * partners) also see where to ship items; the organisation's own staff and consortium staff see the
 * private part. The `can` flags mirror the route access rules plus the people rules below.
 */
export function profileViewFor(p: Principal | null, org: Org): ProfileView {
  if (!p)
    return {
      shipping: false,
      private: false,
      can: { edit: false, changeStatus: false, managePeople: false },
    };
  const own = p.organizationId === org.id;
  const consortium = isConsortiumStaff(p);
  const ownAdmin = own && isLibraryAdmin(p);
  return {
    shipping: own || p.organizationKind !== 'partner',
    private: own || consortium,
    can: {
      edit: consortium || ownAdmin,
      changeStatus: consortium && org.kind !== 'consortium',
      managePeople: org.kind === 'consortium' ? isConsortiumAdmin(p) : consortium || ownAdmin,
    },
  };
}

/**
 * Who may change whose role: roles must fit the organisation; only consortium admins manage consortium
 * staff; everyone else (library admins) may only hand out the two library roles.
 */
export function assertCanChangePerson(actor: Principal, org: Org, nextRole: Role | undefined) {
  if (org.kind === 'consortium' && !isConsortiumAdmin(actor)) {
    throw new AppError('FORBIDDEN', 'Only consortium administrators can change consortium staff.');
  }
  if (!nextRole) return;
  if (!rolesByKind[org.kind].includes(nextRole)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The role ${nextRole} does not exist at this kind of organisation.`,
      [{ path: 'body.role', message: `must be one of: ${rolesByKind[org.kind].join(', ')}` }],
    );
  }
  if (!isConsortiumStaff(actor) && nextRole !== 'library_admin' && nextRole !== 'library_staff') {
    throw new AppError('FORBIDDEN', 'Library administrators can only assign library roles.');
  }
}

type PersonState = { id: string; role: Role; status: 'invited' | 'active' | 'disabled' };

/**
 * An organisation must keep an active administrator: nobody can demote or disable its last one. The one
 * exception is consortium staff acting on a library (e.g. disabling a director who has left), because
 * they administer every library themselves and can appoint the next admin.
 */
export function assertKeepsAnAdmin(
  actor: Principal,
  org: Org,
  before: PersonState,
  after: Pick<PersonState, 'role' | 'status'>,
  otherActiveAdmins: number,
) {
  const adminRole = adminRoleOf(org.kind);
  if (!adminRole || otherActiveAdmins > 0) return;
  const wasAdmin = before.role === adminRole && before.status === 'active';
  const staysAdmin = after.role === adminRole && after.status === 'active';
  if (!wasAdmin || staysAdmin) return;
  if (org.kind === 'library' && isConsortiumStaff(actor)) return;
  const message =
    before.id === actor.userId
      ? `You are the last active administrator of ${org.name}. Make a colleague an administrator first, then you can step down or disable your account.`
      : `This is the last active administrator of ${org.name}. Make someone else an administrator first.`;
  throw new AppError('CONFLICT', message);
}

/** Capabilities are held explicitly only by library staff; admins hold all of them by their role. */
export const capabilitiesFor = (role: Role, requested: string[]) =>
  role === 'library_staff' ? [...new Set(requested)].sort() : [];
