import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { sharingPatronPages, sharingPatrons, sharingRequests } from './tables.ts';

/** SQL of the patron request pages: the settings row, the library behind a symbol, recent submissions. */
export type PatronPageRow = typeof sharingPatronPages.$inferSelect;
export type PatronPageValues = Omit<PatronPageRow, 'libraryId' | 'version' | 'updatedAt'>;

export async function patronPageOf(db: Db, libraryId: string) {
  const [row] = await db.select().from(sharingPatronPages).where(eq(sharingPatronPages.libraryId, libraryId));
  return row ?? null;
}

/**
 * Saves the settings if `version` is still the stored one (1 while none is stored); null on a conflict.
 * Two first saves at once: one inserts, the other finds the row taken and conflicts.
 */
export async function upsertPatronPage(db: Db, libraryId: string, values: PatronPageValues, version: number) {
  if (!(await patronPageOf(db, libraryId))) {
    if (version !== 1) return null;
    const [row] = await db
      .insert(sharingPatronPages)
      .values({ ...values, libraryId, version: 2 })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(sharingPatronPages)
    .set({ ...values, version: sql`${sharingPatronPages.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(sharingPatronPages.libraryId, libraryId), eq(sharingPatronPages.version, version)))
    .returning();
  return row ?? null;
}

/** A member library by its symbol (case-insensitive), with its page settings if it has any. */
export async function libraryWithPageBySymbol(db: Db, symbol: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      symbol: organizations.symbol,
      name: organizations.name,
      kind: organizations.kind,
      status: organizations.status,
      page: sharingPatronPages,
    })
    .from(organizations)
    .leftJoin(sharingPatronPages, eq(sharingPatronPages.libraryId, organizations.id))
    .where(sql`upper(${organizations.symbol}) = upper(${symbol})`)
    .limit(1);
  return row ?? null;
}

/** Patron-page requests for this card at this library since `since` (the per-card rate limit). */
export async function patronRequestsSince(db: Db, libraryId: string, cardNumber: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sharingRequests)
    .innerJoin(sharingPatrons, eq(sharingPatrons.requestId, sharingRequests.id))
    .where(
      and(
        eq(sharingRequests.borrowerId, libraryId),
        eq(sharingRequests.source, 'patron'),
        eq(sharingPatrons.cardNumber, cardNumber),
        gt(sharingRequests.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}
