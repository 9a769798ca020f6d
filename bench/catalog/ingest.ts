import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { closeContext, createContext } from '../../server/boot.ts';
import type { AppContext } from '../../server/platform/context.ts';
import { loadEnv } from '../../server/platform/env.ts';
import { CatalogService } from '../../server/modules/catalog/index.ts';
import { readIso2709 } from '../../server/modules/catalog/marc/index.ts';
import { insertOrganization } from '../../server/test/fixtures.ts';
import type { GenerateSummary } from './generate.ts';

/**
 * The ingest half of the catalogue benchmark: a fresh, migrated database (PostgreSQL database
 * amigos_bench_catalog, or PGlite in a temp directory), the bench libraries, every library's file loaded
 * through CatalogService.createLoad + run — the code path of a web upload once its job starts — and the
 * hardware baseline: plain COPY of as many (id, jsonb) rows into an unindexed table of the same database.
 */
export type DbKind = 'postgres' | 'pglite';
export const BENCH_DATABASE = process.env.BENCH_CATALOG_DATABASE ?? 'amigos_bench_catalog';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(BENCH_DATABASE))
  throw new Error('BENCH_CATALOG_DATABASE must be a plain lower-case identifier');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchDatabaseUrl() {
  const u = new URL(serverUrl);
  u.pathname = `/${BENCH_DATABASE}`;
  return u.toString();
}

export type BenchDatabase = { kind: DbKind; ctx: AppContext; dataDir: string; close: () => Promise<void> };

