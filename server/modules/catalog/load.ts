import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../../platform/db/client.ts';
import { readMarc, type ReadItem } from './marc/index.ts';
import { extract, RecordRejected, type Extracted } from './extract.ts';
import { placeBatch, refreshClusters, rememberFeatures, type ToPlace } from './clustering.ts';
import * as q from './queries.ts';

export const DEFAULT_BATCH_SIZE = 500;

export type RunOptions = {
  batchSize?: number;
  /** Tests: stop (as if killed) after this many committed batches. */
  stopAfterBatches?: number;
};

export type RunOutcome = 'completed' | 'stopped' | 'skipped' | 'failed';

type Entry = { item: Extract<ReadItem, { kind: 'record' }>; x: Extracted };
type Counts = Omit<q.Progress, 'recordsDone' | 'bytesRead'>;

const identity = (source: string, number: string) => `${source}\u0000${number}`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * Runs (or resumes) a load. Each batch commits in one transaction together with the load's checkpoint
 * (items done, byte offset, counters, problems), so after a crash the load resumes after the last committed
 * batch: nothing is half-applied, and a batch that is re-run finds its records unchanged by hash.
 */
export async function runLoad(db: Db, loadId: string, options: RunOptions = {}): Promise<RunOutcome> {
  const load = await q.findLoad(db, loadId);
  if (!load || load.status === 'completed' || load.status === 'failed') return 'skipped';
  await q.updateLoad(db, loadId, { status: 'running', startedAt: load.startedAt ?? new Date() });
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let stream: fs.ReadStream | undefined;
  try {
    stream = fs.createReadStream(load.filePath, { highWaterMark: 1 << 20 });
    const format = load.format === 'auto' ? undefined : load.format;
    let index = 0;
    let batch: ReadItem[] = [];
    let batches = 0;
    // Resuming re-reads the items already applied (parsing is cheap next to the database work) and skips them.
    for await (const item of readMarc(stream, format)) {
      index++;
      if (index <= load.recordsDone) continue;
      batch.push(item);
      if (batch.length < size) continue;
      await applyBatch(db, load, batch, index);
      batch = [];
      if (options.stopAfterBatches !== undefined && ++batches >= options.stopAfterBatches) return 'stopped';
    }
    if (batch.length) await applyBatch(db, load, batch, index);
    await finish(db, load);
    return 'completed';
  } catch (error) {
    await q.updateLoad(db, loadId, { status: 'failed', error: message(error), finishedAt: new Date() });
    return 'failed';
  } finally {
    stream?.destroy();
  }
}

/** Ends the load; a full replace withdraws what it did not see, in the same transaction. */
async function finish(db: Db, load: q.LoadRow) {
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    if (load.mode === 'replace') {
      const absent = await q.recordsNotSeen(tx, load.libraryId, load.id);
      const left = await q.withdrawRecords(tx, absent, load.id);
      await refreshClusters(tx, left);
      await q.advanceLoad(tx, load.id, { ...zero(), withdrawn: absent.length, bytesRead: load.fileSize });
    }
    await q.updateLoad(tx, load.id, { status: 'completed', finishedAt: new Date(), error: null });
  });
}

const zero = (): Counts => ({ added: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 });

async function applyBatch(db: Db, load: q.LoadRow, items: ReadItem[], doneAfter: number) {
  const counts = zero();
  const problems: q.ProblemRow[] = [];
  const reject = (recordNumber: number, byteOffset: number, reason: string, controlNumber?: string) => {
    problems.push({
      loadId: load.id,
      recordNumber,
      byteOffset,
      reason,
      controlNumber: controlNumber ?? null,
    });
    counts.rejected++;
  };
  // Within a batch a repeated 001 keeps the last occurrence; the earlier one counts as unchanged.
  const entries = new Map<string, Entry>();
  let bytesRead = 0;
  for (const item of items) {
    if (item.kind === 'error') {
      const p = item.problem;
      bytesRead = Math.max(bytesRead, p.byteOffset);
      reject(p.recordNumber, p.byteOffset, p.reason);
      continue;
    }
    bytesRead = Math.max(bytesRead, item.byteOffset);
    try {
      const x = extract(item.record, load.holdingsTag);
      const key = identity(x.controlSource, x.controlNumber);
      if (entries.has(key)) counts.unchanged++;
      entries.set(key, { item, x });
    } catch (error) {
      const reason = error instanceof RecordRejected ? error.message : `unusable record: ${message(error)}`;
      reject(item.recordNumber, item.byteOffset, reason);
    }
  }

  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
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
    await q.insertProblems(tx, problems);
    await q.advanceLoad(tx, load.id, { ...counts, recordsDone: doneAfter, bytesRead });
  });
}

type Existing = Awaited<ReturnType<typeof q.findByControlNumbers>>[number];

async function upsertBatch(
  tx: Db,
  load: q.LoadRow,
  entries: Map<string, Entry>,
  existing: Map<string, Existing>,
  counts: Counts,
) {
  const seen: string[] = [];
  const changed: (Entry & { id: string; previous: Existing | undefined })[] = [];
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
  await q.insertClusters(tx, placement.newClusters);
  await q.upsertRecords(
    tx,
    changed.map((c) => {
      const placed = placement.placed.get(c.id)!;
      return {
        id: c.id,
        libraryId: load.libraryId,
        controlSource: c.x.controlSource,
        controlNumber: c.x.controlNumber,
        status: 'active' as const,
        marc: c.item.record,
        features: c.x.features,
        searchFields: c.x.search,
        contentHash: c.x.contentHash,
        format: c.x.features.format,
        electronic: c.x.features.electronic,
        title: c.x.title,
        author: c.x.author,
        year: c.x.year,
        language: c.x.language,
        clusterId: placed.clusterId,
        matchExplanation: placed.explanation,
        lastLoadId: load.id,
      };
    }),
  );
  await q.replaceKeysAndHoldings(
    tx,
    changed.map((c) => c.id),
    changed.flatMap((c) => [...new Set(c.x.keys)].map((key) => ({ recordId: c.id, key }))),
    changed.flatMap((c) => c.x.holdings.map((h) => ({ ...h, recordId: c.id, libraryId: load.libraryId }))),
  );
  await refreshClusters(tx, placement.touched);
  for (const c of changed) rememberFeatures(c.id, c.x.contentHash, c.x.features);
}
