import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, type TestApp } from '../../../test/harness.ts';
import { searchFeedFor } from '../../catalog/index.ts';
import { loadFile, marcFile, tempDataDir } from '../../catalog/test-support.ts';

/**
 * SRU over real loads (camel.mrc held by TXAHP and NMESP, lc-sample-marc8.mrc by NMESP only). SRU 2.0
 * responses are validated with xmllint against the OASIS schemas (their remote schemaLocations rewritten to
 * the local copies); yaz-client, a client nobody here wrote, talks to a listening server.
 */
let t: TestApp;
let xsd: string;

function localSchemas(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sru-xsd-'));
  const src = '/work/shared/data/xsd/sru';
  for (const f of fs.readdirSync(src)) {
    const text = fs.readFileSync(path.join(src, f), 'utf8');
    fs.writeFileSync(
      path.join(dir, f),
      text.replace(/schemaLocation="[^"]*\/([^/"]+\.xsd)"/g, 'schemaLocation="$1"'),
    );
  }
  return path.join(dir, 'sruResponse.xsd');
}

function validate(body: string, schema = xsd) {
  const file = path.join(os.tmpdir(), `sru-${process.pid}-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, body);
  const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  fs.rmSync(file);
  expect(r.error, 'xmllint must be installed').toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
}

async function sru(query: string) {
  const res = await anonymous(t.app).get(`/sru?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('xml');
  return res.body;
}

const count = (body: string) => Number(/<zs:numberOfRecords>(\d+)</.exec(body)?.[1] ?? NaN);
const diagnostics = (body: string) =>
  [...body.matchAll(/info:srw\/diagnostic\/1\/(\d+)/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  xsd = localSchemas();
  t = await createTestApp({ DATA_DIR: tempDataDir() });
  await loadFile(t, t.fixtures.libraryA.id, marcFile('camel.mrc'));
  await loadFile(t, t.fixtures.libraryB.id, marcFile('camel.mrc'));
  await loadFile(t, t.fixtures.libraryB.id, marcFile('lc-sample-marc8.mrc'));
  const feed = searchFeedFor(t.ctx);
  await feed.start();
  await feed.catchUp();
});
afterAll(async () => t?.close());

describe('SRU searchRetrieve', () => {
  it('finds a title in MARCXML with an 852 per holding library, valid SRU 2.0', async () => {
    const body = await sru('version=2.0&query=dc.title%3D%22programming%20perl%22');
    validate(body);
    expect(count(body)).toBeGreaterThanOrEqual(1);
    expect(body).toContain('Programming Perl');
    expect(body).toMatch(/<datafield tag="852"[^>]*>\s*<subfield code="a">NMESP</);
    expect(body).toMatch(/<datafield tag="852"[^>]*>\s*<subfield code="a">TXAHP</);
    expect(diagnostics(body)).toEqual([]);
  });

  it('infers searchRetrieve with 2.0 and accepts operation= with 1.2', async () => {
    const v2 = await sru('query=perl');
    const v12 = await sru('operation=searchRetrieve&version=1.2&query=perl');
    expect(v12).toContain('<zs:version>1.2</zs:version>');
    expect(v12).toContain('http://www.loc.gov/zing/srw/');
    expect(count(v2)).toBe(count(v12));
    expect(count(v2)).toBeGreaterThan(1);
  });

  it('pages with startRecord / maximumRecords and reports the next position', async () => {
    const all = count(await sru('query=cql.allRecords%3D1&maximumRecords=0'));
    const page = await sru('query=cql.allRecords%3D1&startRecord=2&maximumRecords=3');
    validate(page);
    expect((page.match(/<zs:record>/g) ?? []).length).toBe(Math.min(3, all - 1));
    expect(page).toContain('<zs:recordPosition>2</zs:recordPosition>');
    if (all > 4) expect(page).toContain('<zs:nextRecordPosition>5</zs:nextRecordPosition>');
  });

  it('filters by holding library, by path and by bath.possessingInstitution', async () => {
    const all = count(await sru('query=cql.allRecords%3D1'));
    const a = count(await sru('query=bath.possessingInstitution%3DTXAHP'));
    const viaPath = await anonymous(t.app).get('/sru/TXAHP?query=cql.allRecords%3D1');
    expect(count(viaPath.body)).toBe(a);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(all);
  });

  it('maps dc.date ranges and dc schema', async () => {
    const before = count(await sru('query=dc.date%3C2000'));
    const after = count(await sru('query=dc.date%3E%3D2000'));
    const all = count(await sru('query=cql.allRecords%3D1'));
    expect(before + after).toBeLessThanOrEqual(all);
    expect(before).toBeGreaterThan(0);
    const dc = await sru('query=dc.title%3Dperl&recordSchema=dc&maximumRecords=2');
    validate(dc);
    expect(dc).toContain('<dc:title>');
  });

  it('answers in MODS 3.7 with titles, names, identifiers and a location per holding library', async () => {
    const body = await sru(
      'version=2.0&query=bath.isbn%3D9780596000271&recordSchema=info:srw/schema/1/mods-v3.6&maximumRecords=1',
    );
    validate(body);
    expect(body).toContain('<zs:recordSchema>info:srw/schema/1/mods-v3.7</zs:recordSchema>');
    expect(body).toContain('<mods:titleInfo><mods:title>Programming Perl</mods:title></mods:titleInfo>');
    expect(body).toMatch(
      /<mods:name type="personal" usage="primary"><mods:namePart>Wall, Larry<\/mods:namePart>/,
    );
    expect(body).toContain('<mods:identifier type="isbn">0596000278</mods:identifier>');
    expect(body).toContain('<mods:typeOfResource>text</mods:typeOfResource>');
    expect(body).toMatch(/<mods:location><mods:physicalLocation>[A-Z]+<\/mods:physicalLocation>/);
    const explain = await sru('version=2.0&operation=explain');
    expect(explain).toContain('info:srw/schema/1/mods-v3.7');
  });

  it('escapes records with recordXMLEscaping=string', async () => {
    const body = await sru('query=dc.title%3Dperl&recordXMLEscaping=string&maximumRecords=1');
    validate(body);
    expect(body).toContain('&lt;record xmlns=');
  });
});

describe('SRU sorting', () => {
  const years = (body: string) =>
    [...body.matchAll(/<controlfield tag="008">.{7}(\d{4})/g)].map((m) => Number(m[1]));
  it('orders by date with sortKeys (1.2) and sortBy (2.0) alike', async () => {
    const v12 = years(
      await sru(
        'operation=searchRetrieve&version=1.2&query=cql.allRecords%3D1&sortKeys=dc.date,,0&maximumRecords=20',
      ),
    );
    const v20 = years(
      await sru('query=cql.allRecords%3D1%20sortBy%20dc.date/sort.descending&maximumRecords=20'),
    );
    expect(v12.length).toBeGreaterThan(3);
    expect(v12).toEqual([...v12].sort((a, b) => b - a));
    expect(v20).toEqual(v12);
    const asc = years(await sru('query=cql.allRecords%3D1%20sortBy%20dc.date&maximumRecords=20'));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
  });
});

describe('SRU diagnostics', () => {
  it.each([
    ['query=dc.title%3D', 10],
    ['query=(perl', 10],
    ['query=foo.bar%3Dx', 16],
    ['query=perl&recordSchema=nope', 66],
    ['query=perl&recordXMLEscaping=zip', 71],
    ['query=perl&startRecord=0', 6],
    ['query=perl&startRecord=9999', 61],
    ['operation=searchRetrieve&version=1.2', 7],
    ['query=perl&bogus=1', 8],
    ['operation=update&version=1.2', 4],
  ])('%s → %i', async (query, code) => {
    const body = await sru(query);
    expect(diagnostics(body)).toContain(code);
    if (!query.includes('version=1.2')) validate(body);
  });

  it('names the position of a syntax error', async () => {
    const body = await sru('query=dc.title%20%3D%20perl%20and');
    expect(body).toContain('<diag:details>20</diag:details>');
  });

  it('caps maximumRecords with a diagnostic and still answers', async () => {
    const body = await sru('query=cql.allRecords%3D1&maximumRecords=5000');
    validate(body);
    expect(diagnostics(body)).toEqual([6]);
    expect(count(body)).toBeGreaterThan(0);
  });

  it('never answers a hostile input with a 500 or a stack trace', async () => {
    const hostile = [
      '"',
      '\\',
      ')))',
      '> > >',
      'a sortby',
      '%00',
      '*',
      '"\\"',
      'dc.title=/x=',
      'a'.repeat(5000),
      '('.repeat(200) + 'a',
      'dc.date<abc',
      'rec.id exact ""',
      'a prox b',
      '<script>',
    ];
    for (const h of hostile) {
      const res = await anonymous(t.app).get(`/sru?query=${encodeURIComponent(h)}`);
      expect(res.statusCode, h).toBe(200);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
      validate(res.body);
    }
  });
});

describe('SRU explain', () => {
  it('is a ZeeRex record listing indexes, schemas and limits', async () => {
    const body = await sru('');
    validate(body);
    expect(body).toContain('http://explain.z3950.org/dtd/2.0/');
    expect(body).toContain('<title>dc.title</title>');
    expect(body).toContain('info:srw/schema/1/marcxml-v1.1');
    expect(body).toContain('<setting type="maximumRecords">100</setting>');
  });
});

describe('SRU scan', () => {
  const terms = (body: string) => [...body.matchAll(/<zs:value>([^<]*)</g)].map((m) => m[1]!);

  it('lists title terms from the scanned term on, with counts, valid against scan.xsd', async () => {
    const body = await sru('scanClause=dc.title%3Dp&maximumTerms=5');
    validate(body, xsd.replace('sruResponse.xsd', 'scan.xsd'));
    const list = terms(body);
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(5);
    expect(list[0]! >= 'p').toBe(true);
    expect([...list].sort()).toEqual(list);
    expect(body).toMatch(/<zs:numberOfRecords>[1-9]/);
  });

  it('places the term at responsePosition', async () => {
    const from = terms(await sru('scanClause=dc.title%3Dp&maximumTerms=5'));
    const around = terms(await sru('scanClause=dc.title%3Dp&maximumTerms=5&responsePosition=3'));
    expect(around.slice(2)).toEqual(from.slice(0, 3));
    expect(around[1]! < 'p').toBe(true);
  });

  it.each([
    ['scanClause=dc.date%3D1999', 16],
    ['scanClause=dc.title%3D', 10],
    ['scanClause=a%20and%20b', 10],
    ['operation=scan&version=1.2', 7],
    ['scanClause=dc.title%3Da&maximumTerms=0', 6],
  ])('%s → %i', async (query, code) => {
    expect(diagnostics(await sru(query))).toContain(code);
  });
});

async function listeningUrl(): Promise<string> {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => t.app.server.address());
  const port = typeof address === 'string' ? new URL(address).port : (address as { port: number }).port;
  return `http://127.0.0.1:${port}/sru`;
}

describe('npm @natlibfi/sru-client against a listening server', () => {
  it('pages through every hit of a search, several records per request', async () => {
    const url = await listeningUrl();
    const total = count(await sru('query=dc.title%3Dperl&maximumRecords=0'));
    expect(total).toBeGreaterThan(2);
    // The package ships no types, and is CommonJS with an ES default export.
    type Create = (o: Record<string, unknown>) => { searchRetrieve: (q: string) => NodeJS.EventEmitter };
    const name = '@natlibfi/sru-client';
    const mod = (await import(name)) as { default: Create | { default: Create } };
    const createClient = typeof mod.default === 'function' ? mod.default : mod.default.default;
    const client = createClient({ url, recordSchema: 'marcxml', version: '2.0', maxRecordsPerRequest: 2 });
    const records: string[] = [];
    let reported = -1;
    await new Promise<void>((resolve, reject) => {
      client
        .searchRetrieve('dc.title=perl')
        .on('total', (n: number) => (reported = n))
        .on('record', (r: string) => records.push(r))
        .on('error', reject)
        .on('end', () => resolve());
    });
    expect(reported).toBe(total);
    expect(records).toHaveLength(total);
    expect(records.join('')).toContain('Programming Perl');
  });
});

describe('yaz-client against a listening server', () => {
  it.each(['1.2', '2.0'])('searches and shows a record with SRU %s', async (version) => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => t.app.server.address());
    const port = typeof address === 'string' ? new URL(address).port : (address as { port: number }).port;
    const script = `sru get ${version}\nopen http://127.0.0.1:${port}/sru\nfind dc.title=perl\nshow 1\nscan dc.title=p\nquit\n`;
    // Asynchronously: the server answering yaz-client runs on this same event loop.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('yaz-client', [], { timeout: 20_000 });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', () => resolve(text));
      child.stdin.end(script);
    });
    expect(out).toMatch(/Number of hits: [1-9]/);
    expect(out).toContain('Perl');
    // scan: yaz prints each term it received with its count.
    expect(out).toContain('Received SRW Scan Response');
    expect(out).toMatch(/^programming perl: \d+$/m);
  });
});
