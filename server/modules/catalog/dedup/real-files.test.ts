import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMarc } from '../marc/index.ts';
import { controlValue, type MarcRecord } from '../marc/record.ts';
import { clusterRecords, toClusterRecord, type ClusterRecord } from './cluster.ts';
import { extractFeatures, type MatchFeatures } from './features.ts';
import { REFERENCE_PAIRS } from './labelled/reference.ts';
import { compareRecords } from './rules.ts';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/data/marc');
const available = fs.existsSync(dataDir);

type Loaded = { file: string; number: number; record: MarcRecord };
const loaded: Loaded[] = [];

async function load(file: string): Promise<void> {
  for await (const item of readMarc(fs.readFileSync(path.join(dataDir, file)))) {
    if (item.kind === 'record') loaded.push({ file, number: item.recordNumber, record: item.record });
  }
}
const find = (file: string, id: string) =>
  loaded.filter((l) => l.file === file && controlValue(l.record, '001')?.trim() === id).map((l) => l.record);

/** The fields the matcher uses, to check the literal reference pairs against the files. */
const relevant = (f: MatchFeatures) => {
  const { quality, ...rest } = f;
  void quality;
  return rest;
};

describe.skipIf(!available)('the sample files (cross-check with the MARC readers)', () => {
  beforeAll(async () => {
    for (const file of fs.readdirSync(dataDir).sort()) await load(file);
  });

  it('lc-sample-marc8.mrc 11224466 / 11224467 match, and the literal pair reproduces them', () => {
    const [a] = find('lc-sample-marc8.mrc', '11224466');
    const [b] = find('lc-sample-marc8.mrc', '11224467');
    const result = compareRecords(extractFeatures(a!), extractFeatures(b!));
    expect(result.decision).toBe('match');
    const literal = REFERENCE_PAIRS.find((p) => p.id === 'ref:lc-11224466-11224467')!;
    expect(relevant(extractFeatures(literal.a))).toEqual(relevant(extractFeatures(a!)));
    expect(relevant(extractFeatures(literal.b))).toEqual(relevant(extractFeatures(b!)));
  });

  it('opera-43.marcxml "Die Königin von Saba" (276 p. / [39] p.) do not match', () => {
    const [a] = find('opera-43.marcxml', '7688237');
    const [b] = find('opera-43.marcxml', '9109955');
    const result = compareRecords(extractFeatures(a!), extractFeatures(b!));
    expect(result.decision).toBe('no-match');
    expect(result.features.find((f) => f.feature === 'pages')?.detail).toBe('extents differ: 276 vs 39 p.');
    const literal = REFERENCE_PAIRS.find((p) => p.id === 'ref:opera-saba')!;
    expect(relevant(extractFeatures(literal.a))).toEqual(relevant(extractFeatures(a!)));
    expect(relevant(extractFeatures(literal.b))).toEqual(relevant(extractFeatures(b!)));
  });

  it('re-loading the record that appears twice in opera-43.marcxml (001 251663) is idempotent', () => {
    const twice = find('opera-43.marcxml', '251663');
    expect(twice).toHaveLength(2);
    const records = twice.map((r) => toClusterRecord('opera:251663', 'opera', r));
    const once = clusterRecords(records.slice(0, 1));
    expect(clusterRecords(records)).toEqual(once);
    expect(relevant(records[0]!.features)).toEqual(relevant(extractFeatures(REFERENCE_PAIRS[2]!.a)));
  });

  it('clusters all sample records (each its own library) into exactly the known duplicates', () => {
    const records: ClusterRecord[] = loaded.map((l) => {
      const id = `${l.file}#${l.number}`;
      return toClusterRecord(id, id, l.record);
    });
    const merged = clusterRecords(records)
      .clusters.filter((c) => c.members.length > 1)
      .map((c) => c.members.join(' + '));
    const sameTen = Array.from({ length: 10 }, (_, i) => `batch-10.marcxml#${i + 1} + camel.mrc#${i + 1}`);
    expect(merged.sort()).toEqual(
      [
        ...sameTen,
        'lc-sample-marc8.mrc#1 + lc-sample-marc8.mrc#2',
        'opera-43.marcxml#12 + opera-43.marcxml#13',
      ].sort(),
    );
  });
});
