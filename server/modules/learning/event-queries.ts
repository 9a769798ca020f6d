import { and, asc, desc, eq, gte, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { learningEvents, learningSessions } from './tables.ts';

export type EventRow = typeof learningEvents.$inferSelect;
export type EventInsert = typeof learningEvents.$inferInsert;
export type SessionRow = typeof learningSessions.$inferSelect;

const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ——— Events ———

export async function findEvent(db: Db, id: string) {
  const [row] = await db.select().from(learningEvents).where(eq(learningEvents.id, id));
  return row ?? null;
}

/**
 * Locks the event row for the rest of the transaction. Every change to seats or registrations of an event
 * takes this lock first, so concurrent sign-ups, cancellations and promotions are serialised per event.
 */
export async function lockEvent(tx: Db, id: string) {
  const [row] = await tx.select().from(learningEvents).where(eq(learningEvents.id, id)).for('update');
  return row ?? null;
}

export async function insertEvent(db: Db, values: EventInsert) {
  const [row] = await db.insert(learningEvents).values(values).returning();
  return row!;
}

/** Optimistic update: only when the stored version is the one the editor saw. */
export async function updateEvent(db: Db, id: string, version: number, values: Partial<EventInsert>) {
  const [row] = await db
    .update(learningEvents)
    .set({ ...values, updatedAt: new Date(), version: sql`${learningEvents.version} + 1` })
    .where(and(eq(learningEvents.id, id), eq(learningEvents.version, version)))
    .returning();
  return row ?? null;
}

export async function setSeatsTaken(db: Db, id: string, seatsTaken: number) {
  await db.update(learningEvents).set({ seatsTaken }).where(eq(learningEvents.id, id));
}

/**
 * Makes the event's sessions equal to `sessions`, keeping the rows of sessions whose times did not change
 * (their ids key the reminders already sent, so saving an unchanged form never re-sends a reminder).
 */
export async function replaceSessions(db: Db, eventId: string, sessions: { startsAt: Date; endsAt: Date }[]) {
  const key = (s: { startsAt: Date; endsAt: Date }) => `${s.startsAt.getTime()}/${s.endsAt.getTime()}`;
  const existing = await db.select().from(learningSessions).where(eq(learningSessions.eventId, eventId));
  const wanted = new Set(sessions.map(key));
  const kept = new Set(existing.filter((s) => wanted.has(key(s))).map(key));
  const removed = existing.filter((s) => !wanted.has(key(s))).map((s) => s.id);
  if (removed.length) await db.delete(learningSessions).where(inArray(learningSessions.id, removed));
  const added = sessions.filter((s) => !kept.has(key(s)));
  if (added.length) await db.insert(learningSessions).values(added.map((s) => ({ ...s, eventId })));
}

export async function sessionsOf(db: Db, eventIds: string[]) {
  if (!eventIds.length) return [];
  return db
    .select()
    .from(learningSessions)
    .where(inArray(learningSessions.eventId, eventIds))
    .orderBy(asc(learningSessions.startsAt));
}

export async function organizationName(db: Db, id: string) {
  const [row] = await db
    .select({ name: organizations.name, kind: organizations.kind, status: organizations.status })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row ?? null;
}

export type EventFilter = {
  q?: string | undefined;
  topic?: string | undefined;
  format?: EventRow['format'] | undefined;
  language?: EventRow['language'] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  free?: boolean | undefined;
  publicOnly: boolean;
  organizerOrgId?: string | undefined;
  status?: EventRow['status'] | undefined;
  upcomingAfter?: Date | undefined;
};

function eventWhere(f: EventFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (f.organizerOrgId) c.push(eq(learningEvents.organizerOrgId, f.organizerOrgId));
  if (f.status) c.push(eq(learningEvents.status, f.status));
  if (f.publicOnly) c.push(eq(learningEvents.visibility, 'public'));
  if (f.upcomingAfter) c.push(gte(learningEvents.endsAt, f.upcomingAfter));
  if (f.q) {
    const p = containsPattern(f.q);
    c.push(
      or(
        ilike(learningEvents.titleEn, p),
        ilike(learningEvents.titleEs, p),
        ilike(learningEvents.descriptionEn, p),
        ilike(learningEvents.descriptionEs, p),
        sql`${learningEvents.presenters}::text ILIKE ${p}`,
      ),
    );
  }
  if (f.topic) c.push(eq(learningEvents.topic, f.topic));
  if (f.format) c.push(eq(learningEvents.format, f.format));
  if (f.language) c.push(eq(learningEvents.language, f.language));
  if (f.from) c.push(gte(learningEvents.endsAt, f.from));
  if (f.to) c.push(lt(learningEvents.startsAt, f.to));
  if (f.free !== undefined) {
    const isFree = and(eq(learningEvents.memberPriceCents, 0), eq(learningEvents.nonmemberPriceCents, 0));
    c.push(f.free ? isFree : sql`NOT (${isFree})`);
  }
  return and(...c);
}

const eventListColumns = {
  event: learningEvents,
  organizerName: organizations.name,
  sessionCount: sql<number>`(SELECT count(*)::int FROM ${learningSessions} s WHERE s.event_id = ${learningEvents.id})`,
  total: sql<number>`count(*) OVER ()::int`,
};

export async function listEvents(
  db: Db,
  f: EventFilter,
  page: number,
  pageSize: number,
  newestFirst = false,
) {
  const rows = await db
    .select(eventListColumns)
    .from(learningEvents)
    .innerJoin(organizations, eq(organizations.id, learningEvents.organizerOrgId))
    .where(eventWhere(f))
    .orderBy(
      newestFirst ? desc(learningEvents.startsAt) : asc(learningEvents.startsAt),
      asc(learningEvents.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Published events whose first session falls in the window (for feeds). */
export async function feedEvents(
  db: Db,
  where: { topic?: string; eventIds?: string[]; publicOnly: boolean },
) {
  const c: SQL[] = [ne(learningEvents.status, 'draft')];
  if (where.topic) c.push(eq(learningEvents.topic, where.topic));
  if (where.publicOnly) c.push(eq(learningEvents.visibility, 'public'));
  if (where.eventIds) {
    if (!where.eventIds.length) return [];
    c.push(inArray(learningEvents.id, where.eventIds));
  }
  c.push(gte(learningEvents.endsAt, new Date(Date.now() - 366 * 86_400_000)));
  return db
    .select()
    .from(learningEvents)
    .where(and(...c))
    .orderBy(asc(learningEvents.startsAt))
    .limit(500);
}
