import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.ts';
import { organizations } from '../../members/tables.ts';
import { sharingRequests } from '../tables.ts';

/** SQL of the lending role with outside borrowers (a partner's request to one of our members). */

/** A partner's request by its own id (requestingAgencyRequestId), locked for a change unless `lock` is false. */
export async function partnerRequest(db: Db, partnerId: string, externalId: string, lock = true) {
  const q = db
    .select()
    .from(sharingRequests)
    .where(and(eq(sharingRequests.borrowerId, partnerId), eq(sharingRequests.externalRequestId, externalId)));
  const [row] = await (lock ? q.for('update') : q);
  return row ?? null;
}

export async function organizationName(db: Db, id: string) {
  const [row] = await db
    .select({ name: organizations.name, symbol: organizations.symbol })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row ?? null;
}

/**
 * Marks a partner's request ended on our side while its borrower state waits on the partner (their system
 * moves on to its next lender or retries by itself): fill-rate figures count it, nothing routes it. Written
 * after the Flow saved, so the version is left alone (the change that led here already bumped it).
 */
export async function endQuietly(db: Db, requestId: string, at: Date) {
  await db
    .update(sharingRequests)
    .set({ endedAt: at })
    .where(and(eq(sharingRequests.id, requestId), isNull(sharingRequests.endedAt)));
}
