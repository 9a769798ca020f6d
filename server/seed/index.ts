import { inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { closures, openingHours, organizations, users } from '../modules/members/tables.ts';
import { CONSORTIUM, LIBRARIES, PARTNERS, libraryRow, partnerRow } from './organizations.ts';
import { DEMO_LOGINS, PEOPLE } from './people.ts';
import { upcomingClosures, weeklyHours } from './calendar.ts';
import { seedLearning } from './learning.ts';

/** The one password of every demo login (printed at start-up; documented in the README). */
export const DEMO_PASSWORD = 'amigos-demo-2026';

export type DemoLogin = { role: string; email: string; password: string; library: string };

/**
 * Loads the demo consortium: the office, 42 member libraries in TX, OK, NM, AR and LA, 3 partners,
 * their hours, upcoming closures and about 75 people.
 *
 * Idempotent by "insert what is missing, never update": organisations are matched by symbol and people
 * by email (case-insensitive), so re-running changes nothing and never undoes edits made in the demo.
 * Hours and closures are only added for organisations created by this run. One transaction: a failed
 * seed leaves nothing half-done.
 */
export async function seedDemo(db: Db): Promise<{ logins: DemoLogin[] }> {
  // Hashing is deliberately slow: once for everybody.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgRows = [CONSORTIUM, ...LIBRARIES.map(libraryRow), ...PARTNERS.map(partnerRow)];
  const sizes = new Map(LIBRARIES.map((l) => [l.symbol, l.size]));

  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const created = await tx
      .insert(organizations)
      .values(orgRows)
      .onConflictDoNothing({ target: organizations.symbol })
      .returning({
        id: organizations.id,
        symbol: organizations.symbol,
        kind: organizations.kind,
        libraryType: organizations.libraryType,
      });

    const hours = created.flatMap((o) =>
      weeklyHours(o.kind, o.libraryType, sizes.get(o.symbol) ?? 0).map((p) => ({
        ...p,
        organizationId: o.id,
      })),
    );
    if (hours.length) await tx.insert(openingHours).values(hours);
    const order = new Map(orgRows.map((o, i) => [o.symbol, i]));
    const days = created.flatMap((o) =>
      upcomingClosures(o.kind, o.libraryType, order.get(o.symbol) ?? 0).map((c) => ({
        ...c,
        organizationId: o.id,
      })),
    );
    if (days.length) await tx.insert(closures).values(days);

    const ids = new Map(
      (
        await tx
          .select({ id: organizations.id, symbol: organizations.symbol })
          .from(organizations)
          .where(inArray(organizations.symbol, [...order.keys()]))
      ).map((o) => [o.symbol, o.id]),
    );
    // ON CONFLICT DO NOTHING covers the unique index on lower(email): existing people stay as they are.
    await tx
      .insert(users)
      .values(
        PEOPLE.map(({ symbol, ...person }) => ({
          ...person,
          organizationId: ids.get(symbol)!,
          passwordHash,
          status: 'active' as const,
        })),
      )
      .onConflictDoNothing();
  });
  await seedLearning(db);

  return { logins: DEMO_LOGINS.map((l) => ({ ...l, password: DEMO_PASSWORD })) };
}
