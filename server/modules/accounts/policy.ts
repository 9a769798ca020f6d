import { AppError } from '../../platform/errors.ts';
import {
  isConsortiumAdmin,
  isConsortiumStaff,
  type Principal,
  type Role,
} from '../../platform/auth/principal.ts';

type OrgKind = 'consortium' | 'library' | 'partner';

/** Which roles can exist at which kind of organisation. */
const rolesByKind: Record<OrgKind, Role[]> = {
  consortium: ['consortium_admin', 'consortium_staff'],
  library: ['library_admin', 'library_staff'],
  partner: ['partner_staff'],
};

/**
 * Who may invite whom: library admins invite colleagues to their own library; consortium staff invite to
 * any library or partner; only consortium admins add consortium staff.
 */
export function assertCanInvite(actor: Principal, org: { id: string; kind: OrgKind }, role: Role) {
  if (!rolesByKind[org.kind].includes(role)) {
    throw new AppError('VALIDATION_FAILED', `The role ${role} does not exist at this kind of organisation.`, [
      { path: 'body.role', message: `must be one of: ${rolesByKind[org.kind].join(', ')}` },
    ]);
  }
  if (org.kind === 'consortium') {
    if (!isConsortiumAdmin(actor))
      throw new AppError('FORBIDDEN', 'Only consortium administrators can add consortium staff.');
    return;
  }
  if (isConsortiumStaff(actor)) return;
  if (actor.organizationId !== org.id) throw new AppError('OTHER_LIBRARY');
  if (actor.role !== 'library_admin')
    throw new AppError('FORBIDDEN', "Only your library's administrators can invite colleagues.");
}

/** Library admins read their own library's audit trail; consortium admins read everything. */
export function auditScopeFor(actor: Principal, requested: string | undefined): string | undefined {
  if (isConsortiumAdmin(actor)) return requested;
  if (requested && requested !== actor.organizationId) throw new AppError('OTHER_LIBRARY');
  return actor.organizationId;
}