export async function openBenchDatabase(kind: DbKind, keep = false): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-bench-catalog-db-'));
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      // Dropping with FORCE would kill another run's load: refuse instead.
      const { rows } = await admin.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
        [BENCH_DATABASE],
      );
      if (Number(rows[0]!.n) > 0)
        throw new Error(
          `${rows[0]!.n} session(s) are connected to ${BENCH_DATABASE} (another bench run?); ` +
            'wait for it or set BENCH_CATALOG_DATABASE to another name',
        );
      await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
      await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    } finally {
      await admin.end();
    }
    databaseUrl = benchDatabaseUrl();
  }
  const env = loadEnv({
    JOBS_MODE: 'off',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const ctx = await createContext(env);
  return {
    kind,
    ctx,
    dataDir,
    close: async () => {
      await closeContext(ctx);
      if (keep) return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') {
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

export async function createLibraries(ctx: AppContext, symbols: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const symbol of symbols) {
    const row = await insertOrganization(ctx.db, {
      kind: 'library',
      name: `Bench Library ${symbol}`,
      symbol,
    });
    ids.set(symbol, row.id);
  }
  return ids;
}

export type FileLoad = {
  symbol: string;
  records: number;
  seconds: number;
  outcome: string;
  added: number;
  rejected: number;
  error: string | null;
};

/** Loads every library's file in turn, as its job would; `onFile` reports progress after each one. */
export async function ingest(
  ctx: AppContext,
  catalog: GenerateSummary,
  libraryIds: Map<string, string>,
  onFile: (f: FileLoad, done: number) => void,
): Promise<{ files: FileLoad[]; seconds: number; cpuSeconds: number }> {
  const service = new CatalogService(ctx);
  const files: FileLoad[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  let done = 0;
  for (const lib of catalog.libraries) {
    const libraryId = libraryIds.get(lib.symbol)!;
    const t0 = performance.now();
    const load = await service.createLoad(
      null,
      libraryId,
      { fileName: path.basename(lib.file), filePath: lib.file, fileSize: lib.bytes },
      { mode: 'add_update', format: 'iso2709', ...(lib.holdingsTag === '949' ? { holdingsTag: '949' } : {}) },
      { enqueue: false },
    );
    const outcome = await service.run(load.id);
    const result = await service.getLoad(libraryId, load.id);
    const f: FileLoad = {
      symbol: lib.symbol,
      records: result.recordsDone,
      seconds: (performance.now() - t0) / 1000,
      outcome,
      added: result.added,
      rejected: result.rejected,
      error: result.error,
    };
    files.push(f);
    done += f.records;
    onFile(f, done);
    if (outcome !== 'completed') break;
  }
  const used = process.cpuUsage(cpu);
  return {
    files,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/**
 * CPU seconds used so far by the PostgreSQL backends connected to the bench database (from /proc: the
 * server runs on this machine). Backends that have already exited are not counted.
 */
export async function backendCpuSeconds(db: BenchDatabase): Promise<number | null> {
  if (db.kind !== 'postgres') return null;
  const { rows } = await db.ctx.database.raw(
    `SELECT pid FROM pg_stat_activity WHERE datname = '${BENCH_DATABASE}'`,
  );
  let ticks = 0;
  for (const r of rows) {
    try {
      const stat = fs.readFileSync(`/proc/${r.pid as number}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The backend exited meanwhile.
    }
  }
  return ticks / 100;
}

const count = async (ctx: AppContext, sql: string) => Number((await ctx.database.raw(sql)).rows[0]?.n ?? 0);

/** What the load produced: clusters with members, those shared by several libraries, active records. */
export async function catalogCounts(ctx: AppContext) {
  return {
    records: await count(ctx, `SELECT count(*) AS n FROM catalog_records WHERE status = 'active'`),
    clusters: await count(ctx, `SELECT count(*) AS n FROM catalog_clusters WHERE record_count > 0`),
    sharedClusters: await count(ctx, `SELECT count(*) AS n FROM catalog_clusters WHERE library_count > 1`),
    holdings: await count(ctx, `SELECT count(*) AS n FROM catalog_holdings`),
  };
}

/**
 * Pairwise precision and recall of the clusters against the generator's truth (which records are copies of
 * one manifestation): a faster pipeline must not buy its speed with worse clusters.
 */
export async function clusterQuality(ctx: AppContext, truthFile: string) {
  const truth = new Map<string, number>();
  for (const line of fs.readFileSync(truthFile, 'utf8').split('\n')) {
    const [symbol, id, m] = line.split('\t');
    if (m) truth.set(`${symbol}\u0000${id}`, Number(m));
  }
  const { rows } = await ctx.database.raw(
    `SELECT r.control_source AS s, r.control_number AS n, r.cluster_id AS c
       FROM catalog_records r WHERE r.status = 'active'`,
  );
  const byCluster = new Map<string, number[]>();
  for (const r of rows) {
    const m = truth.get(`${r.s as string}\u0000${r.n as string}`);
    if (m === undefined || !r.c) continue;
    const list = byCluster.get(r.c as string);
    if (list) list.push(m);
    else byCluster.set(r.c as string, [m]);
  }
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  const perManifestation = new Map<number, number>();
  for (const members of byCluster.values()) {
    predicted += pairs(members.length);
    const counts = new Map<number, number>();
    for (const m of members) counts.set(m, (counts.get(m) ?? 0) + 1);
    for (const [m, c] of counts) {
      correct += pairs(c);
      perManifestation.set(m, (perManifestation.get(m) ?? 0) + c);
    }
  }
  let actual = 0;
  for (const c of perManifestation.values()) actual += pairs(c);
  return { precision: predicted ? correct / predicted : 1, recall: actual ? correct / actual : 1 };
}

/**
 * Baseline: COPY of `records` (id, jsonb) rows — the records as JSON, as the load stores them — into an
 * unindexed table of the same database. The rows are prepared beforehand; only the COPY is timed.
 */
export async function copyBaseline(db: BenchDatabase, catalog: GenerateSummary, workDir: string) {
  const file = path.join(workDir, 'baseline.copy');
  const out = fs.openSync(file, 'w');
  let id = 0;
  let lines: string[] = [];
  for (const lib of catalog.libraries) {
    for await (const item of readIso2709(fs.createReadStream(lib.file, { highWaterMark: 1 << 20 }))) {
      if (item.kind !== 'record') continue;
      // COPY text format: JSON has no raw tabs or newlines, so only backslashes need escaping.
      lines.push(`${++id}\t${JSON.stringify(item.record).replace(/\\/g, '\\\\')}\n`);
      if (lines.length === 5000) {
        fs.writeSync(out, lines.join(''));
        lines = [];
      }
    }
  }
  fs.writeSync(out, lines.join(''));
  fs.closeSync(out);
  const raw = db.ctx.database.raw;
  await raw('DROP TABLE IF EXISTS bench_copy_baseline');
  await raw('CREATE TABLE bench_copy_baseline (id bigint, doc jsonb)');
  const started = performance.now();
  try {
    if (db.kind === 'pglite') {
      const client = (db.ctx.db as unknown as { $client: PGlite }).$client;
      await client.query(`COPY bench_copy_baseline FROM '/dev/blob'`, [], {
        blob: new Blob([fs.readFileSync(file)]),
      });
    } else {
      // Streamed by psql (node-postgres has no COPY FROM STDIN without an extra package).
      const r = spawnSync(
        'psql',
        [benchDatabaseUrl(), '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bench_copy_baseline FROM '${file}'`],
        {
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr || r.error?.message}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = await count(db.ctx, 'SELECT count(*) AS n FROM bench_copy_baseline');
    return { rows, seconds, bytes: fs.statSync(file).size };
  } finally {
    await raw('DROP TABLE IF EXISTS bench_copy_baseline');
    fs.rmSync(file, { force: true });
  }
}
