import { and, asc, count, desc, eq, getTableColumns, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.ts';
import { organizations } from '../../members/tables.ts';
import { sharingIsoMessages, sharingIsoPartners } from './tables.ts';

/**
 * The only SQL on the ISO 18626 tables: partners (with the organisation row that stands for them in
 * requests and attempts) and the message log / outbox. The organisation of a partner is written here too:
 * it is created and edited together with its ISO 18626 settings, in one transaction.
 */
export type MessageRow = typeof sharingIsoMessages.$inferSelect;
export type MessageInsert = typeof sharingIsoMessages.$inferInsert;
export type PartnerRow = typeof sharingIsoPartners.$inferSelect;

const partnerColumns = {
  ...getTableColumns(sharingIsoPartners),
  name: organizations.name,
  symbol: organizations.symbol,
  city: organizations.city,
  state: organizations.state,
  region: organizations.region,
  timeZone: organizations.timeZone,
  address: organizations.shippingAddress,
};

/** A partner's ISO 18626 settings with its organisation's name, symbol and place. Holds secrets: internal. */
export type PartnerRecord = PartnerRow & {
  name: string;
  symbol: string;
  city: string;
  state: string;
  region: string;
  timeZone: string;
  address: typeof organizations.$inferSelect.shippingAddress;
};

const partnersQuery = (db: Db) =>
  db
    .select(partnerColumns)
    .from(sharingIsoPartners)
    .innerJoin(organizations, eq(organizations.id, sharingIsoPartners.organizationId));

// ——— Partners ———

export async function listPartners(db: Db): Promise<PartnerRecord[]> {
  return partnersQuery(db).orderBy(asc(organizations.name));
}

export async function findPartner(db: Db, organizationId: string): Promise<PartnerRecord | null> {
  const [row] = await partnersQuery(db).where(eq(sharingIsoPartners.organizationId, organizationId));
  return row ?? null;
}

export async function findPartnerByAgency(
  db: Db,
  type: string,
  value: string,
): Promise<PartnerRecord | null> {
  const [row] = await partnersQuery(db).where(
    and(eq(sharingIsoPartners.agencyIdType, type), eq(sharingIsoPartners.agencyIdValue, value)),
  );
  return row ?? null;
}

export async function partnerIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: sharingIsoPartners.organizationId }).from(sharingIsoPartners);
  return rows.map((r) => r.id);
}

export async function enabledLendingPartners(db: Db): Promise<PartnerRecord[]> {
  return partnersQuery(db)
    .where(and(eq(sharingIsoPartners.enabled, true), eq(sharingIsoPartners.lends, true)))
    .orderBy(asc(organizations.symbol));
}

/** Row lock for an edit: a second editor waits, then sees the new version. */
export async function lockPartner(db: Db, organizationId: string) {
  const [row] = await db
    .select({ version: sharingIsoPartners.version })
    .from(sharingIsoPartners)
    .where(eq(sharingIsoPartners.organizationId, organizationId))
    .for('update');
  return row ?? null;
}

export async function symbolTaken(db: Db, symbol: string, exceptId?: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.symbol, symbol), exceptId ? ne(organizations.id, exceptId) : undefined));
  return Boolean(row);
}

