import { AppError, notFound } from '../../platform/errors.ts';
import { hasCapability, isConsortiumStaff, type Principal } from '../../platform/auth/principal.ts';
import type { AttemptRow, RequestRow } from './queries.ts';

export type ViewSide = 'borrowing' | 'lending' | 'consortium';

/**
 * Which side of a request the caller is on. The borrowing library's staff with the sharing capability (or
 * its admins) act as borrower; the staff of a lender asked act as lender — on the current attempt only;
 * consortium staff may look at both sides but act on neither. Anyone else is told the request does not exist.
 */
export function resolveSide(
  actor: Principal,
  req: Pick<RequestRow, 'borrowerId'>,
  attempt: Pick<AttemptRow, 'lenderId'> | null,
  mode: 'act' | 'view',
): ViewSide {
  const mine = actor.organizationId === req.borrowerId || attempt?.lenderId === actor.organizationId;
  if (!mine) {
    if (isConsortiumStaff(actor)) {
      if (mode === 'view') return 'consortium';
      throw new AppError(
        'FORBIDDEN',
        'Consortium staff can follow requests; only the two libraries act on them.',
      );
    }
    throw notFound('This request');
  }
  if (!hasCapability(actor, 'sharing'))
    throw new AppError('FORBIDDEN', 'This needs the “sharing” permission at your library.');
  return actor.organizationId === req.borrowerId ? 'borrowing' : 'lending';
}
