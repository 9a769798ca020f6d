import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { sharingAttempts, sharingRequests } from './tables.ts';

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Each request's current lender (null when no lender is asked now); ids that do not exist are absent. */
export async function currentLenders(db: Db, requestIds: readonly string[]) {
  return db
    .select({ id: sharingRequests.id, seq: sharingRequests.seq, lenderId: sharingAttempts.lenderId })
    .from(sharingRequests)
    .leftJoin(sharingAttempts, eq(sharingAttempts.id, sharingRequests.currentAttemptId))
    .where(sql`${sharingRequests.id} = ANY(${uuids(requestIds)})`);
}

/** Where to ship: libraries' names, shipping addresses and courier stops (public directory facts). */
export async function shippingOf(db: Db, libraryIds: readonly string[]) {
  if (!libraryIds.length) return [];
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      symbol: organizations.symbol,
      shippingAddress: organizations.shippingAddress,
      courierStop: organizations.courierStop,
    })
    .from(organizations)
    .where(sql`${organizations.id} = ANY(${uuids(libraryIds)})`);
}
