import { describe, expect, it } from 'vitest';
import { chooseDisplayRecord, clusterRecords, type ClusterRecord } from './cluster.ts';
import { extractFeatures } from './features.ts';
import { placeRecord, type ClusterMembers, type ClusteredCandidate } from './incremental.ts';
import { blockingKeys } from './keys.ts';
import type { ManualDecision } from './manual.ts';
import { build, type Spec } from './testing/builder.ts';

const MANGO: Spec = {
  title: 'The house on Mango Street',
  nonfiling: 4,
  author: 'Cisneros, Sandra.',
  isbn: ['0679734775'],
  year: 1991,
  publisher: 'Vintage Books',
  extent: '110 p.',
};
const ULTIMA: Spec = { title: 'Bless me, Ultima', author: 'Anaya, Rudolfo A.', year: 1994, extent: '262 p.' };

const rec = (id: string, library: string, spec: Spec): ClusterRecord => {
  const features = extractFeatures(build(spec));
  return { id, library, features, keys: blockingKeys(features) };
};
const partition = (records: ClusterRecord[], decisions?: ManualDecision[]) =>
  clusterRecords(records, { decisions }).clusters.map((c) => c.members);

describe('clusterRecords', () => {
  const records = [
    rec('a1', 'A', MANGO),
    rec('b1', 'B', { ...MANGO, isbn: ['978-0-679-73477-2'] }),
    rec('c1', 'C', { ...MANGO, isbn: undefined, title: 'THE HOUSE ON MANGO STREET' }),
    rec('a2', 'A', ULTIMA),
    rec('d1', 'D', { ...ULTIMA, author: 'Anaya, R. A.' }),
    rec('d2', 'D', { ...MANGO, kind: 'ebook' }),
  ];

  it('clusters matching records of different libraries and explains each link', () => {
    const result = clusterRecords(records);
    expect(result.clusters.map((c) => c.members)).toEqual([['a1', 'b1', 'c1'], ['a2', 'd1'], ['d2']]);
    const mango = result.clusters[0]!;
    expect(mango.id).toBe('a1');
    expect(mango.links.map((l) => [l.a, l.b, l.via, l.explanation?.decidedBy])).toEqual([
      ['a1', 'b1', 'match', 'isbn'],
      ['a1', 'c1', 'match', 'score'],
    ]);
    expect(mango.links[0]!.explanation!.sharedKeys).toContain('book|isbn:9780679734772');
    expect(result.stats).toMatchObject({ records: 6, matches: 4 });
  });

  it('never puts two records of one library in a cluster, keeping the stronger pair', () => {
    // Library A has two records of the book; B's record matches both, the one with the shared ISBN wins.
    const result = clusterRecords([
      rec('a1', 'A', MANGO),
      rec('a9', 'A', { ...MANGO, isbn: undefined }),
      rec('b1', 'B', MANGO),
    ]);
    expect(result.clusters.map((c) => c.members)).toEqual([['a1', 'b1'], ['a9']]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ a: 'a9', b: 'b1' });
    expect(result.rejected[0]!.reason).toMatch(/two records of library A \(a9 and a1\)/);
  });

  it('honours "never merge A with B"', () => {
    const result = clusterRecords(records, { decisions: [{ kind: 'never', a: 'c1', b: 'a1' }] });
    expect(result.clusters.map((c) => c.members)).toEqual([['a1', 'b1'], ['a2', 'd1'], ['c1'], ['d2']]);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'staff decided never to merge a1 with c1', // a1–c1 itself
      'staff decided never to merge a1 with c1', // b1–c1, once b1 is with a1
    ]);
  });

  it('honours "split A out" and later "merge A with B", also across the library rule', () => {
    expect(partition(records, [{ kind: 'split', a: 'b1' }])).toEqual([
      ['a1', 'c1'],
      ['a2', 'd1'],
      ['b1'],
      ['d2'],
    ]);
    const merged = clusterRecords(records, {
      decisions: [
        { kind: 'split', a: 'b1' },
        { kind: 'merge', a: 'd2', b: 'b1', note: 'same content, catalogued as e-book by mistake' },
        { kind: 'merge', a: 'a2', b: 'a1' },
      ],
    });
    expect(merged.clusters.map((c) => c.members)).toEqual([
      ['a1', 'a2', 'c1', 'd1'],
      ['b1', 'd2'],
    ]);
    expect(merged.clusters[1]!.links).toEqual([
      { a: 'd2', b: 'b1', via: 'staff', note: 'same content, catalogued as e-book by mistake' },
    ]);
  });

  it('lets a later decision on the same pair replace an earlier one, and reports contradictions', () => {
    const lifted = partition(records, [
      { kind: 'never', a: 'a1', b: 'b1' },
      { kind: 'merge', a: 'a1', b: 'b1' },
    ]);
    expect(lifted[0]).toEqual(['a1', 'b1', 'c1']);
    const result = clusterRecords(records, {
      decisions: [
        { kind: 'never', a: 'a2', b: 'd2' },
        { kind: 'merge', a: 'a2', b: 'd1' },
        { kind: 'merge', a: 'd1', b: 'd2' },
      ],
    });
    expect(result.conflicts).toEqual([
      'staff merge of d1 with d2 not applied: staff also decided never to merge a2 with d2',
    ]);
  });

  it('is deterministic whatever the input order, and takes a repeated id once', () => {
    const expected = JSON.stringify(clusterRecords(records));
    for (let seed = 1; seed <= 5; seed++) {
      const shuffled = [...records].sort(
        (x, y) =>
          ((x.id.charCodeAt(1) * seed) % 7) - ((y.id.charCodeAt(1) * seed) % 7) || (seed % 2 ? 1 : -1),
      );
      expect(JSON.stringify(clusterRecords(shuffled))).toBe(expected);
    }
    expect(JSON.stringify(clusterRecords([...records, records[0]!, records[3]!]))).toBe(expected);
  });

  it('splits oversized blocks by year', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      rec(`r${String(i).padStart(2, '0')}`, `L${i}`, {
        title: 'Annual report',
        publisher: 'State Library',
        extent: '20 p.',
        year: 2000 + (i % 6),
      }),
    );
    const result = clusterRecords(many, { maxBlockSize: 4 });
    expect(result.stats.skippedBlocks).toBe(0);
    expect(result.clusters).toHaveLength(6);
    // Too small even by year: the title key's six year groups and the six title-year blocks are skipped.
    expect(clusterRecords(many, { maxBlockSize: 1 }).stats.skippedBlocks).toBe(12);
  });
});

