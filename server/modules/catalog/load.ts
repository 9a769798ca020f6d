import fs from 'node:fs';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { Db } from '../../platform/db/client.ts';
import { readMarc, type ReadItem } from './marc/index.ts';
import { extract, RecordRejected } from './extract.ts';
import { refreshClusters } from './clustering.ts';
import { applyBatch, identity, zero, type Prepared } from './load-apply.ts';
import * as q from './queries.ts';

/** Measured: per-batch costs (round trips, lookups) fade out by 2,000 records; a batch still commits in ~1 s. */
export const DEFAULT_BATCH_SIZE = 2000;

export type RunOptions = {
  batchSize?: number;
  /** Tests: stop (as if killed) after this many committed batches. */
  stopAfterBatches?: number;
};

export type RunOutcome = 'completed' | 'stopped' | 'skipped' | 'failed';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * Runs (or resumes) a load. Each batch commits in one transaction together with the load's checkpoint
 * (see applyBatch). While a batch's transaction runs, the next batch is read and extracted (pure CPU, no
 * database), so parsing overlaps the database's work; only one transaction is ever in flight.
 */
export async function runLoad(db: Db, loadId: string, options: RunOptions = {}): Promise<RunOutcome> {
  const load = await q.findLoad(db, loadId);
  if (!load || load.status === 'completed' || load.status === 'failed') return 'skipped';
  await q.updateLoad(db, loadId, { status: 'running', startedAt: load.startedAt ?? new Date() });
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let stream: fs.ReadStream | undefined;
  let inFlight: Promise<void> | undefined;
  try {
    stream = fs.createReadStream(load.filePath, { highWaterMark: 1 << 20 });
    const format = load.format === 'auto' ? undefined : load.format;
    let index = 0;
    let batch = newBatch();
    let committed = 0;
    const stop = () => options.stopAfterBatches !== undefined && committed >= options.stopAfterBatches;
    const submit = async (prepared: Prepared) => {
      await inFlight;
      committed += inFlight ? 1 : 0;
      if (stop()) return false;
      inFlight = applyBatch(db, load, prepared);
      // Awaited before the next batch (or at the end); until then a failure must not go unhandled.
      inFlight.catch(() => undefined);
      return true;
    };
    // Resuming re-reads the items already applied (parsing is cheap next to the database work) and skips them.
    for await (const item of readMarc(stream, format)) {
      index++;
      if (index <= load.recordsDone) continue;
      add(load, batch, item);
      if (batch.items % YIELD_EVERY === 0) await yieldToIo();
      if (batch.items < size) continue;
      batch.doneAfter = index;
      if (!(await submit(batch))) return 'stopped';
      batch = newBatch();
    }
    batch.doneAfter = index;
    if (batch.items && !(await submit(batch))) return 'stopped';
    await inFlight;
    await finish(db, load);
    return 'completed';
  } catch (error) {
    await inFlight?.catch(() => undefined);
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
      await q.lockClusterPlacement(tx);
      const absent = await q.recordsNotSeen(tx, load.libraryId, load.id);
      const left = await q.withdrawRecords(tx, absent, load.id);
      await refreshClusters(tx, left);
      await q.advanceLoad(tx, load.id, { ...zero(), withdrawn: absent.length, bytesRead: load.fileSize });
    }
    await q.updateLoad(tx, load.id, { status: 'completed', finishedAt: new Date(), error: null });
  });
}

/** Records extracted between two looks at the network, so the batch in flight is not kept waiting. */
const YIELD_EVERY = 100;

const newBatch = (): Prepared => ({
  entries: new Map(),
  problems: [],
  counts: zero(),
  items: 0,
  doneAfter: 0,
  bytesRead: 0,
});

/**
 * Extracts a record into the batch being built, or notes its rejection (no database access). Records are
 * extracted as they are read and only the extract is kept: a batch of parsed MARC trees kept alive until
 * its transaction ran cost more in garbage collection than the parsing itself.
 */
function add(load: q.LoadRow, batch: Prepared, item: ReadItem) {
  batch.items++;
  const reject = (recordNumber: number, byteOffset: number, reason: string) => {
    batch.problems.push({ loadId: load.id, recordNumber, byteOffset, reason, controlNumber: null });
    batch.counts.rejected++;
  };
  if (item.kind === 'error') {
    const p = item.problem;
    batch.bytesRead = Math.max(batch.bytesRead, p.byteOffset);
    reject(p.recordNumber, p.byteOffset, p.reason);
    return;
  }
  batch.bytesRead = Math.max(batch.bytesRead, item.byteOffset);
  try {
    const x = extract(item.record, load.holdingsTag);
    const key = identity(x.controlSource, x.controlNumber);
    // Within a batch a repeated 001 keeps the last occurrence; the earlier one counts as unchanged.
    if (batch.entries.has(key)) batch.counts.unchanged++;
    batch.entries.set(key, { x });
  } catch (error) {
    const reason = error instanceof RecordRejected ? error.message : `unusable record: ${message(error)}`;
    reject(item.recordNumber, item.byteOffset, reason);
  }
}
