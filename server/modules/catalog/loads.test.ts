import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { controlValue, type MarcRecord } from './marc/index.ts';
import { catalogHoldings, catalogRecords } from './tables.ts';
import { iso2709, loadFile, marcFile, recordsOf, snapshot, tempDataDir } from './test-support.ts';

/** Loads on the real database: rejections, idempotent reloads, modes, resume after a crash, holdings. */
let t: TestApp;
let libA: string;
let libB: string;
beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: tempDataDir() });
  libA = t.fixtures.libraryA.id;
  libB = t.fixtures.libraryB.id;
});
afterAll(async () => {
  await t?.close();
});

const number = (r: MarcRecord) => controlValue(r, '001')!.trim();
const recordsNamed = (library: string, numbers: string[]) =>
  t.ctx.db
    .select()
    .from(catalogRecords)
    .where(and(eq(catalogRecords.libraryId, library), inArray(catalogRecords.controlNumber, numbers)));

describe('loading the shared MARC files', () => {
  it('loads lc-sample-marc8.mrc, reporting its two malformed records with position and reason', async () => {
    const { load, service } = await loadFile(t, libA, marcFile('lc-sample-marc8.mrc'));
    expect(load).toMatchObject({ status: 'completed', added: 24, rejected: 2, updated: 0, recordsDone: 26 });
    expect(load.fraction).toBe(1);
    const csv = await service.problemsCsv(libA, load.id);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"25","23705","","empty record/);
  });

  it('loads opera-43.marcxml twice: the second load changes nothing, the repeated 001 is one record', async () => {
    const first = await loadFile(t, libB, marcFile('opera-43.marcxml'));
    // 43 records, one 001 twice: 42 records, the repeat counted as unchanged.
    expect(first.load).toMatchObject({ status: 'completed', added: 42, unchanged: 1, rejected: 0 });
    const before = await snapshot(t, libB);
    expect(before).toHaveLength(42);
    const second = await loadFile(t, libB, marcFile('opera-43.marcxml'));
    expect(second.load).toMatchObject({ added: 0, updated: 0, unchanged: 43, withdrawn: 0 });
    expect(await snapshot(t, libB)).toEqual(before);
  });

  it('keeps the two "Königin von Saba" records (276 p. vs [39] p.) in separate clusters', async () => {
    const [a, b] = await recordsNamed(libB, ['7688237', '9109955']);
    expect(a!.clusterId).toBeTruthy();
    expect(a!.clusterId).not.toBe(b!.clusterId);
    // Another library's copy of the 276 p. score joins that one only (not the [39] p. libretto).
    const saba = (await recordsOf(marcFile('opera-43.marcxml'))).find((r) => number(r) === '7688237')!;
    await loadFile(t, libA, iso2709([saba]));
    const [copy] = await recordsNamed(libA, ['7688237']);
    expect(copy!.clusterId).toBe(a!.clusterId);
  });
});

