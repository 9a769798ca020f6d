import type { ClusterRecord } from './cluster.ts';
import { blockingKeys, sharedKeys, type KeyOptions } from './keys.ts';
import { resolveDecisions, type ManualDecision } from './manual.ts';
import { compareRecords, type MatchExplanation } from './rules.ts';

/** A record already clustered, as the database returns it for one of the new record's blocking keys. */
export type ClusteredCandidate = ClusterRecord & { clusterId: string };

/** Who is in a cluster: enough to apply the one-record-per-library rule and the staff decisions. */
export type ClusterMembers = { clusterId: string; members: { id: string; library: string }[] };

export type ClusterMatch = { clusterId: string; recordId: string; explanation: MatchExplanation };

export type Placement = {
  /** "join" an existing cluster, or start a "new" one. */
  action: 'join' | 'new';
  clusterId: string | undefined;
  /** Why: the best match in the joined cluster, or a staff merge. */
  match?: ClusterMatch;
  reason: string;
  /**
   * Other clusters the record also matches. A batch run would merge them into one when `mergeable` (no
   * library in common, no staff ban); the caller may do so now or leave it to the next batch re-clustering.
   */
  alsoMatched: (ClusterMatch & { mergeable: boolean })[];
  /** Matching clusters the record may not join, with the reason. */
  rejected: (ClusterMatch & { reason: string })[];
};

export type PlaceOptions = KeyOptions & { decisions?: readonly ManualDecision[] };

/**
 * Incremental clustering for ingest: the database looks up the clustered records sharing a blocking key with
 * the new record (`blockingKeys(record.features)`) and the membership of their clusters; this decides where the
 * new record goes. The record joins the cluster holding its strongest admissible match: no record of the same
 * library already in it (a reloaded record — same id — does not count against itself), no staff ban against a
 * member, and the record not split out by staff. A staff merge naming the record wins over everything.
 */
export function placeRecord(
  record: ClusterRecord,
  candidates: readonly ClusteredCandidate[],
  clusters: readonly ClusterMembers[],
  options: PlaceOptions = {},
): Placement {
  // The common case on ingest — a record nothing else shares a key with, and no staff decisions: done.
  if (candidates.length === 0 && clusters.length === 0 && !options.decisions?.length) {
    return { action: 'new', clusterId: undefined, reason: 'no match', alsoMatched: [], rejected: [] };
  }
  const manual = resolveDecisions(options.decisions);
  const membersOf = new Map(clusters.map((c) => [c.clusterId, c.members]));
  const keys = record.keys ?? blockingKeys(record.features, options);
  const clusterOfRecord = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) clusterOfRecord.set(m.id, c.clusterId);
  for (const c of candidates) clusterOfRecord.set(c.id, c.clusterId);

  const admissible = (clusterId: string): string | undefined => {
    const members = membersOf.get(clusterId) ?? candidates.filter((c) => c.clusterId === clusterId);
    const banned = manual.never.get(record.id);
    for (const m of members) {
      if (m.id === record.id) continue;
      if (m.library === record.library)
        return `the cluster already holds ${m.id} of library ${record.library}`;
      if (banned?.has(m.id)) return `staff decided never to merge ${record.id} with ${m.id}`;
    }
    return undefined;
  };

  // A staff merge naming this record decides.
  for (const m of manual.merges) {
    const other = m.a === record.id ? m.b : m.b === record.id ? m.a : undefined;
    const clusterId = other !== undefined ? clusterOfRecord.get(other) : undefined;
    if (clusterId) {
      return {
        action: 'join',
        clusterId,
        reason: `merged by staff with ${other}${m.note ? `: ${m.note}` : ''}`,
        alsoMatched: [],
        rejected: [],
      };
    }
  }

  // Best match per cluster, in a deterministic order (bulk comparisons: matches are still fully explained).
  const best = new Map<string, ClusterMatch>();
  const compareOptions = { ...options, sharedKeys: [], explain: false };
  const sorted = [...candidates].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (!manual.isolated.has(record.id)) {
    for (const c of sorted) {
      if (c.id === record.id || c.library === record.library || manual.isolated.has(c.id)) continue;
      const explanation = compareRecords(record.features, c.features, compareOptions);
      if (explanation.decision !== 'match') continue;
      explanation.sharedKeys = sharedKeys(keys, c.keys ?? blockingKeys(c.features, options));
      const current = best.get(c.clusterId);
      if (!current || explanation.strength > current.explanation.strength) {
        best.set(c.clusterId, { clusterId: c.clusterId, recordId: c.id, explanation });
      }
    }
  }
  const ranked = [...best.values()].sort(
    (x, y) => y.explanation.strength - x.explanation.strength || (x.clusterId < y.clusterId ? -1 : 1),
  );
  const rejected: Placement['rejected'] = [];
  let chosen: ClusterMatch | undefined;
  const others: ClusterMatch[] = [];
  for (const m of ranked) {
    const reason = admissible(m.clusterId);
    if (reason) rejected.push({ ...m, reason });
    else if (!chosen) chosen = m;
    else others.push(m);
  }
  if (!chosen) {
    const why = manual.isolated.has(record.id)
      ? 'split out by staff'
      : ranked.length
        ? 'every matching cluster was ruled out'
        : 'no match';
    // A reloaded record alone in its cluster keeps it (idempotent reloads); one that no longer matches the
    // others of its cluster leaves it.
    const own = clusterOfRecord.get(record.id);
    const alone = own !== undefined && (membersOf.get(own) ?? []).every((m) => m.id === record.id);
    return alone
      ? { action: 'join', clusterId: own, reason: `${why}; keeps its own cluster`, alsoMatched: [], rejected }
      : { action: 'new', clusterId: undefined, reason: why, alsoMatched: [], rejected };
  }
  const libraries = new Set((membersOf.get(chosen.clusterId) ?? []).map((m) => m.library));
  libraries.add(record.library);
  const alsoMatched = others.map((m) => {
    const members = membersOf.get(m.clusterId) ?? [];
    const banned = members.some((x) => manual.never.get(record.id)?.has(x.id));
    return { ...m, mergeable: !banned && members.every((x) => !libraries.has(x.library)) };
  });
  return {
    action: 'join',
    clusterId: chosen.clusterId,
    match: chosen,
    reason: `matches ${chosen.recordId}: ${chosen.explanation.summary}`,
    alsoMatched,
    rejected,
  };
}