describe('chooseDisplayRecord', () => {
  const candidate = (id: string, spec: Spec) => ({ id, features: extractFeatures(build(spec)) });

  it('prefers richer, authoritative records and penalises ALL-CAPS titles', () => {
    const caps = candidate('x1', {
      ...MANGO,
      title: 'THE HOUSE ON MANGO STREET',
      extra: ['500 __ $aNote.', '650 _0 $aA.', '650 _0 $aB.'],
    });
    const plain = candidate('x2', MANGO);
    const lc = candidate('x3', { ...MANGO, source: 'DLC' });
    expect(chooseDisplayRecord([caps, plain]).recordId).toBe('x2');
    const choice = chooseDisplayRecord([caps, plain, lc]);
    expect(choice.recordId).toBe('x3');
    expect(choice.reason).toMatch(/catalogued by DLC \(\+30\)/);
    expect(choice.scores.find((s) => s.id === 'x1')!.parts).toContain('ALL-CAPS title (−40)');
  });

  it('breaks ties by id and explains single-record clusters', () => {
    expect(chooseDisplayRecord([candidate('b', MANGO), candidate('a', MANGO)])).toMatchObject({
      recordId: 'a',
    });
    expect(chooseDisplayRecord([candidate('a', MANGO)]).reason).toBe('only record in its cluster');
  });
});