export async function agencyTaken(db: Db, type: string, value: string, exceptId?: string) {
  const [row] = await db
    .select({ id: sharingIsoPartners.organizationId })
    .from(sharingIsoPartners)
    .where(
      and(
        eq(sharingIsoPartners.agencyIdType, type),
        eq(sharingIsoPartners.agencyIdValue, value),
        exceptId ? ne(sharingIsoPartners.organizationId, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

export async function insertPartnerOrganization(db: Db, values: typeof organizations.$inferInsert) {
  const [row] = await db.insert(organizations).values(values).returning({ id: organizations.id });
  return row!.id;
}

export async function updatePartnerOrganization(
  db: Db,
  id: string,
  set: Partial<typeof organizations.$inferInsert>,
) {
  if (!Object.keys(set).length) return;
  await db
    .update(organizations)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(organizations.id, id), eq(organizations.kind, 'partner')));
}

export async function insertPartner(db: Db, row: typeof sharingIsoPartners.$inferInsert) {
  await db.insert(sharingIsoPartners).values(row);
}

export async function updatePartner(
  db: Db,
  id: string,
  set: Partial<typeof sharingIsoPartners.$inferInsert>,
) {
  await db
    .update(sharingIsoPartners)
    .set({ ...set, version: sql`${sharingIsoPartners.version} + 1`, updatedAt: sql`now()` })
    .where(eq(sharingIsoPartners.organizationId, id));
}

/** Delivery bookkeeping changes no settings, so it leaves the version (and an editor's form) alone. */
export async function markPartnerReached(db: Db, id: string, at: Date) {
  await db
    .update(sharingIsoPartners)
    .set({ lastContactAt: at, unreachableSince: null, lastError: null })
    .where(eq(sharingIsoPartners.organizationId, id));
}

export async function markPartnerUnreachable(db: Db, id: string, at: Date, error: string) {
  await db
    .update(sharingIsoPartners)
    .set({ unreachableSince: sql`COALESCE(${sharingIsoPartners.unreachableSince}, ${at})`, lastError: error })
    .where(eq(sharingIsoPartners.organizationId, id));
}

/** Per partner: outbound messages waiting (pending, retrying) and given up (failed). */
export async function outboxCounts(db: Db) {
  const rows = await db
    .select({ partnerId: sharingIsoMessages.partnerId, status: sharingIsoMessages.status, n: count() })
    .from(sharingIsoMessages)
    .where(
      and(
        eq(sharingIsoMessages.direction, 'out'),
        inArray(sharingIsoMessages.status, ['pending', 'retrying', 'failed']),
      ),
    )
    .groupBy(sharingIsoMessages.partnerId, sharingIsoMessages.status);
  const byPartner = new Map<string, { waiting: number; failed: number }>();
  for (const r of rows) {
    if (!r.partnerId) continue;
    const entry = byPartner.get(r.partnerId) ?? { waiting: 0, failed: 0 };
    if (r.status === 'failed') entry.failed += r.n;
    else entry.waiting += r.n;
    byPartner.set(r.partnerId, entry);
  }
  return byPartner;
}

// ——— The outbox ———

export async function insertMessage(db: Db, row: MessageInsert) {
  const [created] = await db.insert(sharingIsoMessages).values(row).returning({ id: sharingIsoMessages.id });
  return created!.id;
}

/**
 * Claims the next outbound message that is due and whose earlier messages to the same partner about the
 * same request are all delivered (or answered with an error): a message is never sent before an earlier
 * one that is still on its way or gave up. `SKIP LOCKED` lets several workers claim at once; the claim
 * pushes `next_try_at` to `leaseUntil` (and counts the try), so a worker that dies mid-send is retried
 * after the lease, and no other worker sees the row as due meanwhile.
 */
const m = sharingIsoMessages;
/**
 * An earlier outbound message holds this one back: one to the same partner about the same request still on
 * its way, or one of the same attempt that gave up (until it is resent; a later attempt starts afresh).
 */
const heldBack = sql`EXISTS (SELECT 1 FROM sharing_iso_messages e
  WHERE e.direction = 'out' AND e.request_id = ${m.requestId} AND e.partner_id = ${m.partnerId}
    AND e.id < ${m.id}
    AND (e.status IN ('pending', 'retrying')
      OR (e.status = 'failed' AND e.attempt_id IS NOT DISTINCT FROM ${m.attemptId})))`;
/** Outbound, not delivered yet, and not held back. */
const sendable = and(
  eq(m.direction, 'out'),
  inArray(m.status, ['pending', 'retrying']),
  sql`NOT ${heldBack}`,
);

export async function claimDue(db: Db, now: Date, leaseUntil: Date): Promise<MessageRow | null> {
  const [row] = await db
    .select()
    .from(m)
    .where(and(sendable, lte(m.nextTryAt, now)))
    .orderBy(asc(m.nextTryAt), asc(m.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return null;
  await db
    .update(m)
    .set({ tries: sql`${m.tries} + 1`, nextTryAt: leaseUntil })
    .where(eq(m.id, row.id));
  return { ...row, tries: row.tries + 1, nextTryAt: leaseUntil };
}

export async function updateMessage(db: Db, id: number, set: Partial<MessageInsert>) {
  await db.update(sharingIsoMessages).set(set).where(eq(sharingIsoMessages.id, id));
}

/** When the next sendable outbound message falls due (null: nothing waits). */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${m.nextTryAt})` })
    .from(m)
    .where(sendable);
  return row?.at ? new Date(row.at) : null;
}

export async function findMessage(db: Db, id: number) {
  const [row] = await db.select().from(sharingIsoMessages).where(eq(sharingIsoMessages.id, id));
  return row ?? null;
}

/**
 * Outbound messages of a request that were not delivered, oldest first: the one `messageId` if it failed or
 * was rejected, else those of `attemptId` that failed.
 */
export async function undeliveredOfRequest(
  db: Db,
  requestId: string,
  which: { messageId: number } | { attemptId: string | null },
) {
  return db
    .select()
    .from(sharingIsoMessages)
    .where(
      and(
        eq(sharingIsoMessages.requestId, requestId),
        eq(sharingIsoMessages.direction, 'out'),
        'messageId' in which
          ? and(
              eq(sharingIsoMessages.id, which.messageId),
              inArray(sharingIsoMessages.status, ['failed', 'rejected']),
            )
          : and(
              eq(sharingIsoMessages.status, 'failed'),
              which.attemptId ? eq(sharingIsoMessages.attemptId, which.attemptId) : sql`false`,
            ),
      ),
    )
    .orderBy(asc(sharingIsoMessages.id));
}

/** Messages to `partnerId` about `requestId` not sent yet and queued after `afterId`, oldest first. */
export async function waitingAfter(db: Db, requestId: string, partnerId: string, afterId: number) {
  return db
    .select({ id: sharingIsoMessages.id })
    .from(sharingIsoMessages)
    .where(
      and(
        eq(sharingIsoMessages.requestId, requestId),
        eq(sharingIsoMessages.partnerId, partnerId),
        eq(sharingIsoMessages.direction, 'out'),
        inArray(sharingIsoMessages.status, ['pending', 'retrying']),
        sql`${sharingIsoMessages.id} > ${afterId}`,
      ),
    )
    .orderBy(asc(sharingIsoMessages.id));
}

/** Gives a queued message a new place at the end of the queue (its id is its place). */
export async function moveToEnd(db: Db, id: number) {
  await db.execute(
    sql`UPDATE sharing_iso_messages SET id = nextval(pg_get_serial_sequence('sharing_iso_messages', 'id'))
        WHERE id = ${id}`,
  );
}

// ——— The log ———

const logColumns = {
  ...getTableColumns(sharingIsoMessages),
  partnerName: organizations.name,
  partnerSymbol: organizations.symbol,
  /** Queued behind an earlier message (see heldBack). */
  waitingForEarlier: sql<boolean>`(${m.direction} = 'out' AND ${m.status} IN ('pending', 'retrying')
    AND ${heldBack})`,
};
export type LogRow = MessageRow & {
  partnerName: string | null;
  partnerSymbol: string | null;
  waitingForEarlier: boolean;
};

export async function messagesOfRequest(db: Db, requestId: string): Promise<LogRow[]> {
  return (
    db
      .select(logColumns)
      .from(sharingIsoMessages)
      .leftJoin(organizations, eq(organizations.id, sharingIsoMessages.partnerId))
      .where(eq(sharingIsoMessages.requestId, requestId))
      // The id is the place in the queue (a message resent ahead of held ones keeps the sending order).
      .orderBy(asc(sharingIsoMessages.id))
  );
}

export async function messagesOfPartner(
  db: Db,
  partnerId: string,
  opts: { status?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: LogRow[]; total: number }> {
  const where = and(
    eq(sharingIsoMessages.partnerId, partnerId),
    opts.status ? eq(sharingIsoMessages.status, opts.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(logColumns)
      .from(sharingIsoMessages)
      .leftJoin(organizations, eq(organizations.id, sharingIsoMessages.partnerId))
      .where(where)
      .orderBy(desc(sharingIsoMessages.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(sharingIsoMessages).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// ——— Inbound ———

/** Logs an inbound message; null when the same body from the same partner is already logged. */
export async function insertInbound(db: Db, row: MessageInsert): Promise<number | null> {
  const [created] = await db
    .insert(sharingIsoMessages)
    .values({ ...row, direction: 'in' })
    .onConflictDoNothing()
    .returning({ id: sharingIsoMessages.id });
  return created?.id ?? null;
}

export async function inboundByHash(db: Db, partnerId: string, hash: string) {
  const [row] = await db
    .select({
      id: sharingIsoMessages.id,
      requestId: sharingIsoMessages.requestId,
      status: sharingIsoMessages.status,
      confirmation: sharingIsoMessages.confirmation,
    })
    .from(sharingIsoMessages)
    .where(
      and(
        eq(sharingIsoMessages.direction, 'in'),
        eq(sharingIsoMessages.partnerId, partnerId),
        eq(sharingIsoMessages.bodyHash, hash),
      ),
    );
  return row ?? null;
}
