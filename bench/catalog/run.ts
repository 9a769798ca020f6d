import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ours, yaz } from '../marc-parse.ts';
import { benchSymbols, generateCatalog, type GenerateSummary } from './generate.ts';
import {
  catalogCounts,
  clusterQuality,
  backendCpuSeconds,
  benchDatabaseUrl,
  BENCH_DATABASE,
  copyBaseline,
  createLibraries,
  ingest,
  openBenchDatabase,
  type DbKind,
} from './ingest.ts';
import { profiled } from './profile.ts';
import { sampleStatements } from './pg-sampler.ts';
import { benchSearch } from './search.ts';

/**
 * `npm run bench:catalog` (or `BENCH_ONLY=catalog npm run bench`): the union catalogue at scale, on a
 * synthetic catalogue from bench/catalog/generate.ts (40 libraries, ~45 % of records copies of another
 * library's manifestation). Each figure is printed beside its same-run baseline:
 *   - parse: our ISO 2709 reader over all the generated records vs yaz-marcdump on the same file (best of
 *     three, by wall clock and by CPU time);
 *   - ingest: every library's file through the load service (parse, extract, dedup/clustering, holdings,
 *     match keys, cluster summaries), records/s overall and per file, clusters and duplicates found, cluster
 *     precision/recall against the generator's truth — vs plain COPY of as many (id, jsonb) rows;
 *   - search: the hook in search.ts (not measured until the search engine has an entry point).
 *
 * Environment:
 *   BENCH_CATALOG_DB=postgres|pglite|both|none (default both; none: parse only)
 *   BENCH_CATALOG_RECORDS=N  (default 1,000,000 on PostgreSQL, 100,000 on PGlite; e.g. 20000 for a quick run)
 *   BENCH_CATALOG_LIBRARIES=40   BENCH_CATALOG_SEED=1
 *   BENCH_CATALOG_PROFILE=1  writes a CPU profile of the ingest phase and prints the top functions; on
 *                            PostgreSQL also samples the statements the server is running (pg-sampler.ts)
 *   BENCH_CATALOG_KEEP=1     keeps the loaded database (for search work) instead of dropping it
 *   BENCH_CATALOG_DATABASE=name  the PostgreSQL database (default amigos_bench_catalog); a run refuses to
 *                            start while another session is connected to it
 * Generated files are cached in the temp directory, keyed by size, seed and the generator's source.
 */
const env = process.env;
const LIBRARIES = Number(env.BENCH_CATALOG_LIBRARIES ?? 40);
const SEED = Number(env.BENCH_CATALOG_SEED ?? 1);
const here = path.dirname(fileURLToPath(import.meta.url));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const loadAverage = () =>
  `${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`;
const rate = (n: number, s: number) => `${fmt(n / s).padStart(9)} records/s`;

/** The generated catalogue for `records`, reused while the generator's source is unchanged. */
function catalogFor(records: number): GenerateSummary & { dir: string } {
  const hash = crypto.createHash('sha256');
  for (const f of ['generate.ts', 'manifestation.ts', 'copy.ts', 'random.ts', 'vocabulary.ts'])
    hash.update(fs.readFileSync(path.join(here, f)));
  const dir = path.join(
    os.tmpdir(),
    'amigos-bench-catalog',
    `${records}-s${SEED}-l${LIBRARIES}-${hash.digest('hex').slice(0, 10)}`,
  );
  // File paths are taken relative to the directory: it is generated under another name, then renamed.
  const located = (summary: GenerateSummary) => ({
    ...summary,
    libraries: summary.libraries.map((l) => ({ ...l, file: path.join(dir, path.basename(l.file)) })),
    dir,
  });
  const summaryFile = path.join(dir, 'catalog.json');
  if (fs.existsSync(summaryFile))
    return located(JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as GenerateSummary);
  // Generated aside and renamed into place, so a concurrent run never reads a half-written catalogue.
  const part = `${dir}.part-${process.pid}`;
  fs.rmSync(part, { recursive: true, force: true });
  const summary = generateCatalog({
    records,
    libraries: benchSymbols(LIBRARIES),
    seed: SEED,
    outDir: part,
    truth: true,
  });
  try {
    fs.renameSync(part, dir);
  } catch {
    // Another run finished the same catalogue first: use it.
    fs.rmSync(part, { recursive: true, force: true });
  }
  console.log(
    `  generated ${fmt(summary.records)} records in ${summary.seconds.toFixed(1)} s ` +
      `(${fmt(summary.records / summary.seconds)}/s) → ${dir}`,
  );
  return located(summary);
}

