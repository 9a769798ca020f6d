import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toIso2709, type MarcRecord } from '../../server/modules/catalog/marc/index.ts';
import { libraryRecord, libraryProfile, type LibraryProfile } from './copy.ts';
import { manifestation, type Format, type Kind } from './manifestation.ts';
import { Random, ZipfSampler } from './random.ts';

/**
 * A synthetic union catalogue: one ISO 2709 (UTF-8) file per library, written with our own MARC writer.
 * Manifestations are generated one after another; each is held by 1–maxHolders libraries (a skewed
 * distribution tuned so that `duplicateRate` of all records are copies of a manifestation already held by
 * another library), the holders drawn with Zipf weights so a few libraries hold most of the collection.
 * Deterministic for a seed; memory stays flat (one buffer per library file), whatever the record count.
 *
 *   npx tsx bench/catalog/generate.ts --records 1000000 --libraries 40 --out /tmp/catalog [--seed 1] [--truth]
 *
 * The output directory gets `<SYMBOL>.mrc` per library, `catalog.json` (counts, per-library files and
 * their holdings tag) and, with --truth, `truth.tsv` (symbol, 001, manifestation id) for quality checks.
 */
export type GenerateOptions = {
  records: number;
  /** Library symbols (their order is their Zipf rank: the first is the largest collection). */
  libraries: string[];
  seed?: number;
  /** Share of records that are another library's copy of a manifestation (1 − manifestations / records). */
  duplicateRate?: number;
  maxHolders?: number;
};

export type GeneratedRecord = {
  library: LibraryProfile;
  manifestation: number;
  kind: Kind;
  format: Format;
  record: MarcRecord;
};

export type LibraryFile = {
  symbol: string;
  file: string;
  records: number;
  bytes: number;
  holdingsTag: '852' | '949';
};

export type GenerateSummary = {
  seed: number;
  records: number;
  manifestations: number;
  /** Records beyond the first of their manifestation: what deduplication should fold. */
  copies: number;
  /** Manifestations that are an edition, e-book or volume of an earlier one (must not be merged with it). */
  nearMisses: number;
  formats: Record<string, number>;
  libraries: LibraryFile[];
  seconds: number;
};

/** P(k holders) ∝ r^(k−1), k = 1..max, with r solved so that the mean number of holders gives the rate. */
export function holderDistribution(duplicateRate: number, max: number): Float64Array {
  const target = 1 / (1 - duplicateRate);
  const weights = (r: number) => Array.from({ length: max }, (_, k) => Math.pow(r, k));
  const mean = (r: number) => {
    const w = weights(r);
    const total = w.reduce((a, b) => a + b, 0);
    return w.reduce((a, x, k) => a + x * (k + 1), 0) / total;
  };
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < target) lo = mid;
    else hi = mid;
  }
  const w = weights(lo);
  const total = w.reduce((a, b) => a + b, 0);
  const cdf = new Float64Array(max);
  let sum = 0;
  w.forEach((x, k) => (cdf[k] = sum += x / total));
  return cdf;
}

/** Every record of the catalogue in generation order (manifestation by manifestation). */
export function* generateRecords(options: GenerateOptions): Generator<GeneratedRecord> {
  const seed = options.seed ?? 1;
  const max = Math.min(options.maxHolders ?? 8, options.libraries.length);
  const holders = holderDistribution(options.duplicateRate ?? 0.45, max);
  const profiles = options.libraries.map((symbol, i) => libraryProfile(seed, symbol, i));
  const libraryRank = new ZipfSampler(profiles.length, 0.9);
  const counters = new Int32Array(profiles.length);
  let produced = 0;
  for (let m = 0; produced < options.records; m++) {
    const r = new Random(seed, m, 3);
    const u = r.next();
    let k = 1;
    while (k < max && holders[k - 1]! < u) k++;
    const chosen: number[] = [];
    while (chosen.length < k) {
      const lib = libraryRank.draw(r.next());
      if (!chosen.includes(lib)) chosen.push(lib);
    }
    const man = manifestation(seed, m);
    for (const lib of chosen.sort((a, b) => a - b)) {
      if (produced >= options.records) break;
      const profile = profiles[lib]!;
      const record = libraryRecord(seed, man, profile, ++counters[lib]!);
      produced++;
      yield { library: profile, manifestation: m, kind: man.kind, format: man.format, record };
    }
  }
}

