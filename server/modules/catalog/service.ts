import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { ClusterView, Load, LoadUploadFields } from '../../../shared/contracts/catalog.ts';
import { refreshClusters } from './clustering.ts';
import { runLoad, type RunOptions } from './load.ts';
import { assertCanEditClusters } from './policy.ts';
import * as q from './queries.ts';

export const LOAD_JOB = 'catalog.load';
export const LOAD_SWEEP_JOB = 'catalog.load-sweep';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentLoad(l: q.LoadRow, now = Date.now()): Load {
  const seconds = l.startedAt ? ((l.finishedAt?.getTime() ?? now) - l.startedAt.getTime()) / 1000 : 0;
  const done = l.recordsDone;
  return {
    id: l.id,
    libraryId: l.libraryId,
    mode: l.mode,
    format: l.format,
    holdingsTag: l.holdingsTag,
    fileName: l.fileName,
    fileSize: l.fileSize,
    status: l.status,
    bytesRead: l.bytesRead,
    fraction: l.status === 'completed' ? 1 : l.fileSize > 0 ? Math.min(1, l.bytesRead / l.fileSize) : 0,
    recordsDone: done,
    recordsPerSecond: seconds > 0 ? Math.round(done / seconds) : 0,
    added: l.recordsAdded,
    updated: l.recordsUpdated,
    unchanged: l.recordsUnchanged,
    withdrawn: l.recordsWithdrawn,
    rejected: l.recordsRejected,
    error: l.error,
    createdAt: l.createdAt.toISOString(),
    startedAt: iso(l.startedAt),
    finishedAt: iso(l.finishedAt),
  };
}

