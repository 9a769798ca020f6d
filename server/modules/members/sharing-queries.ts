import { and, arrayContains, asc, eq, gte, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { closures, organizations, users } from './tables.ts';

/**
 * What resource sharing reads about members: libraries with their time zones and closures (a lender closed
 * today is skipped, answer deadlines skip closed days), and the people to notify at a library.
 */
const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export async function librariesByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      symbol: organizations.symbol,
      kind: organizations.kind,
      status: organizations.status,
      timeZone: organizations.timeZone,
    })
    .from(organizations)
    .where(sql`${organizations.id} = ANY(${uuids(ids)})`);
}

/** Closures overlapping [from, to] (ISO dates) of the given libraries. */
export async function closuresBetween(db: Db, ids: readonly string[], from: string, to: string) {
  if (!ids.length) return [];
  return db
    .select({ organizationId: closures.organizationId, startsOn: closures.startsOn, endsOn: closures.endsOn })
    .from(closures)
    .where(
      and(
        sql`${closures.organizationId} = ANY(${uuids(ids)})`,
        lte(closures.startsOn, to),
        gte(closures.endsOn, from),
      ),
    );
}

/** Active library admins and staff holding the given capability, with their notification preferences. */
export async function staffWithCapability(db: Db, organizationId: string, capability: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      preferences: users.notificationPreferences,
    })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.status, 'active'),
        or(eq(users.role, 'library_admin'), arrayContains(users.capabilities, [capability])),
      ),
    )
    .orderBy(asc(users.email));
}

/** Libraries that are active or in grace (the ones that take part in sharing). */
export async function activeLibraries(db: Db) {
  return db
    .select({ id: organizations.id, symbol: organizations.symbol, timeZone: organizations.timeZone })
    .from(organizations)
    .where(and(eq(organizations.kind, 'library'), sql`${organizations.status} IN ('active', 'grace')`))
    .orderBy(asc(organizations.symbol));
}
