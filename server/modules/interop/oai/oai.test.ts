import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { anonymous, createTestApp, type TestApp } from '../../../test/harness.ts';
import { loadFile, marcFile, tempDataDir } from '../../catalog/test-support.ts';
import { PAGE_SIZE } from './service.ts';

/**
 * OAI-PMH over real loads: camel.mrc + opera-43.marcxml for TXAHP, camel.mrc + lc-sample-marc8.mrc for NMESP. Responses must be
 * well-formed (xmllint) and a real harvester (Debian's HTTP::OAI) must follow the resumption tokens to the
 * same record count as the database holds.
 */
let t: TestApp;
let total: number;

async function oai(query: string) {
  const res = await anonymous(t.app).get(`/oai?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const file = path.join(os.tmpdir(), `oai-${process.pid}-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, res.body);
  const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  fs.rmSync(file);
  expect(lint.status, lint.stderr).toBe(0);
  return res.body;
}
const errorCode = (body: string) => /<error code="([^"]+)"/.exec(body)?.[1];
const token = (body: string) => /<resumptionToken>([^<]+)</.exec(body)?.[1];

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: tempDataDir() });
  await loadFile(t, t.fixtures.libraryA.id, marcFile('camel.mrc'));
  await loadFile(t, t.fixtures.libraryA.id, marcFile('opera-43.marcxml'));
  await loadFile(t, t.fixtures.libraryB.id, marcFile('camel.mrc'));
  await loadFile(t, t.fixtures.libraryB.id, marcFile('lc-sample-marc8.mrc'));
  const rows = await t.ctx.db.execute(sql`select count(*)::int as n from catalog_records`);
  total = Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n);
});
afterAll(async () => t?.close());

describe('OAI-PMH verbs', () => {
  it('identifies the repository with persistent deletions and second granularity', async () => {
    const body = await oai('verb=Identify');
    expect(body).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(body).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
  });

  it('lists formats and one set per library', async () => {
    expect(await oai('verb=ListMetadataFormats')).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    const sets = await oai('verb=ListSets');
    expect(sets).toContain('<setSpec>library:TXAHP</setSpec>');
    expect(sets).toContain('<setSpec>library:NMESP</setSpec>');
  });

  it('pages ListIdentifiers with signed tokens and GetRecord returns MARCXML and DC', async () => {
    const first = await oai('verb=ListIdentifiers&metadataPrefix=marc21');
    const ids = [...first.matchAll(/<identifier>([^<]+)</g)].map((m) => m[1]!);
    expect(ids.length).toBe(Math.min(PAGE_SIZE, total));
    const marc = await oai(`verb=GetRecord&metadataPrefix=marc21&identifier=${encodeURIComponent(ids[0]!)}`);
    expect(marc).toContain('<record xmlns="http://www.loc.gov/MARC21/slim">');
    const dc = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(ids[0]!)}`);
    expect(dc).toContain('<dc:title>');
    {
      expect(total).toBeGreaterThan(PAGE_SIZE);
      const tk = token(first)!;
      const tampered = tk.slice(0, 5) + (tk[5] === 'A' ? 'B' : 'A') + tk.slice(6);
      expect(
        errorCode(await oai(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(tampered)}`)),
      ).toBe('badResumptionToken');
    }
  });

  it('filters by set and by from/until', async () => {
    const inA = await oai('verb=ListIdentifiers&metadataPrefix=marc21&set=library:TXAHP');
    expect(inA).not.toContain('library:NMESP');
    expect(errorCode(await oai('verb=ListRecords&metadataPrefix=marc21&until=2000-01-01'))).toBe(
      'noRecordsMatch',
    );
    expect(
      errorCode(await oai('verb=ListRecords&metadataPrefix=marc21&from=2000-01-01T00:00:00Z')),
    ).toBeUndefined();
  });

  it('reports a withdrawn record as deleted', async () => {
    await t.ctx.db.execute(
      sql`update catalog_records set status = 'withdrawn' where id = (select min(id::text)::uuid from catalog_records)`,
    );
    const body = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(body).toContain('<header status="deleted">');
  });

  it.each([
    ['verb=Nope', 'badVerb'],
    ['', 'badVerb'],
    ['verb=Identify&verb=Identify', 'badVerb'],
    ['verb=ListRecords', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marc21&bogus=1', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marc21&from=yesterday', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marc21&from=2000-01-01&until=2030-01-01T00:00:00Z', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=mods', 'cannotDisseminateFormat'],
    ['verb=ListRecords&resumptionToken=garbage', 'badResumptionToken'],
    ['verb=ListRecords&resumptionToken=a.b&metadataPrefix=marc21', 'badArgument'],
    ['verb=GetRecord&metadataPrefix=marc21&identifier=oai:x:1', 'idDoesNotExist'],
    ['verb=ListRecords&metadataPrefix=marc21&set=library:NOPE', 'noRecordsMatch'],
    ['verb=ListMetadataFormats&identifier=nope', 'idDoesNotExist'],
  ])('%s → %s', async (query, code) => {
    expect(errorCode(await oai(query))).toBe(code);
  });
});

describe('hostile OAI input', () => {
  it('answers with an OAI error, never a 500', async () => {
    const hostile = [
      'verb=ListRecords&resumptionToken=' + encodeURIComponent('eyJ9.AAAA'),
      'verb=ListRecords&resumptionToken=' + 'x'.repeat(5000),
      'verb=GetRecord&metadataPrefix=marc21&identifier=' + encodeURIComponent("oai:x:' or 1=1--"),
      'verb=ListRecords&metadataPrefix=marc21&from=2024-13-45',
      'verb=ListRecords&metadataPrefix=marc21&set=' + encodeURIComponent('library:%00<x>'),
      'verb=%3Cscript%3E',
      'verb=ListSets&resumptionToken=abc',
    ];
    for (const h of hostile) {
      const body = await oai(h);
      expect(errorCode(body), h).toBeDefined();
      expect(body).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});

describe('a real harvester', () => {
  it('HTTP::OAI follows every resumption token and gets every record', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const script = `
      use strict; use HTTP::OAI;
      # Resumption by hand (resume => 0) so every page is counted exactly once, as the harvester sees it.
      my $h = HTTP::OAI::Harvester->new(baseURL => $ARGV[0], resume => 0);
      my $r = $h->ListRecords(metadataPrefix => 'marc21');
      my ($n, $d, $pages) = (0, 0, 0);
      for (;;) {
        die $r->message if $r->is_error;
        $pages++;
        while (my $rec = $r->next) { $n++; $d++ if $rec->is_deleted; }
        my $tk = $r->resumptionToken;
        last unless $tk && $tk->resumptionToken;
        $r = $h->ListRecords(resumptionToken => $tk->resumptionToken);
      }
      print "count=$n deleted=$d pages=$pages\\n";`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('perl', ['-e', script, `${address}/oai`], { timeout: 60_000 });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (text += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    expect(total, 'enough records to need resumption tokens').toBeGreaterThan(PAGE_SIZE);
    expect(out).toContain(`count=${total} deleted=1 pages=${Math.ceil(total / PAGE_SIZE)}`);
  });
});
