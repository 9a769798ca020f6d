import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../members/tables.ts';
import { BORROWER_STATES, LENDER_STATES } from './states.ts';
import { sharingAttempts, sharingRequests } from './tables.ts';
import type { QUEUE_SORTS } from '../../../shared/contracts/sharing-values.ts';

/** Queue SQL, per side. The lending queue reads attempts and requests only — never the patron table. */
export type QueueFilter = {
  side: 'borrowing' | 'lending';
  state?: string | undefined;
  attention?: 'true' | 'false' | undefined;
  serviceType?: 'loan' | 'copy' | undefined;
  q?: string | undefined;
  /** The other library: the current lender (borrowing side) or the borrower (lending side). */
  otherLibrary?: string | undefined;
  rush?: 'true' | 'false' | undefined;
  /** Days (YYYY-MM-DD, inclusive, UTC days) the request was created in. */
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** Range of the patron's need-before date (requests without one never match a range). */
  needBeforeFrom?: string | undefined;
  needBeforeTo?: string | undefined;
  sort?: QueueSort | undefined;
  page: number;
  pageSize: number;
};
export type QueueSort = (typeof QUEUE_SORTS)[number];

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
    // "ILL-000123", "ill123" or "123": the request number. A number too large for bigint is no number.
    ...(digits.length <= 15 && /^(ill-?)?\d+$/i.test(text.trim())
      ? [eq(sharingRequests.seq, Number(digits))]
      : []),
  );
}

/** Filters both sides share: on the request's own columns. */
function requestFilters(f: QueueFilter): (SQL | undefined)[] {
  const day = (d: string) => sql`${d}::date::timestamptz`;
  const dayAfter = (d: string) => sql`(${d}::date + 1)::timestamptz`;
  return [
    f.serviceType ? eq(sharingRequests.serviceType, f.serviceType) : undefined,
    f.rush ? eq(sharingRequests.rush, f.rush === 'true') : undefined,
    f.createdFrom ? gte(sharingRequests.createdAt, day(f.createdFrom) as never) : undefined,
    f.createdTo ? lt(sharingRequests.createdAt, dayAfter(f.createdTo) as never) : undefined,
    f.needBeforeFrom ? gte(sharingRequests.needBefore, f.needBeforeFrom) : undefined,
    f.needBeforeTo ? lte(sharingRequests.needBefore, f.needBeforeTo) : undefined,
    search(f.q),
  ];
}

/** Newest change first by default; the request number breaks ties so pages never overlap. */
function orderOf(sort: QueueSort | undefined, updatedAt: SQL | typeof sharingRequests.updatedAt) {
  const tie = desc(sharingRequests.seq);
  switch (sort) {
    case 'created':
      return [desc(sharingRequests.createdAt), tie];
    case 'oldest':
      return [asc(sharingRequests.createdAt), asc(sharingRequests.seq)];
    case 'needBefore':
      return [sql`${sharingRequests.needBefore} ASC NULLS LAST`, tie];
    case 'title':
      return [asc(sql`lower(${sharingRequests.title})`), tie];
    default:
      return [desc(updatedAt), tie];
  }
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
  source: sharingRequests.source,
  renewalPending: sharingAttempts.renewalPending,
  createdAt: sharingRequests.createdAt,
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
    f.otherLibrary ? eq(sharingAttempts.lenderId, f.otherLibrary) : undefined,
    ...requestFilters(f),
  );
  const rows = await db
    .select({ ...columns, state: sharingRequests.state, updatedAt: sharingRequests.updatedAt })
    .from(sharingRequests)
    .innerJoin(borrower, eq(borrower.id, sharingRequests.borrowerId))
    .leftJoin(sharingAttempts, eq(sharingAttempts.id, sharingRequests.currentAttemptId))
    .leftJoin(lender, eq(lender.id, sharingAttempts.lenderId))
    .where(where)
    .orderBy(...orderOf(f.sort, sharingRequests.updatedAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const count = db.select({ n: countInt }).from(sharingRequests);
  // The current attempt is joined for the count only when filtering by lender.
  const [total] = await (
    f.otherLibrary
      ? count.leftJoin(sharingAttempts, eq(sharingAttempts.id, sharingRequests.currentAttemptId))
      : count
  ).where(where);
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
    f.otherLibrary ? eq(sharingRequests.borrowerId, f.otherLibrary) : undefined,
    ...requestFilters(f),
  );
  const rows = await db
    .select({ ...columns, state: sharingAttempts.state, updatedAt: sharingAttempts.updatedAt })
    .from(sharingAttempts)
    .innerJoin(sharingRequests, eq(sharingRequests.id, sharingAttempts.requestId))
    .innerJoin(borrower, eq(borrower.id, sharingRequests.borrowerId))
    .innerJoin(lender, eq(lender.id, sharingAttempts.lenderId))
    .where(where)
    .orderBy(...orderOf(f.sort, sharingAttempts.updatedAt as never))
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
