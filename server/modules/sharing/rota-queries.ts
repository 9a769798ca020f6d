import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowFromJson } from './detail-queries.ts';
import { organizations } from '../members/tables.ts';
import { sharingPolicies } from './tables.ts';
import type { PolicyRow } from './queries.ts';

const ON_LOAN = ['shipped', 'overdue', 'recalled', 'return_on_hold', 'return_in_transit'];

export type RotaFacts = {
  id: string;
  name: string;
  symbol: string;
  kind: string;
  status: string;
  timeZone: string;
  policy: PolicyRow | null;
  closures: { startsOn: string; endsOn: string }[];
  /** Items lent and received (shipped) since `since`, and loans out now. */
  lent: number;
  borrowed: number;
  activeLoans: number;
};

/**
 * What the rota needs of each library, in one statement: the library, its lending policy (null: the
 * defaults), its closures overlapping [from, to] (ISO dates), and its lending figures since `since`.
 */
export async function rotaFacts(
  db: Db,
  ids: readonly string[],
  since: Date,
  from: string,
  to: string,
): Promise<RotaFacts[]> {
  if (!ids.length) return [];
  const onLoan = `{${ON_LOAN.join(',')}}`;
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      symbol: organizations.symbol,
      kind: organizations.kind,
      status: organizations.status,
      timeZone: organizations.timeZone,
      policy: sql<Record<string, unknown> | null>`(
        SELECT row_to_json(p) FROM sharing_policies p WHERE p.library_id = organizations.id)`,
      closures: sql<RotaFacts['closures']>`(
        SELECT coalesce(json_agg(json_build_object('startsOn', c.starts_on, 'endsOn', c.ends_on)), '[]'::json)
        FROM closures c
        WHERE c.organization_id = organizations.id AND c.starts_on <= ${to}::date AND c.ends_on >= ${from}::date)`,
      lent: sql<number>`(SELECT count(*) FROM sharing_attempts a
        WHERE a.lender_id = organizations.id AND a.shipped_at > ${since.toISOString()}::timestamptz)::int`,
      activeLoans: sql<number>`(SELECT count(*) FROM sharing_attempts a
        WHERE a.lender_id = organizations.id AND a.state = ANY(${onLoan}::text[]))::int`,
      borrowed: sql<number>`(SELECT count(*) FROM sharing_requests r
        WHERE r.borrower_id = organizations.id AND r.shipped_at > ${since.toISOString()}::timestamptz)::int`,
    })
    .from(organizations)
    .where(sql`organizations.id = ANY(${`{${ids.join(',')}}`}::uuid[])`)
    .prepare('sharing_rota_facts')
    .execute();
  return rows.map((r) => ({
    ...r,
    lent: Number(r.lent),
    borrowed: Number(r.borrowed),
    activeLoans: Number(r.activeLoans),
    policy: r.policy ? rowFromJson(sharingPolicies, r.policy) : null,
  }));
}

/** A lender's time zone and loan period (null: the default policy's), for a due date. */
export async function loanTerms(db: Db, lenderId: string) {
  const [row] = await db
    .select({ timeZone: organizations.timeZone, loanPeriodDays: sharingPolicies.loanPeriodDays })
    .from(organizations)
    .leftJoin(sharingPolicies, eq(sharingPolicies.libraryId, organizations.id))
    .where(eq(organizations.id, lenderId))
    .prepare('sharing_loan_terms')
    .execute();
  return row ?? null;
}
