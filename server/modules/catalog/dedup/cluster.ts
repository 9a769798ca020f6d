import { chooseDisplayRecord, type DisplayChoice, type DisplayOptions } from './display.ts';
import { extractFeatures, type MatchFeatures } from './features.ts';
import { blockingKeys, sharedKeys, type KeyOptions } from './keys.ts';
import { resolveDecisions, type ManualDecision } from './manual.ts';
import { compareRecords, type MatchExplanation } from './rules.ts';
import type { MarcRecord } from '../marc/record.ts';

export { chooseDisplayRecord } from './display.ts';

/** A record as the clusterer sees it; `id` is unique across the consortium (e.g. library + local 001). */
export type ClusterRecord = { id: string; library: string; features: MatchFeatures; keys?: string[] };

export function toClusterRecord(
  id: string,
  library: string,
  record: MarcRecord,
  options: KeyOptions = {},
): ClusterRecord {
  const features = extractFeatures(record);
  return { id, library, features, keys: blockingKeys(features, options) };
}

export type ClusterLink = {
  a: string;
  b: string;
  via: 'match' | 'staff';
  explanation?: MatchExplanation;
  note?: string;
};
export type RejectedLink = { a: string; b: string; reason: string; explanation?: MatchExplanation };

export type Cluster = {
  /** The smallest member id: stable as long as that record stays in the cluster. */
  id: string;
  members: string[];
  /** The links that built the cluster — why its records were merged. */
  links: ClusterLink[];
  display: DisplayChoice;
};

export type ClusterOptions = KeyOptions &
  DisplayOptions & {
    decisions?: readonly ManualDecision[];
    /** Blocks larger than this are split by year, then skipped if still too large (default 200). */
    maxBlockSize?: number;
  };

export type ClusterResult = {
  clusters: Cluster[];
  /** Matches not applied, with the reason (same-library rule, staff decisions). */
  rejected: RejectedLink[];
  /** Staff merges that could not be applied because they contradict a `never` decision. */
  conflicts: string[];
  stats: { records: number; blocks: number; comparisons: number; matches: number; skippedBlocks: number };
};

/** Union-find state of one cluster root. */
type Group = { members: number[]; libraries: Map<string, number> };

/**
 * Clusters records in memory: block by keys, compare candidate pairs (never two records of the same library),
 * then union the matches strongest first (Kruskal order), refusing any union that would put two records of
 * one library in a cluster — so when A matches both B and C of the same library, the better-scoring pair is
 * kept and the other is reported with the reason. Staff decisions are applied first and win. Output is
 * deterministic: records, edges and clusters are processed and returned in a total order, whatever the input
 * order. A record id given twice is taken once (the last one), so reloading a file is idempotent.
 */
