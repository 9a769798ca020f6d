import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../members/tables.ts';
import {
  learningCeRules,
  learningCertificates,
  learningFeedTokens,
  learningOutsideTraining,
  learningRegistrations,
} from './tables.ts';

const SEAT_HOLDING = ['confirmed', 'offered'] as const;

/** SQL of the records side of learning: certificates, outside training, CE rules and calendar feeds. */

// ——— Certificates, transcript, feeds ———

export async function insertCertificate(db: Db, values: typeof learningCertificates.$inferInsert) {
  const [row] = await db
    .insert(learningCertificates)
    .values(values)
    .onConflictDoNothing({ target: learningCertificates.registrationId })
    .returning();
  return row ?? null;
}

export async function findCertificate(db: Db, code: string) {
  const [row] = await db.select().from(learningCertificates).where(eq(learningCertificates.code, code));
  return row ?? null;
}

export async function certificatesOfUser(db: Db, userId: string, from: string, to: string) {
  return db
    .select()
    .from(learningCertificates)
    .where(
      and(
        eq(learningCertificates.userId, userId),
        gte(learningCertificates.completedOn, from),
        lte(learningCertificates.completedOn, to),
        sql`${learningCertificates.revokedAt} IS NULL`,
      ),
    )
    .orderBy(asc(learningCertificates.completedOn));
}

export async function outsideTrainingOf(db: Db, userId: string, from = '0001-01-01', to = '9999-12-31') {
  return db
    .select({
      id: learningOutsideTraining.id,
      title: learningOutsideTraining.title,
      provider: learningOutsideTraining.provider,
      completedOn: learningOutsideTraining.completedOn,
      contactHours: learningOutsideTraining.contactHours,
      competencyArea: learningOutsideTraining.competencyArea,
      proofName: learningOutsideTraining.proofName,
    })
    .from(learningOutsideTraining)
    .where(
      and(
        eq(learningOutsideTraining.userId, userId),
        gte(learningOutsideTraining.completedOn, from),
        lte(learningOutsideTraining.completedOn, to),
      ),
    )
    .orderBy(asc(learningOutsideTraining.completedOn));
}

export async function insertOutsideTraining(db: Db, values: typeof learningOutsideTraining.$inferInsert) {
  const [row] = await db
    .insert(learningOutsideTraining)
    .values(values)
    .returning({ id: learningOutsideTraining.id });
  return row!.id;
}

export async function findOutsideTraining(db: Db, id: string) {
  const [row] = await db.select().from(learningOutsideTraining).where(eq(learningOutsideTraining.id, id));
  return row ?? null;
}

export async function deleteOutsideTraining(db: Db, id: string, userId: string) {
  const rows = await db
    .delete(learningOutsideTraining)
    .where(and(eq(learningOutsideTraining.id, id), eq(learningOutsideTraining.userId, userId)))
    .returning({ id: learningOutsideTraining.id });
  return rows.length > 0;
}

export async function ceRules(db: Db) {
  return db.select().from(learningCeRules).orderBy(asc(learningCeRules.code));
}

export async function upsertCeRule(db: Db, values: typeof learningCeRules.$inferInsert) {
  const { code: _code, ...rest } = values;
  const [row] = await db
    .insert(learningCeRules)
    .values(values)
    .onConflictDoUpdate({ target: learningCeRules.code, set: rest })
    .returning();
  return row!;
}

export async function feedTokenOf(db: Db, userId: string) {
  const [row] = await db.select().from(learningFeedTokens).where(eq(learningFeedTokens.userId, userId));
  return row?.token ?? null;
}

export async function setFeedToken(db: Db, userId: string, token: string) {
  await db
    .insert(learningFeedTokens)
    .values({ userId, token })
    .onConflictDoUpdate({ target: learningFeedTokens.userId, set: { token, createdAt: new Date() } });
}

export async function userOfFeedToken(db: Db, token: string) {
  const [row] = await db.select().from(learningFeedTokens).where(eq(learningFeedTokens.token, token));
  return row?.userId ?? null;
}

/** Event ids a person holds a confirmed or offered seat at (for their calendar feed). */
export async function eventIdsOfPerson(db: Db, userId: string) {
  const rows = await db
    .select({ eventId: learningRegistrations.eventId })
    .from(learningRegistrations)
    .where(
      and(eq(learningRegistrations.userId, userId), inArray(learningRegistrations.status, [...SEAT_HOLDING])),
    );
  return rows.map((r) => r.eventId);
}

export async function certificateOfRegistration(db: Db, registrationId: string) {
  const [row] = await db
    .select({ code: learningCertificates.code })
    .from(learningCertificates)
    .where(eq(learningCertificates.registrationId, registrationId));
  return row?.code ?? null;
}

export async function setCertificateRevoked(db: Db, registrationId: string, at: Date | null) {
  await db
    .update(learningCertificates)
    .set({ revokedAt: at })
    .where(eq(learningCertificates.registrationId, registrationId));
}

export async function confirmedByEmail(db: Db, eventId: string) {
  const rows = await db
    .select({ registration: learningRegistrations, email: users.email })
    .from(learningRegistrations)
    .innerJoin(users, eq(users.id, learningRegistrations.userId))
    .where(and(eq(learningRegistrations.eventId, eventId), eq(learningRegistrations.status, 'confirmed')));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.registration]));
}
