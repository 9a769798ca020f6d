import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, inArray } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { organizations } from '../modules/members/tables.ts';
import { catalogLoads } from '../modules/catalog/tables.ts';
import { CatalogService } from '../modules/catalog/index.ts';
import { generateCatalog } from '../../bench/catalog/generate.ts';
import { LIBRARIES } from './organizations.ts';

/** Real files from the shared data set, when it is beside the repository, each given to one library. */
const SHARED_MARC_DIR = path.resolve(fileURLToPath(import.meta.url), '../../../../shared/data/marc');
const REAL_FILES: { file: string; symbol: string }[] = [
  { file: 'camel.mrc', symbol: 'TXTRU' },
  { file: 'camel.mrc', symbol: 'TXCHP' },
  { file: 'lc-sample-marc8.mrc', symbol: 'TXCHP' },
  { file: 'opera-43.marcxml', symbol: 'TXMVC' },
  { file: 'yaz-marccol1-utf8.mrc', symbol: 'TXTRU' },
  { file: 'batch-10.marcxml', symbol: 'OKCRS' },
];

export type CatalogSeed = { records: number; loads: number } | null;

/**
 * The demo union catalog: a synthetic catalogue (realistic MARC: Zipf vocabulary, cross-library copies
 * with cataloguing variation, near-miss editions) for the active member libraries, largest collections
 * first, plus the shared sample files. It goes through the real load path — files and queued load jobs —
 * so the catalog fills in the background with progress and reports in each library's load history.
 * Runs once: nothing happens when any load exists.
 */
export async function seedDemoCatalog(ctx: AppContext, records: number): Promise<CatalogSeed> {
  const [existing] = await ctx.db.select({ n: count() }).from(catalogLoads);
  if (Number(existing?.n ?? 0) > 0 || records === 0) return null;
  const active = [...LIBRARIES]
    .filter((l) => (l.status ?? 'active') === 'active')
    .sort((a, b) => b.collection - a.collection)
    .map((l) => l.symbol);
  const ids = new Map(
    (
      await ctx.db
        .select({ id: organizations.id, symbol: organizations.symbol })
        .from(organizations)
        .where(inArray(organizations.symbol, active))
    ).map((o) => [o.symbol, o.id]),
  );
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-seed-catalog-'));
  const service = new CatalogService(ctx);
  let loads = 0;
  try {
    const summary = generateCatalog({ records, libraries: active, seed: 2026, outDir: workDir });
    const files = [
      ...summary.libraries.map((l) => ({
        file: l.file,
        name: `${l.symbol.toLowerCase()}-catalog.mrc`,
        symbol: l.symbol,
        holdingsTag: l.holdingsTag === '949' ? '949' : undefined,
      })),
      ...REAL_FILES.filter((f) => fs.existsSync(path.join(SHARED_MARC_DIR, f.file))).map((f) => ({
        file: path.join(SHARED_MARC_DIR, f.file),
        name: f.file,
        symbol: f.symbol,
        holdingsTag: undefined,
      })),
    ];
    // Every load is recorded before any is queued: a running load would hold up the embedded database.
    const created: string[] = [];
    for (const f of files) {
      const libraryId = ids.get(f.symbol);
      if (!libraryId) continue;
      const saved = await service.saveUpload(fs.createReadStream(f.file));
      const load = await service.createLoad(
        null,
        libraryId,
        { ...saved, fileName: f.name },
        { mode: 'add_update', format: 'auto', ...(f.holdingsTag ? { holdingsTag: f.holdingsTag } : {}) },
        { enqueue: false },
      );
      created.push(load.id);
      loads++;
    }
    for (const id of created) await service.enqueue(id);
    return { records: summary.records, loads };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** Loads of the demo catalog still to finish (for the start-up message). */
export async function pendingCatalogLoads(ctx: AppContext) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(catalogLoads)
    .where(inArray(catalogLoads.status, ['queued', 'running']));
  return Number(row?.n ?? 0);
}
