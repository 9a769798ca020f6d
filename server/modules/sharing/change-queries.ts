import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { sharingAttempts, sharingEvents, sharingRequests } from './tables.ts';
import type { AttemptRow, EventInsert, RequestRow } from './queries.ts';

/**
 * The writes of one change to a request in as few round trips as possible: the request row locked together
 * with its current attempt, and the attempt update, request update (new version) and timeline rows sent as
 * one statement (data-modifying CTEs, atomic like any single statement). Fixed-text queries are named, so
 * each pooled connection parses and plans them once.
 */

/** Row lock on the request (not the attempt) for an action, read with its current attempt. */
export async function lockRequestWithAttempt(
  db: Db,
  id: string,
): Promise<{ req: RequestRow; attempt: AttemptRow | null } | null> {
  const [row] = await db
    .select({ req: sharingRequests, attempt: sharingAttempts })
    .from(sharingRequests)
    .leftJoin(sharingAttempts, eq(sharingAttempts.id, sharingRequests.currentAttemptId))
    .where(eq(sharingRequests.id, id))
    .for('update', { of: sharingRequests })
    .prepare('sharing_lock_request')
    .execute();
  return row ?? null;
}

export async function writeChange(
  db: Db,
  change: {
    requestId: string;
    request: Partial<typeof sharingRequests.$inferInsert>;
    attempt: { id: string; set: Partial<typeof sharingAttempts.$inferInsert> } | null;
    events: EventInsert[];
  },
) {
  const steps: SQL[] = [];
  if (change.attempt)
    steps.push(
      db
        .update(sharingAttempts)
        .set({ ...change.attempt.set, updatedAt: sql`now()` })
        .where(eq(sharingAttempts.id, change.attempt.id))
        .getSQL(),
    );
  steps.push(
    db
      .update(sharingRequests)
      .set({ ...change.request, version: sql`${sharingRequests.version} + 1`, updatedAt: sql`now()` })
      .where(eq(sharingRequests.id, change.requestId))
      .getSQL(),
  );
  const last = change.events.length ? db.insert(sharingEvents).values(change.events).getSQL() : steps.pop()!;
  const ctes = steps.map((step, i) => sql`${sql.raw(`w${i}`)} AS (${step})`);
  await db.execute(ctes.length ? sql`WITH ${sql.join(ctes, sql`, `)} ${last}` : last);
}
