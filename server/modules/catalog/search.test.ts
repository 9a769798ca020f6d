import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { openDatabase, type Database } from '../../platform/db/client.ts';
import { anonymous, createTestApp, type TestApp } from '../../test/harness.ts';
import type { MarcView, RecordPage, SearchResponseBody } from '../../../shared/contracts/catalog-search.ts';
import { searchFeedFor } from './search-feed.ts';
import { loadFile, marcFile, tempDataDir } from './test-support.ts';

/**
 * Search over HTTP against real loads: camel.mrc held by both test libraries (so its clusters have two
 * holders), lc-sample-marc8.mrc by library B only. A second app node on the same database keeps its own
 * index current from the change log.
 */
let t: TestApp;
let A: string;
let B: string;
let secondDatabase: Database | undefined;
let second: FastifyInstance;

async function settle(app: TestApp['ctx'] = t.ctx) {
  const feed = searchFeedFor(app);
  await feed.start();
  await feed.catchUp();
}

const search = async (query: string, app?: FastifyInstance) => {
  const res = await anonymous(app ?? t.app).get(`/api/v1/catalog/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchResponseBody;
};

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: tempDataDir() });
  A = t.fixtures.libraryA.id;
  B = t.fixtures.libraryB.id;
  await loadFile(t, A, marcFile('camel.mrc'));
  await loadFile(t, B, marcFile('camel.mrc'));
  await loadFile(t, B, marcFile('lc-sample-marc8.mrc'));
  await t.app.ready();
  await settle();
});
afterAll(async () => {
  await second?.close();
  await secondDatabase?.close();
  await t?.close();
});

describe('catalog search', () => {
  it('finds a title, ranks the exact title first and counts holding libraries', async () => {
    const body = await search('q=programming+perl');
    expect(body.indexing.ready).toBe(true);
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.results[0]).toMatchObject({ title: 'Programming Perl', libraryCount: 2, format: 'book' });
    expect(body.results[0]!.isbn).toBe('9780596000271');
  });

  it.each([
    ['ISBN-10 with hyphens', 'field=isbn&q=0-596-00027-8'],
    ['ISBN-10 without hyphens, any field', 'q=0596000278'],
    ['ISBN-13 with hyphens', 'q=978-0-596-00027-1'],
  ])('finds a book by %s', async (_label, query) => {
    const body = await search(query);
    expect(body.results.map((r) => r.title)).toEqual(['Programming Perl']);
  });

  it('folds diacritics and applies fielded boolean queries', async () => {
    const folded = await search(`q=${encodeURIComponent('pérl')}`);
    expect(folded.total).toBe((await search('q=perl')).total);
    const body = await search(`q=${encodeURIComponent('title:perl NOT title:programming')}`);
    expect(body.total).toBeGreaterThan(0);
    for (const r of body.results) expect(r.title.toLowerCase()).not.toContain('programming');
  });

  it('facets by holding library with names, and filters by library and year range', async () => {
    const body = await search('q=perl');
    const libraries = Object.fromEntries(body.facets.library.map((f) => [f.value, f]));
    expect(libraries[A]).toMatchObject({ label: t.fixtures.libraryA.name, count: 10 });
    expect(libraries[B]).toMatchObject({ label: t.fixtures.libraryB.name, count: 10 });

    // Only library B loaded the LC sample.
    const passwords = await search(`q=passwords&library=${B}`);
    expect(passwords.results.map((r) => r.title)).toEqual([
      'The use of passwords for controlled access to computer resources',
    ]);
    expect(passwords.facets.library.find((f) => f.value === B)?.selected).toBe(true);
    const elsewhere = await search(`q=passwords&library=${A}`);
    expect(elsewhere.total).toBe(0);
    // The chosen library stays listed so it can be removed, and the other facet shows what removing finds.
    expect(elsewhere.facets.library.find((f) => f.value === A)).toMatchObject({ selected: true });

    const in1999 = await search('q=perl&yearFrom=1999&yearTo=1999&sort=title');
    expect(in1999.results.map((r) => r.year)).toEqual(in1999.results.map(() => 1999));
    // Title order ignores punctuation and case, as card catalogues filed.
    const key = (title: string) => title.toLowerCase().replace(/[^a-z0-9]/g, '');
    const keys = in1999.results.map((r) => key(r.title));
    expect(keys.length).toBeGreaterThan(1);
    expect(keys).toEqual([...keys].sort());
  });

  it('answers bad searches with clear 400s', async () => {
    const client = anonymous(t.app);
    const syntax = await client.get(`/api/v1/catalog/search?q=${encodeURIComponent('title:(perl')}`);
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error.code).toBe('QUERY_SYNTAX');
    expect(syntax.json().error.details[0].message).toMatch(/character \d+/);
    const deep = await client.get('/api/v1/catalog/search?q=perl&page=600&pageSize=20');
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error.details[0].path).toBe('querystring.page');
    const years = await client.get('/api/v1/catalog/search?q=perl&yearFrom=2000&yearTo=1990');
    expect(years.statusCode).toBe(400);
    const unknown = await client.get('/api/v1/catalog/search?q=perl&colour=red');
    expect(unknown.statusCode).toBe(400);
  });

  it('suggests a spelling when nothing matches', async () => {
    const body = await search('q=progamming+perl');
    expect(body.didYouMean).toBe('programming perl');
  });

  it('shows the record page with its display and every holding library, and a MARC view', async () => {
    const [hit] = (await search('q=programming+perl')).results;
    const page = (
      await anonymous(t.app).get(`/api/v1/catalog/clusters/${hit!.id}/display`)
    ).json() as RecordPage;
    expect(page.title).toBe('Programming Perl');
    const lines = Object.fromEntries(page.display.map((l) => [l.key, l.values]));
    expect(lines.title?.[0]).toContain('Programming Perl');
    expect(lines.subjects).toContain('Perl (Computer program language)');
    expect(page.holdings.map((h) => h.library.id).sort()).toEqual([A, B].sort());

    const marc = (
      await anonymous(t.app).get(`/api/v1/catalog/records/${page.holdings[0]!.recordId}/marc`)
    ).json() as MarcView;
    expect(marc.leader).toHaveLength(24);
    expect(marc.fields.find((f) => f.tag === '245')?.subfields?.[0]).toMatchObject({ code: 'a' });
    expect((await anonymous(t.app).get(`/api/v1/catalog/clusters/${A}/display`)).statusCode).toBe(404);
  });

  it('keeps a second app node current: a withdrawal there is seen after its next catch-up', async () => {
    if (t.ctx.database.kind === 'postgres') {
      secondDatabase = await openDatabase({
        databaseUrl: t.ctx.database.connectionString,
        dataDir: '',
        poolSize: 2,
      });
    }
    const database = secondDatabase ?? t.ctx.database;
    const ctx2 = { ...t.ctx, database, db: database.db };
    second = await buildApp(ctx2, { serveWeb: false });
    await second.ready();
    await settle(ctx2);
    expect((await search('q=programming+perl', second)).results[0]?.libraryCount).toBe(2);

    await loadFile(t, A, marcFile('camel.mrc'), { mode: 'delete' });
    await settle(ctx2);
    expect((await search('q=programming+perl', second)).results[0]?.libraryCount).toBe(1);
    expect((await search(`q=perl&library=${A}`, second)).total).toBe(0);
    await settle();
    expect((await search(`q=perl&library=${A}`)).total).toBe(0);
  });
});
