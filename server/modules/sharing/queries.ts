import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { SharingText } from '../../../shared/contracts/sharing-texts.ts';
import {
  notifications,
  sharingAttempts,
  sharingContu,
  sharingEvents,
  sharingNotes,
  sharingPatrons,
  sharingPolicies,
  sharingRequests,
  sharingRota,
} from './tables.ts';

/** The only place with SQL for resource sharing. Patron rows are read by `patronOf` alone. */
export type RequestRow = typeof sharingRequests.$inferSelect;
export type AttemptRow = typeof sharingAttempts.$inferSelect;
export type PolicyRow = typeof sharingPolicies.$inferSelect;
export type EventInsert = typeof sharingEvents.$inferInsert;

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

// ——— Requests ———

export async function insertRequest(db: Db, row: typeof sharingRequests.$inferInsert) {
  const [created] = await db.insert(sharingRequests).values(row).returning();
  return created!;
}

export async function insertPatron(db: Db, row: typeof sharingPatrons.$inferInsert) {
  await db.insert(sharingPatrons).values(row);
}

export async function patronOf(db: Db, requestId: string) {
  const [row] = await db.select().from(sharingPatrons).where(eq(sharingPatrons.requestId, requestId));
  return row ?? null;
}

export async function findRequest(db: Db, id: string) {
  const [row] = await db.select().from(sharingRequests).where(eq(sharingRequests.id, id));
  return row ?? null;
}

/** Row lock for an action: a second writer waits, then sees the new version (and gets a conflict). */
export async function lockRequest(db: Db, id: string, skipLocked = false) {
  const q = db.select().from(sharingRequests).where(eq(sharingRequests.id, id));
  const [row] = await (skipLocked ? q.for('update', { skipLocked: true }) : q.for('update'));
  return row ?? null;
}

/** Same borrower, same item, same patron name, recently: a possible duplicate. */
export async function findDuplicate(
  db: Db,
  borrowerId: string,
  itemKey: string,
  patronName: string,
  since: Date,
) {
  const [row] = await db
    .select({ id: sharingRequests.id })
    .from(sharingRequests)
    .innerJoin(sharingPatrons, eq(sharingPatrons.requestId, sharingRequests.id))
    .where(
      and(
        eq(sharingRequests.borrowerId, borrowerId),
        eq(sharingRequests.itemKey, itemKey),
        gt(sharingRequests.createdAt, since),
        sql`lower(${sharingPatrons.name}) = lower(${patronName})`,
        sql`${sharingRequests.state} NOT IN ('cancelled')`,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

// ——— Attempts ———

export async function insertAttempt(db: Db, row: typeof sharingAttempts.$inferInsert) {
  const [created] = await db.insert(sharingAttempts).values(row).returning();
  return created!;
}

export async function updateAttempt(db: Db, id: string, set: Partial<typeof sharingAttempts.$inferInsert>) {
  await db
    .update(sharingAttempts)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(sharingAttempts.id, id));
}

export async function findAttempt(db: Db, id: string) {
  const [row] = await db.select().from(sharingAttempts).where(eq(sharingAttempts.id, id));
  return row ?? null;
}

export async function attemptsOf(db: Db, requestId: string) {
  return db
    .select()
    .from(sharingAttempts)
    .where(eq(sharingAttempts.requestId, requestId))
    .orderBy(asc(sharingAttempts.createdAt));
}

export async function attemptByTokenHash(db: Db, hash: string) {
  const [row] = await db.select().from(sharingAttempts).where(eq(sharingAttempts.copyTokenHash, hash));
  return row ?? null;
}

// ——— Rota ———

export async function replaceRota(
  db: Db,
  requestId: string,
  rows: {
    libraryId: string;
    position: number | null;
    reasons: (SharingText | string)[];
    skipReason: string | null;
  }[],
  fresh = false,
) {
  if (!fresh) await db.delete(sharingRota).where(eq(sharingRota.requestId, requestId));
  if (rows.length) await db.insert(sharingRota).values(rows.map((r) => ({ ...r, requestId })));
}

/** The next placed library after `position`, or null at the end of the list. */
export async function nextOnRota(db: Db, requestId: string, after: number) {
  const [row] = await db
    .select({ libraryId: sharingRota.libraryId, position: sharingRota.position })
    .from(sharingRota)
    .where(and(eq(sharingRota.requestId, requestId), gt(sharingRota.position, after)))
    .orderBy(asc(sharingRota.position))
    .limit(1);
  return row ? { libraryId: row.libraryId, position: row.position! } : null;
}

// ——— Timeline and notes ———

export async function hasEvent(db: Db, requestId: string, action: string) {
  const [row] = await db
    .select({ id: sharingEvents.id })
    .from(sharingEvents)
    .where(and(eq(sharingEvents.requestId, requestId), eq(sharingEvents.action, action)))
    .limit(1);
  return !!row;
}

export async function insertNote(db: Db, row: typeof sharingNotes.$inferInsert) {
  const [created] = await db.insert(sharingNotes).values(row).returning();
  return created!;
}

// ——— Policies and lending figures ———

export async function policiesOf(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(sharingPolicies)
    .where(sql`${sharingPolicies.libraryId} = ANY(${uuids(ids)})`);
}

export async function upsertPolicy(
  db: Db,
  libraryId: string,
  values: Omit<typeof sharingPolicies.$inferInsert, 'libraryId' | 'version' | 'updatedAt'>,
  version: number,
) {
  const existing = await policiesOf(db, [libraryId]);
  if (!existing.length) {
    if (version !== 1) return null;
    const [row] = await db
      .insert(sharingPolicies)
      .values({ ...values, libraryId, version: 2 })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(sharingPolicies)
    .set({ ...values, version: sql`${sharingPolicies.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(sharingPolicies.libraryId, libraryId), eq(sharingPolicies.version, version)))
    .returning();
  return row ?? null;
}

// ——— CONTU ———

export async function bumpContu(db: Db, borrowerId: string, journal: string, year: number) {
  const [row] = await db
    .insert(sharingContu)
    .values({ borrowerId, journal, year, count: 1 })
    .onConflictDoUpdate({
      target: [sharingContu.borrowerId, sharingContu.journal, sharingContu.year],
      set: { count: sql`${sharingContu.count} + 1` },
    })
    .returning({ count: sharingContu.count });
  return row!.count;
}

export async function contuCount(db: Db, borrowerId: string, journal: string, year: number) {
  const [row] = await db
    .select({ count: sharingContu.count })
    .from(sharingContu)
    .where(
      and(
        eq(sharingContu.borrowerId, borrowerId),
        eq(sharingContu.journal, journal),
        eq(sharingContu.year, year),
      ),
    );
  return row?.count ?? 0;
}

export async function contuList(db: Db, borrowerId: string, year: number) {
  return db
    .select({ journal: sharingContu.journal, count: sharingContu.count })
    .from(sharingContu)
    .where(and(eq(sharingContu.borrowerId, borrowerId), eq(sharingContu.year, year)))
    .orderBy(desc(sharingContu.count), asc(sharingContu.journal));
}

// ——— Notifications ———

export async function insertNotifications(db: Db, rows: (typeof notifications.$inferInsert)[]) {
  if (rows.length) await db.insert(notifications).values(rows);
}

export async function markNotificationRead(db: Db, userId: string, id: string) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export * from './sweep-queries.ts';
