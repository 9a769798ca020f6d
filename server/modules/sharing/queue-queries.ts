import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { BORROWER_STATES, LENDER_STATES } from './states.ts';
import { sharingAttempts, sharingRequests } from './tables.ts';

/** Queue SQL, per side. The lending queue reads attempts and requests only — never the patron table. */
export type QueueFilter = {
  side: 'borrowing' | 'lending';
  state?: string | undefined;
  attention?: 'true' | 'false' | undefined;
  serviceType?: 'loan' | 'copy' | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

const countInt = sql<number>`count(*)::int`;
const attentionOf = (states: object) =>
  Object.entries(states as Record<string, { attention?: boolean }>)
    .filter(([, v]) => v.attention)
    .map(([k]) => k);
const borrower = alias(organizations, 'borrower');
const lender = alias(organizations, 'lender');

function search(text: string | undefined): SQL | undefined {
  if (!text) return undefined;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = text.replace(/\D/g, '');
  return or(
    ilike(sharingRequests.title, pattern),
    ilike(sharingRequests.author, pattern),
    eq(sharingRequests.isbn, text),
    eq(sharingRequests.issn, text),
    eq(sharingRequests.oclc, text),
    ...(digits && /^(ill-?)?\d+$/i.test(text.trim()) ? [eq(sharingRequests.seq, Number(digits))] : []),
  );
}

const columns = {
  id: sharingRequests.id,
  seq: sharingRequests.seq,
  serviceType: sharingRequests.serviceType,
  title: sharingRequests.title,
  author: sharingRequests.author,
  borrowerId: sharingRequests.borrowerId,
  borrowerSymbol: borrower.symbol,
  borrowerName: borrower.name,
  lenderId: sharingAttempts.lenderId,
  lenderSymbol: lender.symbol,
  lenderName: lender.name,
  needBefore: sharingRequests.needBefore,
  dueDate: sharingAttempts.dueDate,
  rush: sharingRequests.rush,
  renewalPending: sharingAttempts.renewalPending,
};

export async function borrowingQueue(db: Db, libraryId: string, f: QueueFilter) {
  const attention = attentionOf(BORROWER_STATES);
  const where = and(
    eq(sharingRequests.borrowerId, libraryId),
    f.state ? eq(sharingRequests.state, f.state as never) : undefined,
    f.attention === 'true' ? inArray(sharingRequests.state, attention as never) : undefined,
    f.attention === 'false'
      ? sql`${sharingRequests.state} <> ALL(${`{${attention.join(',')}}`}::text[])`
      : undefined,
    f.serviceType ? eq(sharingRequests.serviceType, f.serviceType) : undefined,
    search(f.q),
  );
  const rows = await db
    .select({ ...columns, state: sharingRequests.state, updatedAt: sharingRequests.updatedAt })
    .from(sharingRequests)
    .innerJoin(borrower, eq(borrower.id, sharingRequests.borrowerId))
    .leftJoin(sharingAttempts, eq(sharingAttempts.id, sharingRequests.currentAttemptId))
    .leftJoin(lender, eq(lender.id, sharingAttempts.lenderId))
    .where(where)
    .orderBy(desc(sharingRequests.updatedAt), desc(sharingRequests.seq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: countInt }).from(sharingRequests).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function lendingQueue(db: Db, libraryId: string, f: QueueFilter) {
  const attention = attentionOf(LENDER_STATES);
  const where = and(
    eq(sharingAttempts.lenderId, libraryId),
    f.state ? eq(sharingAttempts.state, f.state as never) : undefined,
    f.attention === 'true'
      ? or(inArray(sharingAttempts.state, attention as never), eq(sharingAttempts.renewalPending, true))
      : undefined,
    f.attention === 'false'
      ? sql`${sharingAttempts.state} <> ALL(${`{${attention.join(',')}}`}::text[])`
      : undefined,
    f.serviceType ? eq(sharingRequests.serviceType, f.serviceType) : undefined,
    search(f.q),
  );
  const rows = await db
    .select({ ...columns, state: sharingAttempts.state, updatedAt: sharingAttempts.updatedAt })
    .from(sharingAttempts)
    .innerJoin(sharingRequests, eq(sharingRequests.id, sharingAttempts.requestId))
    .innerJoin(borrower, eq(borrower.id, sharingRequests.borrowerId))
    .innerJoin(lender, eq(lender.id, sharingAttempts.lenderId))
    .where(where)
    .orderBy(desc(sharingAttempts.updatedAt), desc(sharingRequests.seq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db
    .select({ n: countInt })
    .from(sharingAttempts)
    .innerJoin(sharingRequests, eq(sharingRequests.id, sharingAttempts.requestId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function borrowingCounts(db: Db, libraryId: string) {
  return db
    .select({ state: sharingRequests.state, count: countInt })
    .from(sharingRequests)
    .where(eq(sharingRequests.borrowerId, libraryId))
    .groupBy(sharingRequests.state);
}

export async function lendingCounts(db: Db, libraryId: string) {
  return db
    .select({ state: sharingAttempts.state, count: countInt })
    .from(sharingAttempts)
    .where(eq(sharingAttempts.lenderId, libraryId))
    .groupBy(sharingAttempts.state);
}
