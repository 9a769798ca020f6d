import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, signIn, type TestApp } from '../test/harness.ts';
import { closures, openingHours, organizations, users } from '../modules/members/tables.ts';
import { DEMO_PASSWORD, seedDemo } from './index.ts';
import { LIBRARIES } from './organizations.ts';
import { PEOPLE } from './people.ts';

let t: TestApp;
let logins: Awaited<ReturnType<typeof seedDemo>>['logins'];
let firstRunMs = 0;
beforeAll(async () => {
  t = await createTestApp(); // the test fixtures are there too: the seed must live alongside other data
  const started = performance.now();
  ({ logins } = await seedDemo(t.ctx.db));
  firstRunMs = performance.now() - started;
});
afterAll(async () => {
  await t?.close();
});

const counts = async () => {
  const n = async (table: typeof organizations | typeof users | typeof openingHours | typeof closures) =>
    (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return {
    organizations: await n(organizations),
    users: await n(users),
    hours: await n(openingHours),
    closures: await n(closures),
  };
};

describe('demo seed', () => {
  it('loads in a few seconds', () => {
    expect(firstRunMs).toBeLessThan(10_000);
  });

  it('is idempotent and never overwrites edits', async () => {
    const [cedar] = await t.ctx.db
      .update(organizations)
      .set({ phone: '(940) 555-0199' })
      .where(eq(organizations.symbol, 'TXCHP'))
      .returning();
    const before = await counts();
    await seedDemo(t.ctx.db);
    expect(await counts()).toEqual(before);
    const [after] = await t.ctx.db.select().from(organizations).where(eq(organizations.id, cedar!.id));
    expect(after!.phone).toBe('(940) 555-0199');
  });

  it('has about 40 libraries in the five states, of every type, with partners and the office', async () => {
    const rows = await t.ctx.db
      .select()
      .from(organizations)
      .where(
        inArray(organizations.symbol, [...LIBRARIES.map((l) => l.symbol), 'AMCO', 'PTSWC', 'PTBRD', 'PTLMP']),
      );
    const libraries = rows.filter((o) => o.kind === 'library');
    expect(libraries.length).toBeGreaterThanOrEqual(38);
    expect(libraries.length).toBeLessThanOrEqual(45);
    expect(new Set(libraries.map((l) => l.state))).toEqual(new Set(['TX', 'OK', 'NM', 'AR', 'LA']));
    expect(new Set(libraries.map((l) => l.libraryType))).toEqual(
      new Set(['public', 'academic', 'school', 'special']),
    );
    expect(new Set(libraries.map((l) => l.status))).toEqual(
      new Set(['active', 'applicant', 'grace', 'lapsed']),
    );
    expect(libraries.filter((l) => l.status === 'active').length).toBeGreaterThan(30);
    const partners = rows.filter((o) => o.kind === 'partner');
    expect(partners).toHaveLength(3);
    expect(partners.every((p) => p.libraryType === null)).toBe(true);
    expect(rows.filter((o) => o.kind === 'consortium').map((o) => o.name)).toEqual(['Amigos Commons Office']);
    for (const l of libraries) {
      const mountain = l.state === 'NM' || l.city === 'El Paso';
      expect(l.timeZone, l.name).toBe(mountain ? 'America/Denver' : 'America/Chicago');
      expect(l.shippingAddress.postalCode).toMatch(/^\d{5}$/);
      if (l.libraryType === 'public') expect(l.populationServed).toBeGreaterThan(0);
      if (l.libraryType === 'academic' || l.libraryType === 'school') expect(l.studentFte).toBeGreaterThan(0);
    }
  });

  it('gives every organisation hours and several of them upcoming closures', async () => {
    const ids = (await t.ctx.db.select({ id: organizations.id }).from(organizations)).map((o) => o.id);
    const withHours = await t.ctx.db
      .selectDistinct({ id: openingHours.organizationId })
      .from(openingHours)
      .where(inArray(openingHours.organizationId, ids));
    expect(withHours.length).toBeGreaterThanOrEqual(46); // the 46 seeded ones (fixtures have none)
    const today = new Date().toISOString().slice(0, 10);
    const upcoming = await t.ctx.db
      .select()
      .from(closures)
      .where(sql`${closures.endsOn} >= ${today}`);
    expect(upcoming.length).toBeGreaterThan(10);
  });

  it('has every role, with role descriptions for names and .example emails only', async () => {
    const seeded = await t.ctx.db
      .select()
      .from(users)
      .where(
        inArray(
          sql`lower(${users.email})`,
          PEOPLE.map((p) => p.email),
        ),
      );
    expect(seeded).toHaveLength(PEOPLE.length);
    expect(new Set(seeded.map((u) => u.role))).toEqual(
      new Set(['consortium_admin', 'consortium_staff', 'library_admin', 'library_staff', 'partner_staff']),
    );
    for (const u of seeded) {
      expect(u.email).toMatch(/@[a-z]+\.example$/);
      expect(u.displayName).toMatch(/^[A-Z][A-Za-z &]+ — .+/);
    }
    expect(seeded.some((u) => u.locale === 'es')).toBe(true);
    const listed = seeded.filter((u) => u.directoryOptIn);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.flatMap((u) => u.expertise)).toEqual(
      expect.arrayContaining([
        'MARC cataloging',
        'ILL workflows',
        'Spanish-language collections',
        'Grant writing',
      ]),
    );
    // One hash for everybody: hashing is deliberately slow.
    expect(new Set(seeded.map((u) => u.passwordHash)).size).toBe(1);
  });

  it('returns demo logins that work with the demo password', async () => {
    expect(logins.map((l) => l.role)).toEqual([
      'consortium_admin',
      'consortium_staff',
      'library_admin',
      'library_staff/sharing',
      'library_staff/catalog',
      'partner_staff',
    ]);
    for (const login of logins) {
      expect(login.password).toBe(DEMO_PASSWORD);
      const client = await signIn(t.app, login.email, DEMO_PASSWORD);
      const me = (await client.get('/api/v1/me')).json();
      expect(me.organization.name).toBe(login.library);
    }
    const director = await signIn(t.app, 'director@cedarhollow.example', DEMO_PASSWORD);
    const me = (await director.get('/api/v1/me')).json();
    const profile = (await director.get(`/api/v1/libraries/${me.organization.id}`)).json();
    expect(profile.can.edit).toBe(true);
    expect(profile.hours.length).toBeGreaterThan(0);
  });
});
