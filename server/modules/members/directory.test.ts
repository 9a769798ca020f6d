import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, signIn, type TestApp } from '../../test/harness.ts';
import { insertOrganization } from '../../test/fixtures.ts';
import type { DirectoryPage, LibraryProfile } from '../../../shared/contracts/members.ts';

/**
 * The public directory and the three tiers of a profile. Besides the fixtures (A: TX public, B: NM
 * academic in Española, a TX partner, the consortium office) there are 3 varied libraries and 25 fillers.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  await insertOrganization(db, {
    kind: 'library',
    name: 'Ozark Regional Library',
    symbol: 'ARORL',
    state: 'AR',
    city: 'Fayetteville',
    status: 'grace',
  });
  await insertOrganization(db, {
    kind: 'library',
    name: 'Bayou School Library',
    symbol: 'LASBL',
    libraryType: 'school',
    state: 'LA',
    city: 'Houma',
    status: 'applicant',
  });
  await insertOrganization(db, {
    kind: 'library',
    name: 'Sooner Special Collections',
    symbol: 'OKSPC',
    libraryType: 'special',
    state: 'OK',
    city: 'Tulsa',
    status: 'lapsed',
  });
  for (let i = 10; i < 35; i += 1) {
    await insertOrganization(db, {
      kind: 'library',
      name: `Filler Library ${i}`,
      symbol: `TXF${i}`,
      city: 'Austin',
    });
  }
});
afterAll(async () => {
  await t?.close();
});

const directory = async (query = '') => {
  const r = await anonymous(t.app).get(`/api/v1/libraries${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as DirectoryPage;
};

describe('library directory', () => {
  it('lists libraries and partners, not the consortium office, in pages of 25', async () => {
    const first = await directory();
    expect(first.total).toBe(31);
    expect(first.items).toHaveLength(25);
    expect(first.items.map((i) => i.kind)).not.toContain('consortium');
    const second = await directory('?page=2');
    expect(second.items).toHaveLength(6);
    const ids = new Set([...first.items, ...second.items].map((i) => i.id));
    expect(ids.size).toBe(31);
    expect((await directory('?page=3')).items).toEqual([]);
  });

  it('finds names and cities without regard to accents or case', async () => {
    for (const q of ['espanola', 'ESPAÑOLA', 'Espa']) {
      const page = await directory(`?q=${encodeURIComponent(q)}`);
      expect(page.items.map((i) => i.symbol)).toEqual(['NMESP']);
    }
    expect((await directory('?q=txahp')).items.map((i) => i.symbol)).toEqual(['TXAHP']);
    expect((await directory('?q=houma')).items.map((i) => i.symbol)).toEqual(['LASBL']);
    // Wildcards typed by a person are literal characters.
    expect((await directory('?q=%25')).total).toBe(0);
    expect((await directory('?q=_')).total).toBe(0);
  });

  it('filters by kind, type, state and status', async () => {
    expect((await directory('?kind=partner')).items.map((i) => i.symbol)).toEqual(['RPN']);
    expect((await directory('?kind=consortium')).items.map((i) => i.symbol)).toEqual(['TCO']);
    expect((await directory('?type=academic')).items.map((i) => i.symbol)).toEqual(['NMESP']);
    expect((await directory('?state=TX')).total).toBe(27); // A, the partner, 25 fillers
    expect((await directory('?status=grace')).items.map((i) => i.symbol)).toEqual(['ARORL']);
    expect((await directory('?state=TX&type=school')).total).toBe(0);
  });

  it('counts each facet with the other filters applied but not its own', async () => {
    const all = await directory();
    expect(all.facets.type).toEqual({ public: 27, academic: 1, school: 1, special: 1 });
    expect(all.facets.state).toEqual({ TX: 27, OK: 1, NM: 1, AR: 1, LA: 1 });
    expect(all.facets.status).toEqual({ active: 28, grace: 1, applicant: 1, lapsed: 1 });

    const tx = await directory('?state=TX');
    expect(tx.facets.state.NM).toBe(1); // its own filter is not applied: other states stay visible
    expect(tx.facets.type).toEqual({ public: 26, academic: 0, school: 0, special: 0 });

    const academic = await directory('?type=academic');
    expect(academic.facets.type.public).toBe(27);
    expect(academic.facets.state).toEqual({ TX: 0, OK: 0, NM: 1, AR: 0, LA: 0 });
  });

  it('sorts by name, state or type', async () => {
    const byName = (await directory('?pageSize=100')).items.map((i) => i.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect((await directory('?sort=state')).items[0]!.state).toBe('AR');
    const byType = (await directory('?sort=type&pageSize=100')).items;
    expect(byType[0]!.libraryType).toBe('academic');
    expect(byType.at(-1)!.kind).toBe('partner'); // no type: last
  });

  it('refuses bad queries with 400', async () => {
    for (const query of [
      '?pageSize=101',
      '?page=0',
      '?state=CA',
      '?type=museum',
      '?color=red',
      '?sort=size',
    ]) {
      const r = await anonymous(t.app).get(`/api/v1/libraries${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('library profile tiers', () => {
  const profile = async (email: string | null, id = t.fixtures.libraryA.id) => {
    const client = email ? await signIn(t.app, email) : anonymous(t.app);
    const r = await client.get(`/api/v1/libraries/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as LibraryProfile;
  };

  it('shows the public the public profile only', async () => {
    const p = await profile(null);
    expect(p).toMatchObject({
      name: 'Alamo Heights Public Library',
      symbol: 'TXAHP',
      timeZone: 'America/Chicago',
    });
    expect(p.streetAddress.city).toBe('Dallas');
    expect(p.shipping).toBeNull();
    expect(p.private).toBeNull();
    expect(p.can).toEqual({ edit: false, changeStatus: false, managePeople: false });
  });

  it('shows staff of other members the shipping details, partners not', async () => {
    const other = await profile('cataloger@b.example');
    expect(other.shipping?.address.postalCode).toBe('75001');
    expect(other.private).toBeNull();
    const partner = await profile('partner@partner.example');
    expect(partner.shipping).toBeNull();
    expect(partner.private).toBeNull();
  });

  it('shows own staff and consortium staff the private part', async () => {
    const own = await profile('ill@a.example');
    expect(own.private).toEqual({ billingEmail: null, internalNotes: '', staffCount: 2 });
    expect(own.can).toEqual({ edit: false, changeStatus: false, managePeople: false });
    const director = await profile('director@a.example');
    expect(director.can).toEqual({ edit: true, changeStatus: false, managePeople: true });
    const consortium = await profile('staff@test.example');
    expect(consortium.private?.staffCount).toBe(2);
    expect(consortium.can).toEqual({ edit: true, changeStatus: true, managePeople: true });
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const bad = await anonymous(t.app).get('/api/v1/libraries/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await anonymous(t.app).get(`/api/v1/libraries/${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });
});
