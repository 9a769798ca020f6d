import { and, asc, desc, eq, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations, users } from '../members/tables.ts';
import {
  learningCertificates,
  learningEvents,
  learningMessages,
  learningRegistrations,
  learningReminders,
  learningSessions,
} from './tables.ts';

export type RegistrationRow = typeof learningRegistrations.$inferSelect;

const countInt = sql<number>`count(*)::int`;
const SEAT_HOLDING = ['confirmed', 'offered'] as const;

// ——— Registrations ———

export async function findRegistration(db: Db, id: string) {
  const [row] = await db.select().from(learningRegistrations).where(eq(learningRegistrations.id, id));
  return row ?? null;
}

export async function liveRegistrationOf(db: Db, eventId: string, userId: string) {
  const [row] = await db
    .select()
    .from(learningRegistrations)
    .where(
      and(
        eq(learningRegistrations.eventId, eventId),
        eq(learningRegistrations.userId, userId),
        ne(learningRegistrations.status, 'cancelled'),
      ),
    );
  return row ?? null;
}

/** Seats an institution holds at an event (confirmed or offered). */
export async function seatsHeldBy(db: Db, eventId: string, organizationId: string) {
  const [row] = await db
    .select({ n: countInt })
    .from(learningRegistrations)
    .where(
      and(
        eq(learningRegistrations.eventId, eventId),
        eq(learningRegistrations.organizationId, organizationId),
        inArray(learningRegistrations.status, [...SEAT_HOLDING]),
      ),
    );
  return row?.n ?? 0;
}

export async function insertRegistration(db: Db, values: typeof learningRegistrations.$inferInsert) {
  const [row] = await db.insert(learningRegistrations).values(values).returning();
  return row!;
}

export async function updateRegistration(
  db: Db,
  id: string,
  values: Partial<typeof learningRegistrations.$inferInsert>,
) {
  const [row] = await db
    .update(learningRegistrations)
    .set(values)
    .where(eq(learningRegistrations.id, id))
    .returning();
  return row!;
}

/** The waitlist in order (first come, first served). */
export async function waitlist(db: Db, eventId: string, limit = 200) {
  return db
    .select()
    .from(learningRegistrations)
    .where(and(eq(learningRegistrations.eventId, eventId), eq(learningRegistrations.status, 'waitlisted')))
    .orderBy(asc(learningRegistrations.waitlistSeq))
    .limit(limit);
}

export async function waitlistPosition(db: Db, eventId: string, seq: number) {
  const [row] = await db
    .select({ n: countInt })
    .from(learningRegistrations)
    .where(
      and(
        eq(learningRegistrations.eventId, eventId),
        eq(learningRegistrations.status, 'waitlisted'),
        lte(learningRegistrations.waitlistSeq, seq),
      ),
    );
  return row?.n ?? 0;
}

export async function waitlistCount(db: Db, eventId: string) {
  const [row] = await db
    .select({ n: countInt })
    .from(learningRegistrations)
    .where(and(eq(learningRegistrations.eventId, eventId), eq(learningRegistrations.status, 'waitlisted')));
  return row?.n ?? 0;
}

const registrationColumns = {
  registration: learningRegistrations,
  personName: users.displayName,
  personEmail: users.email,
  personLocale: users.locale,
  organizationName: organizations.name,
  certificateCode: learningCertificates.code,
};

export async function registrationsOf(db: Db, eventId: string, statuses?: RegistrationRow['status'][]) {
  return db
    .select(registrationColumns)
    .from(learningRegistrations)
    .innerJoin(users, eq(users.id, learningRegistrations.userId))
    .innerJoin(organizations, eq(organizations.id, learningRegistrations.organizationId))
    .leftJoin(learningCertificates, eq(learningCertificates.registrationId, learningRegistrations.id))
    .where(
      and(
        eq(learningRegistrations.eventId, eventId),
        statuses ? inArray(learningRegistrations.status, statuses) : undefined,
      ),
    )
    .orderBy(asc(learningRegistrations.status), asc(learningRegistrations.waitlistSeq));
}

export async function registrationsOfUser(db: Db, userId: string) {
  return db
    .select({ registration: learningRegistrations, certificateCode: learningCertificates.code })
    .from(learningRegistrations)
    .leftJoin(learningCertificates, eq(learningCertificates.registrationId, learningRegistrations.id))
    .where(and(eq(learningRegistrations.userId, userId), ne(learningRegistrations.status, 'cancelled')))
    .orderBy(desc(learningRegistrations.createdAt));
}

export async function person(db: Db, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      locale: users.locale,
      status: users.status,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      organizationStatus: organizations.status,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  return row ?? null;
}

/** Events with offers past their deadline. */
export async function eventsWithExpiredOffers(db: Db, now: Date) {
  const rows = await db
    .selectDistinct({ eventId: learningRegistrations.eventId })
    .from(learningRegistrations)
    .where(and(eq(learningRegistrations.status, 'offered'), lt(learningRegistrations.offerExpiresAt, now)));
  return rows.map((r) => r.eventId);
}

/** Withdraws expired offers of one event (call with the event locked); returns the withdrawn rows. */
export async function withdrawExpiredOffers(tx: Db, eventId: string, now: Date) {
  return tx
    .update(learningRegistrations)
    .set({ status: 'cancelled', cancelledAt: now, cancelReason: 'offer_expired', offerExpiresAt: null })
    .where(
      and(
        eq(learningRegistrations.eventId, eventId),
        eq(learningRegistrations.status, 'offered'),
        lt(learningRegistrations.offerExpiresAt, now),
      ),
    )
    .returning();
}

// ——— Reminders ———

/** Sessions of published events starting between now and each event's reminder lead time. */
export async function sessionsDueForReminder(db: Db, now: Date) {
  return db
    .select({ session: learningSessions, event: learningEvents })
    .from(learningSessions)
    .innerJoin(learningEvents, eq(learningEvents.id, learningSessions.eventId))
    .where(
      and(
        eq(learningEvents.status, 'published'),
        sql`${learningSessions.startsAt} > ${now}`,
        sql`${learningSessions.startsAt} <= ${now}::timestamptz + make_interval(hours => ${learningEvents.reminderHoursBefore})`,
      ),
    );
}

/**
 * Claims the reminders of one session for its confirmed registrants: a row per (registration, session) is
 * inserted once; only the newly inserted ones are returned, so a repeated job sends nothing twice.
 */
export async function claimReminders(tx: Db, eventId: string, sessionId: string) {
  const claimed = await tx.execute<{ registration_id: string }>(sql`
    INSERT INTO ${learningReminders} (registration_id, session_id)
    SELECT r.id, ${sessionId}::uuid FROM ${learningRegistrations} r
     WHERE r.event_id = ${eventId}::uuid AND r.status = 'confirmed'
    ON CONFLICT DO NOTHING
    RETURNING registration_id`);
  const ids = (claimed as unknown as { rows: { registration_id: string }[] }).rows.map(
    (r) => r.registration_id,
  );
  if (!ids.length) return [];
  return registrationsByIds(tx, ids);
}

export async function registrationsByIds(db: Db, ids: string[]) {
  return db
    .select(registrationColumns)
    .from(learningRegistrations)
    .innerJoin(users, eq(users.id, learningRegistrations.userId))
    .innerJoin(organizations, eq(organizations.id, learningRegistrations.organizationId))
    .leftJoin(learningCertificates, eq(learningCertificates.registrationId, learningRegistrations.id))
    .where(inArray(learningRegistrations.id, ids));
}

export async function insertMessage(db: Db, values: typeof learningMessages.$inferInsert) {
  await db.insert(learningMessages).values(values);
}
