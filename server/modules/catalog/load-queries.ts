import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { catalogLoadProblems, catalogLoads } from './tables.ts';

/** SQL of the load history, checkpoints and problem reports (the records' SQL is in queries.ts). */
export type LoadRow = typeof catalogLoads.$inferSelect;
export type ProblemRow = typeof catalogLoadProblems.$inferInsert;

// ——— Loads ———

export async function insertLoad(db: Db, row: typeof catalogLoads.$inferInsert) {
  const [load] = await db.insert(catalogLoads).values(row).returning();
  return load!;
}

export async function findLoad(db: Db, id: string) {
  const [row] = await db.select().from(catalogLoads).where(eq(catalogLoads.id, id));
  return row ?? null;
}

export async function updateLoad(db: Db, id: string, set: Partial<typeof catalogLoads.$inferInsert>) {
  await db.update(catalogLoads).set(set).where(eq(catalogLoads.id, id));
}

export type Progress = {
  /** Absent: the checkpoint position is left as it is (end-of-load withdrawals). */
  recordsDone?: number;
  bytesRead: number;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  rejected: number;
};

/** Advances the checkpoint and counters; runs inside the batch's transaction. */
export async function advanceLoad(db: Db, id: string, p: Progress) {
  await db
    .update(catalogLoads)
    .set({
      ...(p.recordsDone === undefined ? {} : { recordsDone: p.recordsDone }),
      bytesRead: sql`greatest(${catalogLoads.bytesRead}, ${p.bytesRead})`,
      recordsAdded: sql`${catalogLoads.recordsAdded} + ${p.added}`,
      recordsUpdated: sql`${catalogLoads.recordsUpdated} + ${p.updated}`,
      recordsUnchanged: sql`${catalogLoads.recordsUnchanged} + ${p.unchanged}`,
      recordsWithdrawn: sql`${catalogLoads.recordsWithdrawn} + ${p.withdrawn}`,
      recordsRejected: sql`${catalogLoads.recordsRejected} + ${p.rejected}`,
    })
    .where(eq(catalogLoads.id, id));
}

export async function insertProblems(db: Db, rows: ProblemRow[]) {
  // A batch holds at most a few hundred problems: one statement stays well under the parameter limit.
  if (rows.length) await db.insert(catalogLoadProblems).values(rows).onConflictDoNothing();
}

export async function listLoads(db: Db, libraryId: string, page: number, pageSize: number) {
  const where = eq(catalogLoads.libraryId, libraryId);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(catalogLoads)
      .where(where)
      .orderBy(desc(catalogLoads.createdAt), desc(catalogLoads.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(catalogLoads).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function problemsOf(db: Db, loadId: string) {
  return db
    .select()
    .from(catalogLoadProblems)
    .where(eq(catalogLoadProblems.loadId, loadId))
    .orderBy(asc(catalogLoadProblems.recordNumber), asc(catalogLoadProblems.reason));
}

/** Loads still queued a minute after they were created: their job was never sent (queue down). */
export async function staleQueuedLoads(db: Db) {
  const rows = await db
    .select({ id: catalogLoads.id })
    .from(catalogLoads)
    .where(
      and(eq(catalogLoads.status, 'queued'), sql`${catalogLoads.createdAt} < now() - interval '1 minute'`),
    );
  return rows.map((r) => r.id);
}

export async function findLibrary(db: Db, idOrSymbol: { id?: string; symbol?: string }) {
  const where = idOrSymbol.id
    ? eq(organizations.id, idOrSymbol.id)
    : eq(organizations.symbol, idOrSymbol.symbol ?? '');
  const [row] = await db
    .select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
    .from(organizations)
    .where(where);
  return row ?? null;
}

export async function problemsPage(db: Db, loadId: string, page: number, pageSize: number) {
  const where = eq(catalogLoadProblems.loadId, loadId);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(catalogLoadProblems)
      .where(where)
      .orderBy(asc(catalogLoadProblems.recordNumber), asc(catalogLoadProblems.reason))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(catalogLoadProblems).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
