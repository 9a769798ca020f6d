import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, signIn, type TestApp } from '../../../test/harness.ts';
import { loadFile, marcFile, tempDataDir } from '../../catalog/test-support.ts';
import { searchFeedFor } from '../../catalog/index.ts';

/**
 * Library exports checked by tools nobody here wrote: yaz-marcdump reads the ISO 2709 without complaint,
 * xmllint validates the MARCXML against MARC21slim.xsd, and MARC::Lint finds nothing in our output that it
 * does not already find in the input file.
 */
let t: TestApp;
let B: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-export-'));
const INPUT = marcFile('lc-sample-marc8.mrc');

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  expect(r.error, `${cmd} must be installed`).toBeUndefined();
  return r;
}

/** MARC::Lint warnings per record, keyed by 001, without the record position. */
function lint(file: string): Map<string, string[]> {
  const script = `use MARC::Batch; use MARC::Lint; my $b = MARC::Batch->new('USMARC', $ARGV[0]); $b->strict_off;
    my $l = MARC::Lint->new; while (my $r = $b->next) { $l->check_record($r); my $id = $r->field('001') ? $r->field('001')->data : '?';
    print "$id\\t$_\\n" for $l->warnings; }`;
  const r = run('perl', ['-e', script, file]);
  expect(r.status, r.stderr).toBe(0);
  const out = new Map<string, string[]>();
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    const [id, warning] = line.split('\t') as [string, string];
    out.set(id.trim(), [...(out.get(id.trim()) ?? []), warning]);
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: tempDataDir() });
  B = t.fixtures.libraryB.id;
  await loadFile(t, B, INPUT);
  await loadFile(t, t.fixtures.libraryA.id, marcFile('camel.mrc'));
  await loadFile(t, B, marcFile('camel.mrc'));
  const feed = searchFeedFor(t.ctx);
  await feed.start();
  await feed.catchUp();
});
afterAll(async () => t?.close());

describe('library catalog export', () => {
  it('ISO 2709 passes yaz-marcdump and adds no MARC::Lint findings', async () => {
    const staff = await signIn(t.app, 'cataloger@b.example');
    const res = await staff.get(`/api/v1/libraries/${B}/catalog/export?format=iso2709`);
    expect(res.statusCode, res.body).toBe(200);
    const file = path.join(tmp, 'out.mrc');
    fs.writeFileSync(file, res.rawPayload);
    const dump = run('yaz-marcdump', ['-n', '-i', 'marc', '-f', 'utf-8', file]);
    expect(dump.status).toBe(0);
    expect(dump.stderr).toBe('');
    // Every record's leader/09 says UTF-8.
    const leaders = run('yaz-marcdump', ['-i', 'marc', '-o', 'line', file])
      .stdout.split('\n')
      .filter((l) => /^\d{5}/.test(l));
    expect(leaders.length).toBeGreaterThan(0);
    for (const l of leaders) expect(l[9]).toBe('a');
    // Records are compared as a whole file: our export orders by record id and may repair a sloppy 001.
    const norm = (w: string) => w.replace(/\s+/g, ' ');
    const known = new Set([...lint(INPUT).values()].flat().map(norm));
    const knownTags = new Set([...known].map((w) => w.slice(0, 3)));
    for (const [id, warnings] of lint(file)) {
      // MARC-8 vs UTF-8 text inside a message is compared by field tag only.
      for (const w of warnings)
        expect(known.has(norm(w)) || knownTags.has(w.slice(0, 3)), `${id}: ${w}`).toBe(true);
    }
  });

  it('MARCXML validates against MARC21slim.xsd and JSON is MARC-in-JSON', async () => {
    const staff = await signIn(t.app, 'staff@test.example');
    const xmlRes = await staff.get(`/api/v1/libraries/${B}/catalog/export?format=marcxml`);
    expect(xmlRes.statusCode).toBe(200);
    const file = path.join(tmp, 'out.xml');
    fs.writeFileSync(file, xmlRes.body);
    const v = run('xmllint', ['--noout', '--schema', '/work/shared/data/xsd/marcxml/MARC21slim.xsd', file]);
    expect(v.status, v.stderr).toBe(0);
    const json = (await staff.get(`/api/v1/libraries/${B}/catalog/export?format=json`)).json() as {
      leader: string;
      fields: Record<string, unknown>[];
    }[];
    expect(json.length).toBe((xmlRes.body.match(/<record>/g) ?? []).length);
    expect(json[0]!.leader).toHaveLength(24);
    expect(Object.keys(json[0]!.fields[0]!)[0]).toMatch(/^\d{3}$/);
  });

  it('is refused to other libraries and to anonymous callers; bad formats are 400', async () => {
    const otherLibrary = await signIn(t.app, 'director@a.example');
    expect((await otherLibrary.get(`/api/v1/libraries/${B}/catalog/export`)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/v1/libraries/${B}/catalog/export`)).statusCode).toBe(401);
    const staff = await signIn(t.app, 'cataloger@b.example');
    expect((await staff.get(`/api/v1/libraries/${B}/catalog/export?format=pdf`)).statusCode).toBe(400);
  });

  it('exports a public search result with an 852 per holder, as many records as the search finds', async () => {
    const total = ((await anonymous(t.app).get('/api/v1/catalog/search?q=perl')).json() as { total: number })
      .total;
    expect(total).toBeGreaterThan(1);
    const res = await anonymous(t.app).get('/api/v1/catalog/export?q=perl&format=iso2709');
    expect(res.statusCode).toBe(200);
    const file = path.join(tmp, 'search.mrc');
    fs.writeFileSync(file, res.rawPayload);
    const dump = run('yaz-marcdump', ['-n', '-i', 'marc', '-f', 'utf-8', file]);
    expect(dump.stderr).toBe('');
    const xml = await anonymous(t.app).get('/api/v1/catalog/export?q=perl&format=marcxml&library=TXAHP');
    const xmlFile = path.join(tmp, 'search.xml');
    fs.writeFileSync(xmlFile, xml.body);
    const v = run('xmllint', [
      '--noout',
      '--schema',
      '/work/shared/data/xsd/marcxml/MARC21slim.xsd',
      xmlFile,
    ]);
    expect(v.status, v.stderr).toBe(0);
    const records = (xml.body.match(/<record>/g) ?? []).length;
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThanOrEqual(total);
    expect(xml.body).toContain('<subfield code="a">TXAHP</subfield>');
    const json = (
      await anonymous(t.app).get('/api/v1/catalog/export?q=perl&format=json')
    ).json() as unknown[];
    expect(json).toHaveLength(total);
  });

  it.each(['q=%22unclosed&format=json', 'q=perl&format=pdf', 'q=perl&library=NOPE', `q=${'a'.repeat(2000)}`])(
    'refuses bad input %s with a 400',
    async (query) => {
      const res = await anonymous(t.app).get(`/api/v1/catalog/export?${query}`);
      expect(res.statusCode, res.body).toBe(400);
    },
  );
});
