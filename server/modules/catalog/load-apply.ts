import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Extracted } from './extract.ts';
import { placeBatch, refreshClusters, rememberFeatures, type ToPlace } from './clustering.ts';
import { storedMembers, summarize, type MemberInfo } from './cluster-summary.ts';
import * as q from './queries.ts';

/** One batch of a load, extracted and ready for its transaction (built while the previous one commits). */
export type Prepared = {
  entries: Map<string, Entry>;
  problems: q.ProblemRow[];
  counts: Counts;
  /** Items of the file in the batch, rejected ones included. */
  items: number;
  /** Checkpoint after this batch: items of the file fully applied, and the byte offset reached. */
  doneAfter: number;
  bytesRead: number;
};

export type Entry = { x: Extracted };
export type Counts = Omit<q.Progress, 'recordsDone' | 'bytesRead'>;
type Existing = Awaited<ReturnType<typeof q.findByControlNumbers>>[number];
type Changed = Entry & { id: string; previous: Existing | undefined };

export const zero = (): Counts => ({ added: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 });
export const identity = (source: string, number: string) => `${source}\u0000${number}`;

/**
 * Applies one batch in one transaction together with the load's checkpoint, so after a crash the load
 * resumes after the last committed batch: nothing is half-applied, and a re-run batch finds its records
 * unchanged by hash.
 *
 * synchronous_commit is off for these transactions: the server acknowledges the commit before its WAL
 * reaches the disk. A crash can then lose the last few acknowledged batches, but never part of one (the WAL
 * replays whole transactions in order), and the checkpoint lost with them makes the resumed load re-apply
 * exactly those batches. Anything that depends on a batch (the load's completion, the job's) commits later
 * and synchronously, which flushes the WAL up to and including every earlier batch.
 */
export async function applyBatch(db: Db, load: q.LoadRow, batch: Prepared) {
  const { entries, counts } = batch;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await tx.execute(sql`SET LOCAL synchronous_commit = off`);
    await q.lockClusterPlacement(tx);
    const numbers = [...new Set([...entries.values()].map((e) => e.x.controlNumber))];
    const existing = new Map(
      (await q.findByControlNumbers(tx, load.libraryId, numbers)).map((r) => [
        identity(r.controlSource, r.controlNumber),
        r,
      ]),
    );
    if (load.mode === 'delete') {
      const ids: string[] = [];
      for (const [key] of entries) {
        const ex = existing.get(key);
        if (ex?.status === 'active') ids.push(ex.id);
        else counts.unchanged++;
      }
      counts.withdrawn += ids.length;
      await refreshClusters(tx, await q.withdrawRecords(tx, ids, load.id));
    } else {
      await upsertBatch(tx, load, entries, existing, counts);
    }
    await q.insertProblems(tx, batch.problems);
    await q.advanceLoad(tx, load.id, { ...counts, recordsDone: batch.doneAfter, bytesRead: batch.bytesRead });
  });
}

async function upsertBatch(
  tx: Db,
  load: q.LoadRow,
  entries: Map<string, Entry>,
  existing: Map<string, Existing>,
  counts: Counts,
) {
  const seen: string[] = [];
  const changed: Changed[] = [];
  for (const [key, e] of entries) {
    const ex = existing.get(key);
    if (ex && ex.status === 'active' && ex.contentHash === e.x.contentHash) {
      counts.unchanged++;
      seen.push(ex.id);
      continue;
    }
    if (ex) counts.updated++;
    else counts.added++;
    changed.push({ ...e, id: ex?.id ?? crypto.randomUUID(), previous: ex });
  }
  if (load.mode === 'replace') await q.markSeen(tx, seen, load.id);
  if (changed.length === 0) return;

  const toPlace: ToPlace[] = changed.map((c) => ({
    id: c.id,
    library: load.libraryId,
    features: c.x.features,
    keys: c.x.keys,
    // A withdrawn record has no cluster any more; an active one is re-placed from where it is.
    previousCluster: c.previous?.status === 'active' ? c.previous.clusterId : null,
  }));
  const placement = await placeBatch(tx, toPlace);

  // Cluster summaries come from the batch's records in memory plus the members it did not touch.
  const inBatch = new Map<string, MemberInfo>(changed.map((c) => [c.id, memberOf(c, load.libraryId)]));
  const others = new Set<string>();
  for (const id of placement.touched)
    for (const m of placement.members.get(id) ?? []) if (!inBatch.has(m.id)) others.add(m.id);
  const stored = new Map((await storedMembers(tx, [...others])).map((m) => [m.id, m]));
  const clusters = [];
  const empty: string[] = [];
  for (const id of placement.touched) {
    const list = (placement.members.get(id) ?? []).flatMap(
      (m) => inBatch.get(m.id) ?? stored.get(m.id) ?? [],
    );
    if (list.length) clusters.push(summarize(id, list));
    else empty.push(id);
  }

  // Clusters first (records reference them), empty ones last (once nothing references them).
  await q.writeClusters(tx, clusters);
  await q.writeRecords(
    tx,
    changed.map((c) => {
      const placed = placement.placed.get(c.id)!;
      return {
        id: c.id,
        libraryId: load.libraryId,
        controlSource: c.x.controlSource,
        controlNumber: c.x.controlNumber,
        marcJson: q.jsonText(c.x.marcJson)!,
        featuresJson: q.jsonText(c.x.features)!,
        searchFieldsJson: q.jsonText(c.x.search),
        contentHash: c.x.contentHash,
        format: c.x.features.format,
        electronic: c.x.features.electronic,
        title: c.x.title,
        author: c.x.author,
        year: c.x.year,
        language: c.x.language,
        clusterId: placed.clusterId,
        matchExplanationJson: q.jsonText(placed.explanation),
        lastLoadId: load.id,
      };
    }),
  );
  // Only records that were stored before have keys and holdings to replace.
  await q.clearKeysAndHoldings(
    tx,
    changed.filter((c) => c.previous).map((c) => c.id),
  );
  await q.writeKeysAndHoldings(
    tx,
    changed.flatMap((c) => [...new Set(c.x.keys)].map((key) => ({ recordId: c.id, key }))),
    changed.flatMap((c) => c.x.holdings.map((h) => ({ ...h, recordId: c.id, libraryId: load.libraryId }))),
  );
  await q.deleteClusters(tx, empty);
  await q.noteSearchChanges(tx, [...placement.touched]);
  for (const c of changed) rememberFeatures(c.id, c.x.contentHash, c.x.features);
}

const memberOf = (c: Changed, library: string): MemberInfo => ({
  id: c.id,
  library,
  title: c.x.title,
  author: c.x.author,
  year: c.x.year,
  language: c.x.language,
  format: c.x.features.format,
  electronic: c.x.features.electronic,
  features: c.x.features,
  searchFields: c.x.search,
});
