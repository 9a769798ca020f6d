import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  controlValue,
  dataFields,
  readIso2709,
  type MarcRecord,
} from '../../server/modules/catalog/marc/index.ts';
import { benchSymbols, generateCatalog, generateRecords, holderDistribution } from './generate.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-gen-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const libraries = benchSymbols(40);
const all = (records: number, seed = 1, duplicateRate?: number) => [
  ...generateRecords({ records, libraries, seed, ...(duplicateRate ? { duplicateRate } : {}) }),
];
const share = (n: number, of: number) => n / of;

describe('synthetic catalogue files', () => {
  it('are byte-identical for the same seed and differ for another seed', () => {
    const a = generateCatalog({ records: 3000, libraries, seed: 7, outDir: tempDir() });
    const b = generateCatalog({ records: 3000, libraries, seed: 7, outDir: tempDir() });
    const c = generateCatalog({ records: 3000, libraries, seed: 8, outDir: tempDir() });
    expect(a.libraries.length).toBeGreaterThan(30);
    for (const [i, lib] of a.libraries.entries()) {
      expect(fs.readFileSync(lib.file).equals(fs.readFileSync(b.libraries[i]!.file))).toBe(true);
    }
    expect(fs.readFileSync(a.libraries[0]!.file).equals(fs.readFileSync(c.libraries[0]!.file))).toBe(false);
  });

  it('parse back with our reader: every record, no errors, no warnings, 001 and 003 of the library', async () => {
    const summary = generateCatalog({ records: 5000, libraries, outDir: tempDir(), truth: true });
    let records = 0;
    let problems = 0;
    for (const lib of summary.libraries) {
      const numbers = new Set<string>();
      for await (const item of readIso2709(fs.createReadStream(lib.file))) {
        if (item.kind === 'error') {
          problems++;
          continue;
        }
        records++;
        problems += item.warnings.length;
        expect(controlValue(item.record, '003')).toBe(lib.symbol);
        numbers.add(controlValue(item.record, '001')!);
        expect(controlValue(item.record, '008')).toHaveLength(40);
      }
      // Control numbers are unique within a library's file.
      expect(numbers.size).toBe(lib.records);
    }
    expect(problems).toBe(0);
    expect(records).toBe(5000);
    expect(summary.records).toBe(5000);
    const truth = fs.readFileSync(path.join(path.dirname(summary.libraries[0]!.file), 'truth.tsv'), 'utf8');
    expect(truth.trim().split('\n')).toHaveLength(5000);
  });
});

describe('duplicates across libraries', () => {
  it('holds about the requested share of copies, a manifestation at most once per library', () => {
    for (const rate of [0.45, 0.2]) {
      const records = all(20_000, 3, rate);
      const holders = new Map<number, Set<string>>();
      for (const r of records) {
        const set =
          holders.get(r.manifestation) ?? holders.set(r.manifestation, new Set()).get(r.manifestation)!;
        expect(set.has(r.library.symbol)).toBe(false);
        set.add(r.library.symbol);
      }
      expect(Math.abs(share(records.length - holders.size, records.length) - rate)).toBeLessThan(0.03);
      expect(Math.max(...[...holders.values()].map((s) => s.size))).toBeLessThanOrEqual(8);
    }
  });

  it('solves the holder distribution for the mean the rate implies', () => {
    const cdf = holderDistribution(0.45, 8);
    let mean = 0;
    cdf.forEach((c, k) => (mean += (c - (k ? cdf[k - 1]! : 0)) * (k + 1)));
    expect(mean).toBeCloseTo(1 / 0.55, 3);
    expect(cdf[7]).toBeCloseTo(1, 9);
  });

  it('skews collection sizes: the largest library holds many times the smallest', () => {
    const sizes = new Map<string, number>();
    for (const r of all(20_000)) sizes.set(r.library.symbol, (sizes.get(r.library.symbol) ?? 0) + 1);
    const values = [...sizes.values()];
    expect(sizes.size).toBe(40);
    expect(Math.max(...values) / Math.min(...values)).toBeGreaterThan(8);
  });

  it('varies copies of one manifestation between libraries and makes near misses', () => {
    const records = all(20_000);
    const byManifestation = new Map<number, MarcRecord[]>();
    for (const r of records)
      (
        byManifestation.get(r.manifestation) ?? byManifestation.set(r.manifestation, []).get(r.manifestation)!
      ).push(r.record);
    const title = (r: MarcRecord) =>
      dataFields(r, '245')[0]!
        .subfields.map((s) => s.value)
        .join(' ');
    const differs = (get: (r: MarcRecord) => string) =>
      [...byManifestation.values()].filter((copies) => copies.length > 1 && new Set(copies.map(get)).size > 1)
        .length;
    expect(differs(title)).toBeGreaterThan(500);
    expect(differs((r) => JSON.stringify(dataFields(r, '300')))).toBeGreaterThan(500);
    expect(differs((r) => JSON.stringify(dataFields(r, '020')))).toBeGreaterThan(500);
    expect(differs((r) => String(dataFields(r, '035').length))).toBeGreaterThan(100);
    const kinds = new Map<string, number>();
    for (const r of records) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    for (const kind of ['edition', 'ebook', 'volume']) expect(kinds.get(kind)).toBeGreaterThan(50);
  });
});

