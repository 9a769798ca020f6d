import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.ts';
import { organizations } from '../../members/tables.ts';
import { sharingAttempts, sharingRequests } from '../tables.ts';
import { sharingIsoMessages, sharingIsoPartners } from './tables.ts';

/** SQL for the borrowing role with outside lenders (and the hook that tells partners what changed). */
export type PartnerRow = typeof sharingIsoPartners.$inferSelect;

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partner rows among these organisations (usually none: one indexed look-up per saved change). */
export async function partnersAmong(db: Db, ids: readonly string[]): Promise<Map<string, PartnerRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(sharingIsoPartners)
    .where(sql`${sharingIsoPartners.organizationId} = ANY(${uuids(ids)})`);
  return new Map(rows.map((r) => [r.organizationId, r]));
}

/** Partners that lend, with their organisation's symbol, for the rota (enabled ones only). */
export async function rotaPartners(db: Db) {
  return db
    .select({
      id: sharingIsoPartners.organizationId,
      symbol: organizations.symbol,
      isoVersion: sharingIsoPartners.isoVersion,
      unreachableSince: sharingIsoPartners.unreachableSince,
      lastError: sharingIsoPartners.lastError,
    })
    .from(sharingIsoPartners)
    .innerJoin(organizations, eq(organizations.id, sharingIsoPartners.organizationId))
    .where(and(eq(sharingIsoPartners.enabled, true), eq(sharingIsoPartners.lends, true)))
    .orderBy(asc(organizations.symbol));
}

/** The borrowing library as the requesting agency introduces it: name, symbol and shipping address. */
export async function requestingLibrary(db: Db, id: string) {
  const [row] = await db
    .select({
      symbol: organizations.symbol,
      name: organizations.name,
      shippingAddress: organizations.shippingAddress,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row ?? null;
}

/**
 * What a requestingAgencyRequestId names: our request id (first attempt at a partner) or an attempt id
 * (a later attempt at the same partner, e.g. a Retry). Null when it is neither.
 */
export async function resolveRequestingId(db: Db, ref: string) {
  if (!UUID.test(ref)) return null;
  const [req] = await db
    .select({ id: sharingRequests.id })
    .from(sharingRequests)
    .where(eq(sharingRequests.id, ref));
  if (req) return { requestId: req.id, attemptId: null as string | null };
  const [attempt] = await db
    .select({ id: sharingAttempts.id, requestId: sharingAttempts.requestId })
    .from(sharingAttempts)
    .where(eq(sharingAttempts.id, ref));
  return attempt ? { requestId: attempt.requestId, attemptId: attempt.id as string | null } : null;
}

/** The body of the last inbound message applied to an attempt (for its header timestamp). */
export async function lastAppliedInbound(db: Db, attemptId: string) {
  const [row] = await db
    .select({ body: sharingIsoMessages.body })
    .from(sharingIsoMessages)
    .where(
      and(
        eq(sharingIsoMessages.attemptId, attemptId),
        eq(sharingIsoMessages.direction, 'in'),
        eq(sharingIsoMessages.status, 'applied'),
      ),
    )
    .orderBy(desc(sharingIsoMessages.id))
    .limit(1);
  return row?.body ?? null;
}
