import type { Db } from '../platform/db/client.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { organizations, users, type PostalAddress } from '../modules/members/tables.ts';
import type { Capability, Role } from '../platform/auth/principal.ts';

export const FIXTURE_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
/** Hashing is deliberately slow; all fixture people share one hash. */
export const fixturePasswordHash = () => (passwordHash ??= hashPassword(FIXTURE_PASSWORD));

const address = (city: string, state: string): PostalAddress => ({
  line1: '100 Main Street',
  city,
  state,
  postalCode: '75001',
});

type OrgSeed = typeof organizations.$inferInsert;

export async function insertOrganization(
  db: Db,
  values: Partial<OrgSeed> & Pick<OrgSeed, 'name' | 'symbol' | 'kind'>,
) {
  const [row] = await db
    .insert(organizations)
    .values({
      city: 'Dallas',
      state: 'TX',
      region: 'North Texas',
      timeZone: 'America/Chicago',
      status: 'active',
      streetAddress: address(values.city ?? 'Dallas', values.state ?? 'TX'),
      shippingAddress: address(values.city ?? 'Dallas', values.state ?? 'TX'),
      ...(values.kind === 'library' && !values.libraryType ? { libraryType: 'public' as const } : {}),
      ...values,
    })
    .returning();
  return row!;
}

export async function insertUser(
  db: Db,
  values: {
    email: string;
    organizationId: string;
    role: Role;
    capabilities?: Capability[];
    displayName?: string;
  },
) {
  const [row] = await db
    .insert(users)
    .values({
      email: values.email,
      displayName: values.displayName ?? values.email.split('@')[0]!,
      organizationId: values.organizationId,
      role: values.role,
      capabilities: values.capabilities ?? [],
      passwordHash: await fixturePasswordHash(),
    })
    .returning();
  return row!;
}

/**
 * A small consortium for tests: the office, two libraries (A, B) and a partner, with one person per role.
 * Library A's staff member holds the sharing capability only; B's staff member holds catalog.
 */
export async function createFixtures(db: Db) {
  const consortium = await insertOrganization(db, {
    kind: 'consortium',
    name: 'Test Consortium Office',
    symbol: 'TCO',
  });
  const libraryA = await insertOrganization(db, {
    kind: 'library',
    name: 'Alamo Heights Public Library',
    symbol: 'TXAHP',
    libraryType: 'public',
    populationServed: 8000,
  });
  const libraryB = await insertOrganization(db, {
    kind: 'library',
    name: 'Biblioteca de Española',
    symbol: 'NMESP',
    libraryType: 'academic',
    state: 'NM',
    city: 'Española',
    region: 'Northern New Mexico',
    timeZone: 'America/Denver',
    studentFte: 1200,
  });
  const partner = await insertOrganization(db, {
    kind: 'partner',
    name: 'Regional Partner Network',
    symbol: 'RPN',
  });
  const people = {
    consortiumAdmin: await insertUser(db, {
      email: 'admin@test.example',
      organizationId: consortium.id,
      role: 'consortium_admin',
    }),
    consortiumStaff: await insertUser(db, {
      email: 'staff@test.example',
      organizationId: consortium.id,
      role: 'consortium_staff',
    }),
    libraryAAdmin: await insertUser(db, {
      email: 'director@a.example',
      organizationId: libraryA.id,
      role: 'library_admin',
    }),
    libraryAStaff: await insertUser(db, {
      email: 'ill@a.example',
      organizationId: libraryA.id,
      role: 'library_staff',
      capabilities: ['sharing'],
    }),
    libraryBAdmin: await insertUser(db, {
      email: 'director@b.example',
      organizationId: libraryB.id,
      role: 'library_admin',
    }),
    libraryBStaff: await insertUser(db, {
      email: 'cataloger@b.example',
      organizationId: libraryB.id,
      role: 'library_staff',
      capabilities: ['catalog'],
    }),
    partnerStaff: await insertUser(db, {
      email: 'partner@partner.example',
      organizationId: partner.id,
      role: 'partner_staff',
    }),
  };
  return { consortium, libraryA, libraryB, partner, people };
}
export type Fixtures = Awaited<ReturnType<typeof createFixtures>>;