/** Writes the catalogue to `outDir`, one file per library; see the module comment. */
export function generateCatalog(
  options: GenerateOptions & { outDir: string; truth?: boolean },
): GenerateSummary {
  const started = performance.now();
  fs.mkdirSync(options.outDir, { recursive: true });
  const files = options.libraries.map((symbol) => ({
    symbol,
    file: path.join(options.outDir, `${symbol}.mrc`),
    fd: -1,
    pending: [] as Buffer[],
    pendingBytes: 0,
    records: 0,
    bytes: 0,
    holdingsTag: '852' as '852' | '949',
  }));
  for (const f of files) f.fd = fs.openSync(f.file, 'w');
  const truth = options.truth ? fs.openSync(path.join(options.outDir, 'truth.tsv'), 'w') : -1;
  let truthLines: string[] = [];
  const flush = (f: (typeof files)[number]) => {
    if (f.pendingBytes) fs.writeSync(f.fd, Buffer.concat(f.pending, f.pendingBytes));
    f.pending = [];
    f.pendingBytes = 0;
  };
  const formats: Record<string, number> = {};
  const nearMisses = new Set<number>();
  let records = 0;
  let lastManifestation = -1;
  let manifestations = 0;
  try {
    for (const g of generateRecords(options)) {
      const f = files[g.library.index]!;
      const bytes = toIso2709(g.record);
      f.pending.push(bytes);
      f.pendingBytes += bytes.length;
      f.records++;
      f.bytes += bytes.length;
      f.holdingsTag = g.library.holdingsTag;
      if (f.pendingBytes > 1 << 20) flush(f);
      records++;
      if (g.manifestation !== lastManifestation) {
        lastManifestation = g.manifestation;
        manifestations++;
        formats[g.format] = (formats[g.format] ?? 0) + 1;
        if (g.kind !== 'original') nearMisses.add(g.manifestation);
      }
      if (truth >= 0) {
        const id = (g.record.fields[0] as { value: string }).value;
        truthLines.push(`${g.library.symbol}\t${id}\t${g.manifestation}\n`);
        if (truthLines.length >= 10_000) {
          fs.writeSync(truth, truthLines.join(''));
          truthLines = [];
        }
      }
    }
    for (const f of files) flush(f);
    if (truth >= 0) fs.writeSync(truth, truthLines.join(''));
  } finally {
    for (const f of files) fs.closeSync(f.fd);
    if (truth >= 0) fs.closeSync(truth);
  }
  const summary: GenerateSummary = {
    seed: options.seed ?? 1,
    records,
    manifestations,
    copies: records - manifestations,
    nearMisses: nearMisses.size,
    formats,
    libraries: files
      .filter((f) => f.records > 0)
      .map(({ symbol, file, records: n, bytes, holdingsTag }) => ({
        symbol,
        file,
        records: n,
        bytes,
        holdingsTag,
      })),
    seconds: (performance.now() - started) / 1000,
  };
  fs.writeFileSync(path.join(options.outDir, 'catalog.json'), JSON.stringify(summary, null, 2));
  return summary;
}

/** Symbols for `count` synthetic libraries when none are given: BCH01, BCH02, … */
export const benchSymbols = (count: number) =>
  Array.from({ length: count }, (_, i) => `BCH${String(i + 1).padStart(2, '0')}`);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '100000' },
      libraries: { type: 'string', default: '40' },
      symbols: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'duplicate-rate': { type: 'string', default: '0.45' },
      out: { type: 'string' },
      truth: { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    process.stderr.write(
      'usage: npx tsx bench/catalog/generate.ts --records N --libraries 40 [--symbols A,B,…] ' +
        '[--seed 1] [--duplicate-rate 0.45] [--truth] --out DIR\n',
    );
    process.exit(2);
  }
  const summary = generateCatalog({
    records: Number(values.records),
    libraries: values.symbols ? values.symbols.split(',') : benchSymbols(Number(values.libraries)),
    seed: Number(values.seed),
    duplicateRate: Number(values['duplicate-rate']),
    outDir: values.out,
    truth: values.truth,
  });
  const mb = summary.libraries.reduce((a, l) => a + l.bytes, 0) / 1024 / 1024;
  process.stdout.write(
    `${summary.records} records (${summary.manifestations} manifestations, ${summary.copies} copies, ` +
      `${summary.nearMisses} near misses) in ${summary.libraries.length} files, ${mb.toFixed(0)} MB, ` +
      `${summary.seconds.toFixed(1)} s (${Math.round(summary.records / summary.seconds)} records/s); ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
  );
}