function describe(c: GenerateSummary) {
  const mb = c.libraries.reduce((a, l) => a + l.bytes, 0) / 1024 / 1024;
  const formats = Object.entries(c.formats)
    .sort((a, b) => b[1] - a[1])
    .map(([f, n]) => `${f} ${((n / c.manifestations) * 100).toFixed(1)} %`)
    .join(', ');
  console.log(
    `  ${fmt(c.records)} records (${mb.toFixed(0)} MB) in ${c.libraries.length} library files ` +
      `(largest ${fmt(c.libraries[0]!.records)}, smallest ${fmt(c.libraries.at(-1)!.records)}); ` +
      `${fmt(c.manifestations)} manifestations, ${fmt(c.copies)} copies ` +
      `(${((c.copies / c.records) * 100).toFixed(1)} %), ${fmt(c.nearMisses)} near misses; ${formats}`,
  );
}

/** CPU seconds of this process, and of its finished children (yaz-marcdump) from /proc/self/stat. */
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const childrenCpu = () => {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
};

/**
 * Parse rate by wall clock and by CPU time: on a shared machine (other jobs running) wall-clock ratios swing
 * with the load, while CPU time compares the two parsers' work.
 */
async function benchParse(c: GenerateSummary & { dir: string }) {
  const file = path.join(c.dir, 'all.mrc');
  if (!fs.existsSync(file)) {
    const out = fs.openSync(`${file}.part-${process.pid}`, 'w');
    for (const l of c.libraries) fs.writeSync(out, fs.readFileSync(l.file));
    fs.closeSync(out);
    fs.renameSync(`${file}.part-${process.pid}`, file);
  }
  await ours(file); // warm-up
  // Best of three runs each: the least disturbed by other jobs on the machine.
  let run = { seconds: Infinity, records: 0, errors: 0 };
  let cpu = Infinity;
  for (let i = 0; i < 3; i++) {
    const cpu0 = ownCpu();
    const r = await ours(file);
    cpu = Math.min(cpu, ownCpu() - cpu0);
    if (r.seconds < run.seconds) run = r;
  }
  console.log(
    `\nParse — the ${fmt(c.records)} generated records in one file (UTF-8); load average ${loadAverage()}`,
  );
  console.log(
    `  ours                            ${rate(run.records, run.seconds)}  (${run.seconds.toFixed(2)} s, CPU ${cpu.toFixed(2)} s, ${run.errors} errors)`,
  );
  for (const [label, args] of [
    ['-f UTF-8 -t UTF-8', ['-f', 'UTF-8', '-t', 'UTF-8']],
    ['(no conversion)', []],
  ] as const) {
    let seconds: number | null = Infinity;
    let yazCpu = Infinity;
    for (let i = 0; i < 3 && seconds !== null; i++) {
      const before = childrenCpu();
      const s = yaz(file, [...args]);
      yazCpu = Math.min(yazCpu, childrenCpu() - before);
      seconds = s === null ? null : Math.min(seconds, s);
    }
    const name = `yaz-marcdump ${label}`.padEnd(32);
    if (seconds === null) console.log(`  ${name}not installed (apt-get install yaz)`);
    else
      console.log(
        `  ${name}${rate(c.records, seconds)}  (${seconds.toFixed(2)} s, CPU ${yazCpu.toFixed(2)} s)  ` +
          `ours = ${(seconds / run.seconds).toFixed(2)}× yaz by wall clock, ${(yazCpu / cpu).toFixed(2)}× by CPU time`,
      );
  }
}

