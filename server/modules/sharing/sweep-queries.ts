import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { sharingAttempts, sharingEvents, sharingPatrons, sharingRequests } from './tables.ts';

/** SQL of the timer sweeps: candidates (read without locks; the sweep locks and re-checks each one). */

export async function overdueAnswers(db: Db, now: Date, limit = 200) {
  return db
    .select({ requestId: sharingAttempts.requestId, attemptId: sharingAttempts.id })
    .from(sharingAttempts)
    .where(
      and(
        inArray(sharingAttempts.state, ['received', 'expect_to_supply']),
        lt(sharingAttempts.answerBy, now),
      ),
    )
    .limit(limit);
}

export async function loansPastDue(db: Db, today: string, limit = 500) {
  return db
    .select({ requestId: sharingAttempts.requestId, attemptId: sharingAttempts.id })
    .from(sharingAttempts)
    .where(and(eq(sharingAttempts.state, 'shipped'), lt(sharingAttempts.dueDate, today)))
    .limit(limit);
}

/** Borrower loans out to patrons whose due date is within the window (due-soon notices). */
export async function loansDueBetween(db: Db, from: string, to: string, limit = 500) {
  return db
    .select({ requestId: sharingRequests.id })
    .from(sharingRequests)
    .innerJoin(sharingAttempts, eq(sharingAttempts.id, sharingRequests.currentAttemptId))
    .where(
      and(
        eq(sharingRequests.state, 'checked_out'),
        sql`${sharingAttempts.dueDate} BETWEEN ${from} AND ${to}`,
      ),
    )
    .limit(limit);
}

export async function endedBefore(db: Db, cutoff: Date, limit = 500) {
  return db
    .select({ id: sharingRequests.id })
    .from(sharingRequests)
    .where(and(isNull(sharingRequests.purgedAt), lt(sharingRequests.endedAt, cutoff)))
    .limit(limit);
}

/** Removes everything that can identify the patron; milestones and counts stay for statistics. */
export async function purgePatron(db: Db, requestId: string) {
  await db.delete(sharingPatrons).where(eq(sharingPatrons.requestId, requestId));
  await db
    .update(sharingEvents)
    .set({ note: '' })
    .where(and(eq(sharingEvents.requestId, requestId), eq(sharingEvents.visibility, 'borrowing')));
  await db
    .update(sharingRequests)
    .set({ staffNote: null, purgedAt: sql`now()` })
    .where(and(eq(sharingRequests.id, requestId), isNull(sharingRequests.purgedAt)));
}

export async function expiredCopies(db: Db, now: Date, limit = 200) {
  return db
    .select({ id: sharingAttempts.id, copyPath: sharingAttempts.copyPath })
    .from(sharingAttempts)
    .where(and(isNotNull(sharingAttempts.copyPath), lt(sharingAttempts.copyExpiresAt, now)))
    .limit(limit);
}

export async function clearCopy(db: Db, id: string, path: string) {
  const rows = await db
    .update(sharingAttempts)
    .set({ copyPath: null, copyTokenHash: null })
    .where(and(eq(sharingAttempts.id, id), eq(sharingAttempts.copyPath, path)))
    .returning({ id: sharingAttempts.id });
  return rows.length > 0;
}
