import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import type { LoadUploadFields } from '../../../shared/contracts/catalog.ts';
import type { TestApp } from '../../test/harness.ts';
import { readMarc, toIso2709, type MarcRecord } from './marc/index.ts';
import { CatalogService } from './service.ts';
import type { RunOptions } from './load.ts';
import { catalogRecords } from './tables.ts';

/** Test helpers: files from the shared data set, direct loads (without the queue) and state snapshots. */
export const MARC_DIR = '/work/shared/data/marc';
export const marcFile = (name: string) => path.join(MARC_DIR, name);

/** A throw-away DATA_DIR so uploads land in a temp directory. */
export const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-catalog-'));

export async function recordsOf(file: string): Promise<MarcRecord[]> {
  const out: MarcRecord[] = [];
  for await (const item of readMarc(fs.createReadStream(file)))
    if (item.kind === 'record') out.push(item.record);
  return out;
}

export const iso2709 = (records: MarcRecord[]) => Buffer.concat(records.map((r) => toIso2709(r)));

/** Loads a file for a library the way the job does, optionally stopping after some batches. */
export async function loadFile(
  t: TestApp,
  libraryId: string,
  source: string | Uint8Array,
  fields: Partial<LoadUploadFields> = {},
  run: RunOptions = {},
) {
  const service = new CatalogService(t.ctx);
  const bytes = typeof source === 'string' ? fs.readFileSync(source) : Buffer.from(source);
  const saved = await service.saveUpload(Readable.from([bytes]));
  const fileName = typeof source === 'string' ? path.basename(source) : 'generated.mrc';
  const created = await service.createLoad(
    null,
    libraryId,
    { ...saved, fileName },
    { mode: 'add_update', format: 'auto', ...fields },
    { enqueue: false },
  );
  const outcome = await service.run(created.id, run);
  return { outcome, load: await service.getLoad(libraryId, created.id), service };
}

/** Records of a library keyed by 001, with status and cluster (cluster ids replaced by their members). */
export async function snapshot(t: TestApp, libraryId?: string) {
  const rows = await t.ctx.db
    .select({
      library: catalogRecords.libraryId,
      number: catalogRecords.controlNumber,
      status: catalogRecords.status,
      hash: catalogRecords.contentHash,
      clusterId: catalogRecords.clusterId,
    })
    .from(catalogRecords)
    .where(libraryId ? eq(catalogRecords.libraryId, libraryId) : undefined)
    .orderBy(asc(catalogRecords.libraryId), asc(catalogRecords.controlNumber));
  const members = new Map<string, string[]>();
  for (const r of rows)
    if (r.clusterId) members.set(r.clusterId, [...(members.get(r.clusterId) ?? []), r.number]);
  return rows.map((r) => ({
    library: r.library,
    number: r.number,
    status: r.status,
    hash: r.hash,
    cluster: r.clusterId ? members.get(r.clusterId)!.join(',') : null,
  }));
}
