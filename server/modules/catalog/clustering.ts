import crypto from 'node:crypto';
import type { Db } from '../../platform/db/client.ts';
import {
  placeRecord,
  type ClusteredCandidate,
  type ManualDecision,
  type MatchFeatures,
} from './dedup/index.ts';
import * as q from './queries.ts';

// Staff split/merge (service.ts) refresh clusters from here.
export { refreshClusters } from './cluster-summary.ts';

/** A changed or new record of a batch, ready to be placed. */
export type ToPlace = {
  id: string;
  library: string;
  features: MatchFeatures;
  keys: string[];
  /** Its cluster before this load (reloaded records). */
  previousCluster: string | null;
};

export type Placed = { clusterId: string; explanation: unknown };

export type BatchPlacement = {
  placed: Map<string, Placed>;
  newClusters: string[];
  /** Clusters that gained or lost members: their summary is recomputed. */
  touched: Set<string>;
  /** Membership after the batch of (at least) every touched cluster. */
  members: Map<string, Member[]>;
};

export type Member = { id: string; library: string };

/**
 * Popular blocking keys return the same candidates batch after batch; their features (the largest column
 * read) are cached per process, keyed by id and content hash so an updated record is never read stale.
 */
const featureCache = new Map<string, { hash: string; features: MatchFeatures }>();
const FEATURE_CACHE_LIMIT = 200_000;

/** Records just written are the likeliest candidates of the next batch. */
export function rememberFeatures(id: string, hash: string, features: MatchFeatures) {
  if (featureCache.size < FEATURE_CACHE_LIMIT) featureCache.set(id, { hash, features });
}

async function featuresFor(db: Db, rows: { id: string; contentHash: string }[]) {
  const out = new Map<string, MatchFeatures>();
  const missing = new Set<string>();
  for (const r of rows) {
    const hit = featureCache.get(r.id);
    if (hit && hit.hash === r.contentHash) out.set(r.id, hit.features);
    else missing.add(r.id);
  }
  if (featureCache.size + missing.size > FEATURE_CACHE_LIMIT) featureCache.clear();
  for (const r of await q.featuresOf(db, [...missing])) {
    const features = r.features as MatchFeatures;
    featureCache.set(r.id, { hash: r.contentHash, features });
    out.set(r.id, features);
  }
  return out;
}

export function toDecisions(rows: Awaited<ReturnType<typeof q.decisionsAbout>>): ManualDecision[] {
  return rows.map((d) =>
    d.kind === 'split'
      ? { kind: 'split', a: d.recordA, ...(d.note ? { note: d.note } : {}) }
      : { kind: d.kind, a: d.recordA, b: d.recordB ?? d.recordA, ...(d.note ? { note: d.note } : {}) },
  );
}

/**
 * Places a batch of records. The database is read three times per batch (candidates by key, decisions,
 * cluster membership), never per record; records of the batch then become candidates for the ones after
 * them in memory, so a batch clusters exactly as if its records had been loaded one by one.
 */
export async function placeBatch(db: Db, records: ToPlace[]): Promise<BatchPlacement> {
  const batchIds = new Set(records.map((r) => r.id));
  const keys = [...new Set(records.flatMap((r) => r.keys))];
  const byKey = new Map<string, ClusteredCandidate[]>();
  // Stored versions of this batch's own records are stale: they are re-added as they are placed.
  const found = (await q.candidatesByKeys(db, keys)).filter((c) => !batchIds.has(c.id));
  const features = await featuresFor(db, found);
  for (const c of found) {
    const list = byKey.get(c.key) ?? [];
    list.push({ id: c.id, library: c.library, clusterId: c.clusterId!, features: features.get(c.id)! });
    byKey.set(c.key, list);
  }
  const candidateIds = new Set([...byKey.values()].flatMap((l) => l.map((c) => c.id)));
  const decisionRows = await q.decisionsAbout(db, [...batchIds, ...candidateIds]);
  const decisions = toDecisions(decisionRows);
  // Staff merges may name records outside the candidate set: their clusters are needed too.
  const named = decisionRows.flatMap((d) => [d.recordA, d.recordB ?? d.recordA]);
  const clusterOf = new Map<string, string>();
  for (const r of await q.clustersOfRecords(db, named)) if (r.clusterId) clusterOf.set(r.id, r.clusterId);
  const clusterIds = new Set<string>([...clusterOf.values()]);
  for (const list of byKey.values()) for (const c of list) clusterIds.add(c.clusterId);
  for (const r of records) if (r.previousCluster) clusterIds.add(r.previousCluster);
  const members = new Map<string, Member[]>();
  for (const m of await q.clusterMembership(db, [...clusterIds])) {
    const list = members.get(m.clusterId!) ?? [];
    list.push({ id: m.id, library: m.library });
    members.set(m.clusterId!, list);
  }

  const result: BatchPlacement = { placed: new Map(), newClusters: [], touched: new Set(), members };
  for (const record of records) {
    const seen = new Set<string>();
    const candidates: ClusteredCandidate[] = [];
    for (const key of record.keys) {
      for (const c of byKey.get(key) ?? []) {
        if (seen.has(c.id) || c.id === record.id) continue;
        seen.add(c.id);
        candidates.push(c);
      }
    }
    const current = result.placed.get(record.id)?.clusterId ?? record.previousCluster;
    const relevant = new Set(candidates.map((c) => c.clusterId));
    if (current) relevant.add(current);
    for (const d of decisions) {
      if (d.kind === 'merge' && (d.a === record.id || d.b === record.id)) {
        const other = clusterOf.get(d.a === record.id ? d.b : d.a);
        if (other) relevant.add(other);
      }
    }
    const clusters = [...relevant].map((clusterId) => ({ clusterId, members: members.get(clusterId) ?? [] }));
    const placement = placeRecord(
      { id: record.id, library: record.library, features: record.features, keys: record.keys },
      candidates,
      clusters,
      { decisions },
    );
    let target = placement.clusterId;
    if (placement.action === 'new' || !target) {
      target = crypto.randomUUID();
      result.newClusters.push(target);
    }
    if (current && current !== target) {
      members.set(
        current,
        (members.get(current) ?? []).filter((m) => m.id !== record.id),
      );
      result.touched.add(current);
    }
    const list = members.get(target) ?? [];
    if (!list.some((m) => m.id === record.id)) list.push({ id: record.id, library: record.library });
    members.set(target, list);
    clusterOf.set(record.id, target);
    result.touched.add(target);
    // Each record of the batch is placed once and stored candidates exclude the batch: a plain append.
    const asCandidate = { ...record, clusterId: target };
    for (const key of record.keys) {
      const l = byKey.get(key);
      if (l) l.push(asCandidate);
      else byKey.set(key, [asCandidate]);
    }
    result.placed.set(record.id, {
      clusterId: target,
      explanation: {
        reason: placement.reason,
        match: placement.match ?? null,
        rejected: placement.rejected.map((r) => ({ recordId: r.recordId, reason: r.reason })),
      },
    });
  }
  return result;
}
