import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { mailOutbox } from '../../platform/tables.ts';
import { users } from '../members/tables.ts';
import { notifications } from './tables.ts';

/** A person's in-app notifications (newest first, paged) and the daily sharing digest's reads. */
const countInt = sql<number>`count(*)::int`;

export async function notificationPage(
  db: Db,
  userId: string,
  f: { page: number; pageSize: number; unreadOnly: boolean },
) {
  const mine = eq(notifications.userId, userId);
  const where = f.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [items, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: countInt }).from(notifications).where(where),
    db
      .select({ n: countInt })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return { items, total: total?.n ?? 0, unread: unread?.n ?? 0 };
}

export async function markAllNotificationsRead(db: Db, userId: string) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Unread sharing notifications created in [from, to) of active people who chose the daily digest and
 * want sharing emails, oldest first per person.
 */
export async function digestCandidates(db: Db, from: Date, to: Date) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      locale: users.locale,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      kind: notifications.kind,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        sql`${notifications.createdAt} >= ${from.toISOString()}::timestamptz`,
        sql`${notifications.createdAt} < ${to.toISOString()}::timestamptz`,
        isNull(notifications.readAt),
        sql`${notifications.kind} LIKE 'sharing.%'`,
        eq(users.status, 'active'),
        sql`${users.notificationPreferences}->>'emailDigest' = 'daily'`,
        sql`coalesce((${users.notificationPreferences}->>'sharingEmails')::boolean, true)`,
      ),
    )
    .orderBy(users.id, notifications.createdAt);
}

/**
 * Under a transaction-scoped advisory lock on (person, day): whether that day's digest is already in the
 * outbox. Two nodes running the digest at once serialise here, and the second finds the first's row.
 */
export async function claimDigest(tx: Db, email: string, template: string, marker: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${email}|${marker}`}, 0))`);
  const [existing] = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.toAddress, email),
        eq(mailOutbox.template, template),
        sql`${mailOutbox.subject} LIKE ${`%${marker}%`}`,
      ),
    )
    .limit(1);
  return !existing;
}