export function clusterRecords(input: readonly ClusterRecord[], options: ClusterOptions = {}): ClusterResult {
  const byId = new Map<string, ClusterRecord>();
  for (const r of input) byId.set(r.id, r);
  const records = [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const index = new Map(records.map((r, i) => [r.id, i]));
  const keys = records.map((r) => r.keys ?? blockingKeys(r.features, options));
  const manual = resolveDecisions(options.decisions);
  const maxBlock = options.maxBlockSize ?? 200;

  // Blocks; an oversized one (a generic title without author) is split by year — pairs of different years
  // cannot match on it anyway — and skipped if still too large.
  const n = records.length;
  const blocks = new Map<string, number[]>();
  keys.forEach((list, i) => {
    for (const k of list) {
      const block = blocks.get(k);
      if (block) block.push(i);
      else blocks.set(k, [i]);
    }
  });
  let skippedBlocks = 0;
  const memberships: number[][][] = Array.from({ length: n }, () => []);
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length <= maxBlock) {
      for (const i of block) memberships[i]!.push(block);
      continue;
    }
    const byYear = new Map<number, number[]>();
    for (const i of block) {
      const year = records[i]!.features.year ?? 0;
      const sub = byYear.get(year);
      if (sub) sub.push(i);
      else byYear.set(year, [i]);
    }
    for (const sub of byYear.values()) {
      if (sub.length > maxBlock) skippedBlocks++;
      else if (sub.length > 1) for (const i of sub) memberships[i]!.push(sub);
    }
  }

  // Candidate pairs, each compared once (a stamp per record instead of a set of pairs). Only the strength of
  // a match is kept; explanations are rebuilt for the links and rejections reported.
  const stamp = new Int32Array(n).fill(-1);
  const edges: { i: number; j: number; strength: number }[] = [];
  const compareOptions = { ...options, sharedKeys: [], explain: false };
  let comparisons = 0;
  for (let i = 0; i < n; i++) {
    const ri = records[i]!;
    if (manual.isolated.has(ri.id)) continue;
    for (const block of memberships[i]!) {
      for (const j of block) {
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        const rj = records[j]!;
        if (ri.library === rj.library || manual.isolated.has(rj.id)) continue;
        comparisons++;
        const result = compareRecords(ri.features, rj.features, compareOptions);
        if (result.decision === 'match') edges.push({ i, j, strength: result.strength });
      }
    }
  }
  const explain = (i: number, j: number): MatchExplanation =>
    compareRecords(records[i]!.features, records[j]!.features, {
      ...options,
      sharedKeys: sharedKeys(keys[i]!, keys[j]!),
    });

  // Union-find with the one-record-per-library rule.
  const parent = records.map((_, i) => i);
  // Groups are created on first use: most records stay alone, and a million Maps are not free.
  const groups = new Map<number, Group>();
  const group = (root: number): Group => {
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { members: [root], libraries: new Map([[records[root]!.library, root]]) }));
    return g;
  };
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const bannedBetween = (g: Group, h: Group): [string, string] | undefined => {
    for (const m of g.members) {
      const banned = manual.never.get(records[m]!.id);
      if (!banned) continue;
      for (const other of h.members)
        if (banned.has(records[other]!.id)) return [records[m]!.id, records[other]!.id];
    }
    return undefined;
  };
  const union = (ri: number, rj: number) => {
    const [big, small] = group(ri).members.length >= group(rj).members.length ? [ri, rj] : [rj, ri];
    const g = group(big);
    const h = group(small);
    parent[small] = big;
    for (const m of h.members) g.members.push(m);
    for (const [lib, m] of h.libraries) if (!g.libraries.has(lib)) g.libraries.set(lib, m);
    groups.delete(small);
  };
  const links = new Map<number, ClusterLink[]>();
  const addLink = (i: number, link: ClusterLink) => {
    const list = links.get(i);
    if (list) list.push(link);
    else links.set(i, [link]);
  };

  const conflicts: string[] = [];
  for (const m of manual.merges) {
    const i = index.get(m.a);
    const j = index.get(m.b);
    if (i === undefined || j === undefined) continue;
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const banned = bannedBetween(group(ri), group(rj));
    if (banned) {
      conflicts.push(
        `staff merge of ${m.a} with ${m.b} not applied: staff also decided never to merge ${banned[0]} with ${banned[1]}`,
      );
      continue;
    }
    union(ri, rj);
    addLink(i, { a: m.a, b: m.b, via: 'staff', note: m.note ?? 'merged by staff' });
  }

  edges.sort((x, y) => y.strength - x.strength || x.i - y.i || x.j - y.j);
  const rejected: RejectedLink[] = [];
  for (const { i, j, strength } of edges) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const a = records[i]!.id;
    const b = records[j]!.id;
    const g = group(ri);
    const h = group(rj);
    const clash = [...h.libraries.keys()].find((lib) => g.libraries.has(lib));
    if (clash !== undefined) {
      const x = records[g.libraries.get(clash)!]!.id;
      const y = records[h.libraries.get(clash)!]!.id;
      rejected.push({
        a,
        b,
        explanation: explain(i, j),
        reason:
          `would put two records of library ${clash} (${x} and ${y}) in one cluster; ` +
          `the stronger matches already made (strength ≥ ${strength.toFixed(2)}) were kept`,
      });
      continue;
    }
    const banned = bannedBetween(g, h);
    if (banned) {
      rejected.push({
        a,
        b,
        explanation: explain(i, j),
        reason: `staff decided never to merge ${banned[0]} with ${banned[1]}`,
      });
      continue;
    }
    union(ri, rj);
    addLink(i, { a, b, via: 'match', explanation: explain(i, j) });
  }

  // Collect, in a total order.
  const clusters: Cluster[] = [];
  const make = (members: number[]): Cluster => ({
    id: records[members[0]!]!.id,
    members: members.map((m) => records[m]!.id),
    links: members.flatMap((m) => links.get(m) ?? []),
    display: chooseDisplayRecord(
      members.map((m) => ({
        id: records[m]!.id,
        features: records[m]!.features,
        library: records[m]!.library,
      })),
      options,
    ),
  });
  for (let i = 0; i < n; i++) {
    if (find(i) !== i) continue;
    const g = groups.get(i);
    clusters.push(make(g ? g.members.sort((x, y) => x - y) : [i]));
  }
  clusters.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    clusters,
    rejected,
    conflicts,
    stats: { records: n, blocks: blocks.size, comparisons, matches: edges.length, skippedBlocks },
  };
}