/** CSV cell: quoted, quotes doubled, and formula-leading characters defused for spreadsheets. */
const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/** Catalog loads and clusters: uploads, the load job, the report, the cluster page and staff decisions. */
export class CatalogService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }

  /** Where uploaded files wait for their load (kept afterwards: a failed load can be re-run). */
  get uploadDir() {
    return path.join(this.ctx.env.dataDir, 'uploads');
  }

  /** Streams an upload to disk without holding it in memory. */
  async saveUpload(stream: Readable): Promise<{ filePath: string; fileSize: number }> {
    fs.mkdirSync(this.uploadDir, { recursive: true });
    const filePath = path.join(this.uploadDir, `${crypto.randomUUID()}.upload`);
    try {
      await pipeline(stream, fs.createWriteStream(filePath, { flags: 'wx' }));
    } catch (error) {
      fs.rmSync(filePath, { force: true });
      throw error;
    }
    return { filePath, fileSize: fs.statSync(filePath).size };
  }

  /** Records a load of a file already on disk and queues the job (the CLI runs it directly instead). */
  async createLoad(
    principal: Principal | null,
    libraryId: string,
    file: { fileName: string; filePath: string; fileSize: number },
    fields: LoadUploadFields,
    options: { enqueue: boolean } = { enqueue: true },
  ): Promise<Load> {
    const library = await q.findLibrary(this.db, { id: libraryId });
    if (!library || library.kind !== 'library') throw notFound('This library');
    const load = await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const row = await q.insertLoad(tx, {
        libraryId,
        mode: fields.mode,
        format: fields.format,
        holdingsTag: fields.holdingsTag ?? null,
        fileName: file.fileName.slice(0, 255),
        filePath: file.filePath,
        fileSize: file.fileSize,
        createdBy: principal?.userId ?? null,
      });
      await audit(tx, {
        action: 'catalog.load.created',
        actor: principal,
        organizationId: libraryId,
        targetType: 'catalog_load',
        targetId: row.id,
        details: { mode: fields.mode, fileName: row.fileName, fileSize: file.fileSize },
      });
      return row;
    });
    if (options.enqueue) await this.enqueue(load.id);
    return presentLoad(load);
  }

  async enqueue(loadId: string) {
    try {
      await this.ctx.jobs.send(LOAD_JOB, { loadId }, { singletonKey: `catalog-load:${loadId}` });
    } catch (error) {
      // The load stays queued; the sweep job picks it up.
      this.ctx.log.warn({ err: error, loadId }, 'could not enqueue the catalog load; the sweep will retry');
    }
  }

  async libraryBySymbol(symbol: string) {
    const library = await q.findLibrary(this.db, { symbol });
    if (!library || library.kind !== 'library') throw notFound(`A library with the symbol ${symbol}`);
    return library;
  }

  run(loadId: string, options?: RunOptions) {
    return runLoad(this.db, loadId, options);
  }

  /** Loads still queued a minute after creation (the queue was down) are sent again. */
  async sweep() {
    for (const id of await q.staleQueuedLoads(this.db)) await this.enqueue(id);
  }

  async listLoads(libraryId: string, page: number, pageSize: number) {
    const { items, total } = await q.listLoads(this.db, libraryId, page, pageSize);
    return { items: items.map((l) => presentLoad(l)), total, page, pageSize };
  }

  private async loadOf(libraryId: string, loadId: string) {
    const load = await q.findLoad(this.db, loadId);
    // Another library's load is reported as missing: its existence is not ours to reveal.
    if (!load || load.libraryId !== libraryId) throw notFound('This load');
    return load;
  }

  async getLoad(libraryId: string, loadId: string) {
    return presentLoad(await this.loadOf(libraryId, loadId));
  }

  async problems(libraryId: string, loadId: string, page: number, pageSize: number) {
    await this.loadOf(libraryId, loadId);
    const { items, total } = await q.problemsPage(this.db, loadId, page, pageSize);
    return {
      items: items.map((p) => ({
        recordNumber: p.recordNumber,
        byteOffset: p.byteOffset,
        controlNumber: p.controlNumber,
        reason: p.reason,
      })),
      total,
      page,
      pageSize,
    };
  }

  async problemsCsv(libraryId: string, loadId: string) {
    await this.loadOf(libraryId, loadId);
    const rows = await q.problemsOf(this.db, loadId);
    const lines = ['record_number,byte_offset,control_number,reason'];
    for (const p of rows) {
      lines.push([p.recordNumber, p.byteOffset, p.controlNumber, p.reason].map(csvCell).join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }

  async cluster(id: string, db: Db = this.db): Promise<ClusterView> {
    const cluster = await q.findCluster(db, id);
    if (!cluster) throw notFound('This cluster');
    const members = await q.clusterPageMembers(db, id);
    const holdings = await q.holdingsOf(
      db,
      members.map((m) => m.id),
    );
    return {
      id: cluster.id,
      title: cluster.title,
      author: cluster.author,
      year: cluster.year,
      language: cluster.language,
      format: cluster.format,
      electronic: cluster.electronic,
      libraryCount: cluster.libraryCount,
      recordCount: cluster.recordCount,
      displayRecordId: cluster.displayRecordId,
      displayReason: cluster.displayReason,
      members: members.map((m) => ({
        recordId: m.id,
        library: { id: m.libraryId, name: m.libraryName, symbol: m.librarySymbol },
        controlNumber: m.controlNumber,
        controlSource: m.controlSource,
        title: m.title,
        author: m.author,
        year: m.year,
        format: m.format,
        isDisplayRecord: m.id === cluster.displayRecordId,
        holdings: holdings
          .filter((h) => h.recordId === m.id)
          .map((h) => ({
            location: h.location,
            callNumber: h.callNumber,
            copies: h.copies,
            sourceTag: h.sourceTag,
          })),
        why: (m.matchExplanation as ClusterView['members'][number]['why']) ?? null,
      })),
    };
  }

  private async membersFor(principal: Principal, clusterIds: string[]) {
    const members = await q.clusterMembers(this.db, clusterIds);
    for (const id of clusterIds) {
      if (!members.some((m) => m.clusterId === id)) throw notFound('This cluster');
    }
    assertCanEditClusters(
      principal,
      clusterIds.map((id) => members.filter((m) => m.clusterId === id).map((m) => m.library)),
    );
    return members;
  }

  /** Splits a record out into a cluster of its own; the decision keeps it apart on every reload. */
  async split(
    principal: Principal,
    clusterId: string,
    recordId: string,
    note: string | undefined,
    ip: string,
  ) {
    const members = await this.membersFor(principal, [clusterId]);
    if (!members.some((m) => m.id === recordId)) throw notFound('This record in the cluster');
    if (members.length === 1) throw new AppError('CONFLICT', 'The record is already alone in its cluster.');
    const newId = crypto.randomUUID();
    await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await q.lockClusterPlacement(tx);
      await q.insertDecision(tx, {
        kind: 'split',
        recordA: recordId,
        note: note ?? null,
        decidedBy: principal.userId,
      });
      await q.insertClusters(tx, [newId]);
      await q.moveRecords(tx, [recordId], newId, { reason: 'split out by staff', match: null, rejected: [] });
      await refreshClusters(tx, [clusterId, newId]);
      await audit(tx, {
        action: 'catalog.cluster.split',
        actor: principal,
        organizationId: principal.organizationId,
        targetType: 'catalog_cluster',
        targetId: clusterId,
        details: { recordId, newClusterId: newId },
        ip,
      });
    });
    return { cluster: await this.cluster(newId), from: await this.cluster(clusterId) };
  }

  /** Merges cluster B into A; the decision (between their display records) holds on every reload. */
  async merge(
    principal: Principal,
    clusterA: string,
    clusterB: string,
    note: string | undefined,
    ip: string,
  ) {
    if (clusterA === clusterB) throw new AppError('CONFLICT', 'These are the same cluster.');
    const members = await this.membersFor(principal, [clusterA, clusterB]);
    const [a, b] = await Promise.all([q.findCluster(this.db, clusterA), q.findCluster(this.db, clusterB)]);
    const moved = members.filter((m) => m.clusterId === clusterB).map((m) => m.id);
    await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await q.lockClusterPlacement(tx);
      await q.insertDecision(tx, {
        kind: 'merge',
        recordA: a!.displayRecordId!,
        recordB: b!.displayRecordId!,
        note: note ?? null,
        decidedBy: principal.userId,
      });
      await q.moveRecords(tx, moved, clusterA, {
        reason: `merged by staff with ${a!.displayRecordId}${note ? `: ${note}` : ''}`,
        match: null,
        rejected: [],
      });
      await refreshClusters(tx, [clusterA, clusterB]);
      await audit(tx, {
        action: 'catalog.cluster.merged',
        actor: principal,
        organizationId: principal.organizationId,
        targetType: 'catalog_cluster',
        targetId: clusterA,
        details: { mergedClusterId: clusterB, records: moved },
        ip,
      });
    });
    return this.cluster(clusterA);
  }
}
