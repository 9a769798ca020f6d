import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.ts';
import type { Env } from '../../../platform/env.ts';
import { organizations } from '../../members/tables.ts';
import type { AgencyId } from './messages.ts';

/**
 * How our members are named to outside ISO 18626 systems: one agency id type for the whole consortium
 * (ISO18626_AGENCY_ID_TYPE, default ISIL) and each library's symbol as the value. A partner's own agency id
 * lives on its partner row instead (see partners.ts).
 */
export function ourAgencyId(env: Pick<Env, 'iso18626AgencyIdType'>, symbol: string): AgencyId {
  return { agencyIdType: env.iso18626AgencyIdType, agencyIdValue: symbol };
}

/** Agency ids compare without regard to case or surrounding space (senders differ in both). */
export const sameAgency = (a: AgencyId, b: AgencyId) =>
  a.agencyIdType.trim().toLowerCase() === b.agencyIdType.trim().toLowerCase() &&
  a.agencyIdValue.trim().toLowerCase() === b.agencyIdValue.trim().toLowerCase();

export const agencyLabel = (a: AgencyId | undefined) =>
  a ? `${a.agencyIdType}:${a.agencyIdValue}` : '(no agency id)';

/**
 * The member library an agency id names, or null: the type must be ours and the value a library's symbol.
 * Only active members (or members in their grace period) are addressable.
 */
export async function memberByAgencyId(
  db: Db,
  env: Pick<Env, 'iso18626AgencyIdType'>,
  agency: AgencyId,
): Promise<{ id: string; symbol: string; name: string } | null> {
  if (agency.agencyIdType.trim().toLowerCase() !== env.iso18626AgencyIdType.toLowerCase()) return null;
  const [row] = await db
    .select({ id: organizations.id, symbol: organizations.symbol, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'library'),
        sql`upper(${organizations.symbol}) = upper(${agency.agencyIdValue.trim()})`,
        sql`${organizations.status} IN ('active', 'grace')`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * The consortium's agency id type, set once from the environment when the routes are registered (the Flow
 * hook that builds outgoing messages has no context to read it from). Every app in one process shares it.
 */
let agencyIdType = 'ISIL';

export function useAgencyIdType(env: Pick<Env, 'iso18626AgencyIdType'>) {
  agencyIdType = env.iso18626AgencyIdType;
}

/** Our agency id for a member's symbol, with the configured type. */
export const ourAgencyIdOf = (symbol: string): AgencyId => ({ agencyIdType, agencyIdValue: symbol });