describe('placeRecord (incremental)', () => {
  const existing = [
    { ...rec('a1', 'A', MANGO), clusterId: 'a1' },
    { ...rec('b1', 'B', { ...MANGO, isbn: undefined }), clusterId: 'a1' },
    { ...rec('c1', 'C', ULTIMA), clusterId: 'c1' },
  ] satisfies ClusteredCandidate[];
  const clusters: ClusterMembers[] = [
    {
      clusterId: 'a1',
      members: [
        { id: 'a1', library: 'A' },
        { id: 'b1', library: 'B' },
      ],
    },
    { clusterId: 'c1', members: [{ id: 'c1', library: 'C' }] },
  ];

  it('joins the cluster of the best match and explains it', () => {
    const placement = placeRecord(
      rec('d1', 'D', { ...MANGO, isbn: ['978-0-679-73477-2'] }),
      existing,
      clusters,
    );
    expect(placement).toMatchObject({ action: 'join', clusterId: 'a1', match: { recordId: 'a1' } });
    expect(placement.match!.explanation.decidedBy).toBe('isbn');
    expect(placement.reason).toMatch(/^matches a1: Same \(shared ISBN\)/);
  });

  it('starts a new cluster when nothing matches or the library is already in the matching cluster', () => {
    expect(placeRecord(rec('d1', 'D', { title: 'Ceremony', year: 1977 }), existing, clusters)).toMatchObject({
      action: 'new',
      reason: 'no match',
    });
    const sameLibrary = placeRecord(rec('b2', 'B', MANGO), existing, clusters);
    expect(sameLibrary.action).toBe('new');
    expect(sameLibrary.rejected[0]!.reason).toBe('the cluster already holds b1 of library B');
  });

  it('reports other matching clusters and whether they could be merged', () => {
    const split = [...existing, { ...rec('e1', 'E', MANGO), clusterId: 'e1' }];
    const placement = placeRecord(rec('d1', 'D', MANGO), split, [
      ...clusters,
      { clusterId: 'e1', members: [{ id: 'e1', library: 'E' }] },
    ]);
    expect(placement.clusterId).toBe('a1');
    expect(placement.alsoMatched).toMatchObject([{ clusterId: 'e1', recordId: 'e1', mergeable: true }]);
  });

  it('applies staff decisions: merge wins, split and never keep it out', () => {
    const d1 = rec('d1', 'D', { title: 'Something else' });
    expect(
      placeRecord(d1, existing, clusters, { decisions: [{ kind: 'merge', a: 'c1', b: 'd1' }] }),
    ).toMatchObject({ action: 'join', clusterId: 'c1' });
    const mango = rec('d1', 'D', MANGO);
    expect(placeRecord(mango, existing, clusters, { decisions: [{ kind: 'split', a: 'd1' }] })).toMatchObject(
      { action: 'new', reason: 'split out by staff' },
    );
    const banned = placeRecord(mango, existing, clusters, {
      decisions: [{ kind: 'never', a: 'b1', b: 'd1' }],
    });
    expect(banned.action).toBe('new');
    expect(banned.rejected[0]!.reason).toBe('staff decided never to merge d1 with b1');
  });

  it('is idempotent for a reloaded record', () => {
    const again = placeRecord(rec('a1', 'A', MANGO), existing, clusters);
    expect(again).toMatchObject({ action: 'join', clusterId: 'a1', match: { recordId: 'b1' } });
    const alone = placeRecord(rec('c1', 'C', ULTIMA), existing, clusters);
    expect(alone).toMatchObject({ action: 'join', clusterId: 'c1' });
  });

  it('builds the same clusters as a batch run when records arrive one by one', () => {
    const specs: [string, string, Spec][] = [
      ['a1', 'A', MANGO],
      ['b1', 'B', { ...MANGO, isbn: undefined, title: 'THE HOUSE ON MANGO STREET' }],
      ['c1', 'C', ULTIMA],
      ['d1', 'D', { ...MANGO, kind: 'ebook' }],
      ['e1', 'E', { ...ULTIMA, author: 'Anaya, R.' }],
      ['f1', 'F', { ...MANGO, isbn: ['978-0-679-73477-2'], year: 1994 }],
      ['a2', 'A', { ...ULTIMA, year: 1972 }],
    ];
    const all = specs.map(([id, lib, spec]) => rec(id, lib, spec));
    const clusterOf = new Map<string, string>();
    const index = new Map<string, ClusterRecord[]>();
    for (const r of all) {
      const candidates = [...new Set(r.keys!.flatMap((k) => index.get(k) ?? []))].map((c) => ({
        ...c,
        clusterId: clusterOf.get(c.id)!,
      }));
      const ids = new Set(candidates.map((c) => c.clusterId));
      const members = [...ids].map((clusterId) => ({
        clusterId,
        members: all
          .filter((x) => clusterOf.get(x.id) === clusterId)
          .map((x) => ({ id: x.id, library: x.library })),
      }));
      const placement = placeRecord(r, candidates, members);
      clusterOf.set(r.id, placement.clusterId ?? r.id);
      for (const k of r.keys!) index.set(k, [...(index.get(k) ?? []), r]);
    }
    const incremental = [...new Set(clusterOf.values())]
      .map((c) =>
        all
          .filter((r) => clusterOf.get(r.id) === c)
          .map((r) => r.id)
          .sort(),
      )
      .sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    expect(incremental).toEqual(partition(all));
  });
});