describe('field mix', () => {
  const records = all(20_000).map((r) => r.record);
  const withTag = (tag: string) =>
    share(records.filter((r) => r.fields.some((f) => f.tag === tag)).length, records.length);

  it('carries the fields of real bibliographic records in plausible shares', () => {
    for (const tag of ['001', '003', '005', '008', '040', '245', '300']) expect(withTag(tag)).toBe(1);
    expect(withTag('020')).toBeGreaterThan(0.7);
    expect(withTag('035')).toBeGreaterThan(0.7);
    expect(withTag('100')).toBeGreaterThan(0.8);
    expect(withTag('650')).toBeGreaterThan(0.6);
    expect(withTag('250')).toBeGreaterThan(0.05);
    expect(withTag('250')).toBeLessThan(0.2);
    expect(withTag('490')).toBeGreaterThan(0.1);
    expect(withTag('490')).toBeLessThan(0.2);
    expect(withTag('505')).toBeGreaterThan(0.05);
    expect(withTag('520')).toBeGreaterThan(0.15);
    expect(withTag('520')).toBeLessThan(0.3);
    expect(withTag('264') + withTag('260')).toBeCloseTo(1, 5);
    for (const tag of [
      '022',
      '050',
      '082',
      '336',
      '337',
      '338',
      '500',
      '504',
      '651',
      '700',
      '830',
      '852',
      '949',
      '856',
    ])
      expect(withTag(tag)).toBeGreaterThan(0.01);
  });

  it('mixes formats: mostly books, some e-books (008/23 o and 856), videos, sound, serials, scores', () => {
    const type = (r: MarcRecord) => r.leader.slice(6, 8);
    const of = (t: string) => share(records.filter((r) => type(r) === t).length, records.length);
    expect(of('am')).toBeGreaterThan(0.8);
    expect(of('gm')).toBeGreaterThan(0.02);
    expect(of('jm')).toBeGreaterThan(0.01);
    expect(of('as')).toBeGreaterThan(0.01);
    expect(of('cm')).toBeGreaterThan(0.005);
    const ebooks = records.filter((r) => controlValue(r, '008')![23] === 'o' && r.leader[6] === 'a');
    expect(share(ebooks.length, records.length)).toBeGreaterThan(0.05);
    expect(share(ebooks.length, records.length)).toBeLessThan(0.12);
    expect(ebooks.every((r) => dataFields(r, '856').length === 1)).toBe(true);
  });

  it('has about 15 % Spanish records, diacritics, and non-filing indicators that match the article', () => {
    const spanish = records.filter((r) => controlValue(r, '008')!.slice(35, 38) === 'spa');
    expect(Math.abs(share(spanish.length, records.length) - 0.15)).toBeLessThan(0.04);
    expect(records.some((r) => /[áéíóúñü]/.test(JSON.stringify(r.fields)))).toBe(true);
    for (const r of records) {
      const f = dataFields(r, '245')[0]!;
      const a = f.subfields[0]!.value;
      const article = /^(The|A|El|La|Los|Las) /i.exec(a)?.[0];
      if (f.ind2 !== '0') expect(article?.length).toBe(Number(f.ind2));
    }
    expect(records.filter((r) => dataFields(r, '245')[0]!.ind2 !== '0').length).toBeGreaterThan(1000);
  });
});
