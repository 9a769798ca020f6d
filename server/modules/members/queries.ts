import {
  and,
  arrayContains,
  asc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  ne,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { accountTokens, sessions } from '../accounts/tables.ts';
import { closures, openingHours, organizations, users } from './tables.ts';

type Organization = typeof organizations.$inferSelect;
type OrganizationKind = Organization['kind'];

/** Counts are cast in SQL: node-postgres returns bigint counts as strings, PGlite as numbers. */
const countInt = sql<number>`count(*)::int`;

/** User input becomes a literal ILIKE pattern: %, _ and \ match themselves. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Accent-insensitive "contains" (so "espanola" finds "Española"). */
const folded = (column: SQLWrapper, pattern: string) =>
  sql`unaccent(${column}) ILIKE unaccent(${pattern}::text)`;

// ——— Organisations ———

export async function findOrganization(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export type DirectoryFilter = {
  q?: string | undefined;
  kind?: OrganizationKind | undefined;
  type?: NonNullable<Organization['libraryType']> | undefined;
  state?: string | undefined;
  status?: Organization['status'] | undefined;
};
export type FacetName = 'type' | 'state' | 'status';

/** The directory's WHERE clause; `omit` drops one filter, for that facet's own counts. */
function directoryWhere(f: DirectoryFilter, omit?: FacetName): SQL | undefined {
  const conditions: SQL[] = [
    // Without an explicit kind, the directory lists members and partners, not the consortium office.
    f.kind ? eq(organizations.kind, f.kind) : inArray(organizations.kind, ['library', 'partner']),
  ];
  if (f.q) {
    const pattern = containsPattern(f.q);
    conditions.push(
      sql`(${folded(organizations.name, pattern)} OR ${organizations.symbol} ILIKE ${pattern} OR ${folded(organizations.city, pattern)})`,
    );
  }
  if (f.type && omit !== 'type') conditions.push(eq(organizations.libraryType, f.type));
  if (f.state && omit !== 'state') conditions.push(eq(organizations.state, f.state));
  if (f.status && omit !== 'status') conditions.push(eq(organizations.status, f.status));
  return and(...conditions);
}

const sortOrders: Record<'name' | 'state' | 'type', SQL[]> = {
  name: [sql`lower(unaccent(${organizations.name}))`],
  state: [asc(organizations.state), sql`lower(unaccent(${organizations.name}))`],
  type: [sql`${organizations.libraryType} NULLS LAST`, sql`lower(unaccent(${organizations.name}))`],
};

export async function listDirectory(
  db: Db,
  filter: DirectoryFilter,
  sort: 'name' | 'state' | 'type',
  page: number,
  pageSize: number,
) {
  const where = directoryWhere(filter);
  // One round trip: the window count rides along with the page.
  const rows = await db
    .select({ organization: organizations, total: sql<number>`(count(*) OVER ())::int` })
    .from(organizations)
    .where(where)
    .orderBy(...sortOrders[sort], asc(organizations.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  if (rows.length > 0 || page === 1) {
    return { rows: rows.map((r) => r.organization), total: Number(rows[0]?.total ?? 0) };
  }
  // Past the last page the window is empty; count separately so the pager can recover.
  const [total] = await db.select({ n: countInt }).from(organizations).where(where);
  return { rows: [], total: Number(total?.n ?? 0) };
}

/**
 * Counts per (type, state, status) combination under the filters that are not facets (kind, q). Each
 * facet's counts — every filter applied except its own — are then derived from these few dozen rows,
 * instead of one query per facet.
 */
export async function directoryFacetCombinations(db: Db, filter: DirectoryFilter) {
  const rows = await db
    .select({
      type: organizations.libraryType,
      state: organizations.state,
      status: organizations.status,
      n: countInt,
    })
    .from(organizations)
    .where(directoryWhere({ q: filter.q, kind: filter.kind }))
    .groupBy(organizations.libraryType, organizations.state, organizations.status);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function listHours(db: Db, organizationId: string) {
  return db
    .select()
    .from(openingHours)
    .where(eq(openingHours.organizationId, organizationId))
    .orderBy(asc(openingHours.weekday), asc(openingHours.opensAt));
}

/** Closures that have not ended by `today` (a date in the library's own time zone). */
export async function listUpcomingClosures(db: Db, organizationId: string, today: string, limit: number) {
  return db
    .select()
    .from(closures)
    .where(and(eq(closures.organizationId, organizationId), gte(closures.endsOn, today)))
    .orderBy(asc(closures.startsOn), asc(closures.id))
    .limit(limit);
}

export async function countActivePeople(db: Db, organizationId: string, exceptUserId?: string) {
  const [row] = await db
    .select({ n: countInt })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.status, 'active'),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Optimistic update: applies only when the stored version is the one the editor saw, and bumps it.
 * Returns null when the row is missing or stale; the caller tells the two apart.
 */
export async function updateOrganizationVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof organizations.$inferInsert>,
) {
  const [row] = await db
    .update(organizations)
    .set({ ...values, updatedAt: new Date(), version: sql`${organizations.version} + 1` })
    .where(and(eq(organizations.id, id), eq(organizations.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceHours(
  db: Db,
  organizationId: string,
  periods: { weekday: number; opensAt: string; closesAt: string }[],
) {
  await db.delete(openingHours).where(eq(openingHours.organizationId, organizationId));
  if (periods.length) {
    await db.insert(openingHours).values(periods.map((p) => ({ ...p, organizationId })));
  }
}

export async function insertClosure(
  db: Db,
  organizationId: string,
  values: { startsOn: string; endsOn: string; reason: string },
) {
  const [row] = await db
    .insert(closures)
    .values({ ...values, organizationId })
    .returning();
  return row!;
}

export async function deleteClosure(db: Db, organizationId: string, closureId: string) {
  const [row] = await db
    .delete(closures)
    .where(and(eq(closures.id, closureId), eq(closures.organizationId, organizationId)))
    .returning();
  return row ?? null;
}

/** Members (libraries) by membership status, for the consortium's dashboard. */
export async function countLibrariesByStatus(db: Db) {
  const rows = await db
    .select({ status: organizations.status, n: countInt })
    .from(organizations)
    .where(eq(organizations.kind, 'library'))
    .groupBy(organizations.status);
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

export async function countPendingInvitations(db: Db, organizationId: string) {
  const [row] = await db
    .select({ n: countInt })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.purpose, 'invitation'),
        eq(accountTokens.organizationId, organizationId),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    );
  return Number(row?.n ?? 0);
}

// ——— People ———

export async function listPeople(db: Db, organizationId: string) {
  return db
    .select()
    .from(users)
    .where(eq(users.organizationId, organizationId))
    .orderBy(sql`lower(${users.displayName})`, asc(users.id))
    .limit(1000);
}

/** A person, only if they work at the given organisation. */
export async function findPersonAt(db: Db, organizationId: string, userId: string, forUpdate = false) {
  const query = db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Locks the organisation's active admins for the rest of the transaction, so two admins demoting each
 * other at the same moment cannot leave the library with none.
 */
export async function lockActiveAdmins(
  db: Db,
  organizationId: string,
  role: 'library_admin' | 'consortium_admin',
) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, role), eq(users.status, 'active')))
    .for('update');
  return rows.map((r) => r.id);
}

export async function updatePersonVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof users.$inferInsert>,
) {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row ?? null;
}

/** Signs a person out everywhere (their account was disabled). */
export async function deleteSessionsOf(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export type StaffDirectoryFilter = {
  q?: string | undefined;
  capability?: (typeof users.$inferSelect)['capabilities'][number] | undefined;
  state?: string | undefined;
};

export async function listStaffDirectory(db: Db, f: StaffDirectoryFilter, page: number, pageSize: number) {
  const conditions: (SQL | undefined)[] = [eq(users.directoryOptIn, true), eq(users.status, 'active')];
  if (f.q) {
    const pattern = containsPattern(f.q);
    conditions.push(
      sql`(${folded(users.displayName, pattern)} OR ${folded(users.jobTitle, pattern)}
        OR ${folded(sql`array_to_string(${users.expertise}, ' | ')`, pattern)}
        OR ${folded(organizations.name, pattern)})`,
    );
  }
  // Explicit capabilities only: the directory answers "who works on resource sharing", and admins'
  // implicit all-capabilities would list every director under every heading.
  if (f.capability) conditions.push(arrayContains(users.capabilities, [f.capability]));
  if (f.state) conditions.push(eq(organizations.state, f.state));
  const where = and(...conditions);
  const rows = await db
    .select({
      user: users,
      organization: { id: organizations.id, name: organizations.name, state: organizations.state },
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(sql`lower(${organizations.name})`, sql`lower(${users.displayName})`, asc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db
    .select({ n: countInt })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where);
  return { rows, total: Number(total?.n ?? 0) };
}