describe('modes', () => {
  it('full replace withdraws the records absent from the file, and they leave their clusters', async () => {
    const all = await recordsOf(marcFile('opera-43.marcxml'));
    const kept = all.slice(0, 30);
    const { load } = await loadFile(t, libB, iso2709(kept), { mode: 'replace' });
    expect(load.status).toBe('completed');
    const snap = await snapshot(t, libB);
    const active = snap.filter((r) => r.status === 'active').map((r) => r.number);
    expect(new Set(active)).toEqual(new Set(kept.map(number)));
    expect(active).not.toContain('11224467');
    expect(snap.filter((r) => r.status === 'withdrawn').every((r) => r.cluster === null)).toBe(true);
    expect(load.withdrawn).toBe(snap.filter((r) => r.status === 'withdrawn').length);
  });

  it('delete mode withdraws the listed records only; reloading them brings them back', async () => {
    const all = await recordsOf(marcFile('lc-sample-marc8.mrc'));
    const gone = all.slice(2, 5);
    const { load } = await loadFile(t, libA, iso2709(gone), { mode: 'delete' });
    expect(load).toMatchObject({ withdrawn: 3, added: 0 });
    const rows = await recordsNamed(libA, gone.map(number));
    expect(rows.map((r) => r.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
    const back = await loadFile(t, libA, iso2709(gone));
    expect(back.load).toMatchObject({ updated: 3, added: 0 });
  });
});

describe('a load killed midway', () => {
  it('resumes from its checkpoint to the same final state as an uninterrupted load', async () => {
    const records = await recordsOf(marcFile('opera-43.marcxml'));
    const file = iso2709(records);
    const a = await createTestApp({ DATA_DIR: tempDataDir() });
    const b = await createTestApp({ DATA_DIR: tempDataDir() });
    try {
      const whole = await loadFile(a, a.fixtures.libraryA.id, file, {}, { batchSize: 10 });
      const cut = await loadFile(b, b.fixtures.libraryA.id, file, {}, { batchSize: 10, stopAfterBatches: 1 });
      expect(cut.outcome).toBe('stopped');
      expect(cut.load).toMatchObject({ status: 'running', recordsDone: 10, added: 10 });
      expect(await cut.service.run(cut.load.id, { batchSize: 10 })).toBe('completed');
      const resumed = await cut.service.getLoad(b.fixtures.libraryA.id, cut.load.id);
      const strip = (s: Awaited<ReturnType<typeof snapshot>>) => s.map(({ library: _l, ...rest }) => rest);
      expect(strip(await snapshot(b))).toEqual(strip(await snapshot(a)));
      const counts = (l: typeof resumed) => [l.added, l.updated, l.unchanged, l.rejected, l.recordsDone];
      expect(counts(resumed)).toEqual(counts(whole.load));
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});

describe('holdings', () => {
  it('reads 852 fields, the configured local tag, and gives a record-level holding otherwise', async () => {
    const [base] = await recordsOf(marcFile('sandburg-1.marcxml'));
    const make = (id: string, extra: MarcRecord['fields']): MarcRecord => ({
      leader: base!.leader,
      fields: [
        { tag: '001', value: id },
        ...base!.fields.filter((f) => f.tag !== '001' && f.tag !== '852' && f.tag !== '949'),
        ...extra,
      ],
    });
    const sf = (code: string, value: string) => ({ code, value });
    const file = iso2709([
      make('h-852', [
        {
          tag: '852',
          ind1: '0',
          ind2: ' ',
          subfields: [sf('b', 'MAIN'), sf('h', 'PS3537.A618'), sf('i', 'C4')],
        },
        { tag: '852', ind1: '0', ind2: ' ', subfields: [sf('b', 'BRANCH'), sf('h', 'PS3537.A618')] },
      ]),
      make('h-949', [
        {
          tag: '949',
          ind1: ' ',
          ind2: ' ',
          subfields: [sf('a', '811.52 SAN'), sf('l', 'CHILD'), sf('c', '3')],
        },
      ]),
      make('h-none', []),
    ]);
    await loadFile(t, libA, file, { holdingsTag: '949' });
    const rows = await recordsNamed(libA, ['h-852', 'h-949', 'h-none']);
    const holdings = await t.ctx.db
      .select()
      .from(catalogHoldings)
      .where(
        inArray(
          catalogHoldings.recordId,
          rows.map((r) => r.id),
        ),
      );
    const of = (n: string) =>
      holdings
        .filter((h) => h.recordId === rows.find((r) => r.controlNumber === n)!.id)
        .map((h) => [h.sourceTag, h.location, h.callNumber, h.copies])
        .sort();
    expect(of('h-852')).toEqual([
      ['852', 'BRANCH', 'PS3537.A618', 1],
      ['852', 'MAIN', 'PS3537.A618 C4', 1],
    ]);
    expect(of('h-949')).toEqual([['949', 'CHILD', '811.52 SAN', 3]]);
    expect(of('h-none')).toEqual([[null, null, null, 1]]);
  });
});