async function benchIngest(kind: DbKind, c: GenerateSummary & { dir: string }) {
  const keep = env.BENCH_CATALOG_KEEP === '1';
  const db = await openBenchDatabase(kind, keep);
  try {
    const ids = await createLibraries(
      db.ctx,
      c.libraries.map((l) => l.symbol),
    );
    console.log(
      `\nIngest — ${kind}, ${fmt(c.records)} records, ${c.libraries.length} library files, one after another`,
    );
    const profileFile =
      env.BENCH_CATALOG_PROFILE === '1'
        ? path.join(os.tmpdir(), `amigos-bench-catalog-${kind}.cpuprofile`)
        : undefined;
    const sampler =
      profileFile && kind === 'postgres' ? sampleStatements(benchDatabaseUrl(), BENCH_DATABASE) : undefined;
    const started = performance.now();
    const { value: result, top } = await profiled(profileFile, () =>
      ingest(db.ctx, c, ids, (f, done) => {
        const eta = ((c.records - done) / done) * ((performance.now() - started) / 1000);
        console.log(
          `  ${f.symbol} ${fmt(f.records).padStart(8)} records ${f.seconds.toFixed(1).padStart(7)} s ${rate(f.records, f.seconds)}` +
            `  ${f.outcome}${f.rejected ? `, ${f.rejected} rejected` : ''}${f.error ? `: ${f.error}` : ''}` +
            (eta >= 60 ? `   (about ${(eta / 60).toFixed(0)} min to go)` : ''),
        );
      }),
    );
    const loaded = result.files.reduce((a, f) => a + f.records, 0);
    const statements = await sampler?.stop();
    const pgCpu = await backendCpuSeconds(db);
    const load = loadAverage();
    const counts = await catalogCounts(db.ctx);
    const quality = await clusterQuality(db.ctx, path.join(c.dir, 'truth.tsv'));
    const baseline = await copyBaseline(db, c, c.dir);
    const ingestRate = loaded / result.seconds;
    const copyRate = baseline.rows / baseline.seconds;
    const busy = (cpu: number) => `${cpu.toFixed(1)} s (${((cpu / result.seconds) * 100).toFixed(0)} %)`;
    console.log(
      `  overall: ${rate(loaded, result.seconds)} (${result.seconds.toFixed(1)} s wall clock; CPU: this process ` +
        `${busy(result.cpuSeconds)}${pgCpu === null ? '' : `, PostgreSQL backends ${busy(pgCpu)}`}; ` +
        `load average ${load})`,
    );
    // On a shared machine the wall clock mostly measures the queue for the CPU; CPU time measures the work.
    const cpuTotal = result.cpuSeconds + (pgCpu ?? 0);
    const ceiling =
      pgCpu === null
        ? ''
        : `; with the two on separate cores: ${rate(loaded, Math.max(result.cpuSeconds, pgCpu))}`;
    console.log(
      `  per CPU second (this process${pgCpu === null ? ', database included' : ' + PostgreSQL backends'}): ` +
        `${rate(loaded, cpuTotal)}${ceiling}`,
    );
    console.log(
      `  clusters formed ${fmt(counts.clusters)} (the generator made ${fmt(c.manifestations)} manifestations); ` +
        `duplicates found ${fmt(counts.records - counts.clusters)} (generated ${fmt(c.copies)}); ` +
        `${fmt(counts.sharedClusters)} clusters held by 2+ libraries; ${fmt(counts.holdings)} holdings`,
    );
    console.log(
      `  cluster quality vs the generator's truth: precision ${(quality.precision * 100).toFixed(2)} %, recall ${(quality.recall * 100).toFixed(2)} %`,
    );
    console.log(
      `  baseline COPY of ${fmt(baseline.rows)} (id, jsonb) rows, unindexed: ${rate(baseline.rows, baseline.seconds)} ` +
        `(${baseline.seconds.toFixed(1)} s, ${(baseline.bytes / 1024 / 1024).toFixed(0)} MB)  ingest = ${(ingestRate / copyRate).toFixed(3)}× COPY` +
        `; goal 10,000 records/s = ${(10_000 / copyRate).toFixed(2)}× COPY`,
    );
    if (top.length) {
      console.log(`  CPU profile of this process during ingest → ${profileFile}; top self time:`);
      for (const line of top) console.log(`    ${line}`);
    }
    if (statements) {
      console.log(
        `  PostgreSQL statements sampled every 50 ms during ingest (${fmt(statements.samples)} samples, ` +
          `a statement running in ${(statements.busyShare * 100).toFixed(0)} % of them); share of samples:`,
      );
      for (const line of statements.top) console.log(`    ${line}`);
    }
    await benchSearch({
      kind,
      ctx: db.ctx,
      records: counts.records,
      clusters: counts.clusters,
      libraryIds: ids,
    });
    if (keep) console.log(`  kept: ${kind === 'postgres' ? 'database amigos_bench_catalog' : db.dataDir}`);
  } finally {
    await db.close();
  }
}

export async function benchCatalog() {
  const choice = env.BENCH_CATALOG_DB ?? 'both';
  // "none": the parse figures only (for BENCH_CATALOG_RECORDS, default 100,000).
  const kinds: (DbKind | 'none')[] = choice === 'both' ? ['pglite', 'postgres'] : [choice as DbKind | 'none'];
  const parsed = new Set<number>();
  for (const kind of kinds) {
    const records = Number(env.BENCH_CATALOG_RECORDS ?? (kind === 'postgres' ? 1_000_000 : 100_000));
    console.log(
      `\nCatalogue at scale — synthetic catalogue of ${fmt(records)} records (seed ${SEED}, Node ${process.version})`,
    );
    const c = catalogFor(records);
    describe(c);
    if (!parsed.has(records)) {
      parsed.add(records);
      await benchParse(c);
    }
    if (kind !== 'none') await benchIngest(kind, c);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchCatalog();
