import { AppError } from '../../platform/errors.ts';
import {
  hasCapability,
  isConsortiumStaff,
  isLibraryAdmin,
  type Principal,
} from '../../platform/auth/principal.ts';
import type { EventRow, RegistrationRow } from './queries.ts';

/**
 * Organisers: consortium staff for every event; staff of the hosting library who hold the "learning"
 * capability (library admins hold it by their role) for their library's events.
 */
export const canManage = (p: Principal | null, event: Pick<EventRow, 'organizerOrgId'>) =>
  !!p &&
  (isConsortiumStaff(p) || (p.organizationId === event.organizerOrgId && hasCapability(p, 'learning')));

/** Drafts are seen by organisers only; member events by member staff; public events by anyone. */
export function canSee(
  p: Principal | null,
  event: Pick<EventRow, 'organizerOrgId' | 'status' | 'visibility'>,
) {
  if (canManage(p, event)) return true;
  if (event.status === 'draft') return false;
  if (event.visibility === 'public') return true;
  return !!p && p.organizationKind !== 'partner';
}

/** Yourself; a library admin their own library's people; consortium staff anyone. */
export function assertCanRegisterFor(actor: Principal, target: { id: string; organizationId: string }) {
  if (target.id === actor.userId || isConsortiumStaff(actor)) return;
  if (isLibraryAdmin(actor) && target.organizationId === actor.organizationId) return;
  throw new AppError(
    'FORBIDDEN',
    'Only library administrators can register colleagues, and only their own library’s.',
  );
}

/** The registrant, a library admin of the registrant's library, or an organiser. */
export function canCancel(actor: Principal, reg: RegistrationRow, event: EventRow) {
  return (
    reg.userId === actor.userId ||
    (isLibraryAdmin(actor) && actor.organizationId === reg.organizationId) ||
    canManage(actor, event)
  );
}

type Org = { kind: 'consortium' | 'library' | 'partner'; status: string };

/**
 * What a registrant pays. Members (the office and libraries in good standing: active or grace) pay the
 * member price, or the early-bird price before its deadline when it is lower; everyone else pays the
 * non-member price.
 */
export function priceFor(event: EventRow, org: Org, now: Date) {
  const member =
    org.kind === 'consortium' || (org.kind === 'library' && ['active', 'grace'].includes(org.status));
  if (!member) {
    return event.nonmemberPriceCents > 0
      ? { priceCategory: 'nonmember' as const, amountCents: event.nonmemberPriceCents }
      : { priceCategory: 'free' as const, amountCents: 0 };
  }
  if (
    event.earlyBirdPriceCents !== null &&
    event.earlyBirdUntil &&
    now < event.earlyBirdUntil &&
    event.earlyBirdPriceCents < event.memberPriceCents
  ) {
    return { priceCategory: 'early_bird' as const, amountCents: event.earlyBirdPriceCents };
  }
  return event.memberPriceCents > 0
    ? { priceCategory: 'member' as const, amountCents: event.memberPriceCents }
    : { priceCategory: 'free' as const, amountCents: 0 };
}
