import { fileURLToPath } from 'node:url';
import { clusterRecords, type ClusterRecord } from '../server/modules/catalog/dedup/cluster.ts';
import { evaluatePairs } from '../server/modules/catalog/dedup/evaluate.ts';
import { extractFeatures, type MatchFeatures } from '../server/modules/catalog/dedup/features.ts';
import { placeRecord, type ClusteredCandidate } from '../server/modules/catalog/dedup/incremental.ts';
import { blockingKeys } from '../server/modules/catalog/dedup/keys.ts';
import { compareRecords } from '../server/modules/catalog/dedup/rules.ts';
import type { MarcRecord } from '../server/modules/catalog/marc/record.ts';

/**
 * Deduplication speed on synthetic records (realistic field mix: 008, 020, 035, 040, 100, 245, 250, 264, 300,
 * 490, 650, 700; some e-books, diacritics, subtitles), about a third of them another library's copy of an
 * earlier record with cataloguing variations:
 *   - feature extraction + blocking keys, records/s
 *   - pair comparisons (the candidate pairs blocking produces), pairs/s
 *   - batch clustering, records/s (keys + blocks + comparisons + union + display choice)
 *   - incremental placement with an in-memory key index standing in for the database, records/s
 * and the labelled-set precision / recall.
 *
 *   npx tsx bench/dedup.ts [records=200000]
 */
const WORDS = (
  'river desert history navajo pueblo water land people mountain spanish colonial mission trail song ' +
  'canyon mesa sun moon corn house road border city ranch cattle silver mining railroad frontier family ' +
  'women children school church art pottery weaving language dictionary grammar poems stories letters ' +
  'journey memory fire rain wind stone night morning garden kitchen medicine healing música tierra años ' +
  'niños corazón historia ciudad frontera pueblo camino'
).split(' ');
const SURNAMES =
  'García Martínez Begay Yazzie Smith Johnson Chávez Baca Lucero Tso Anaya Silko Momaday Nichols Lee Brown Müller Øster'.split(
    ' ',
  );
const GIVEN = 'María José John Mary Rudolfo Leslie Scott Ana Luis Grace Peter Carmen Dolores Ramón'.split(
  ' ',
);
const PUBLISHERS =
  'University of New Mexico Press|University of Arizona Press|Sunstone Press|Penguin Books|Arte Público Press|Museum of New Mexico Press'.split(
    '|',
  );

/** mulberry32: a small seeded generator, so every run benchmarks the same records. */
let seed = 42;
const rand = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const pick = <T>(list: readonly T[]) => list[rand(list.length)]!;

function isbn10(n: number): string {
  const body = String(n % 1_000_000_000).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

type Work = {
  title: string;
  subtitle?: string;
  author: string;
  year: number;
  pages: number;
  publisher: string;
  isbn?: string;
  ebook: boolean;
};

const SYLLABLES =
  'ba be ca co da de fe ga go ha ja ke la li lo ma me mo na ne no pa pe ra ri ro sa so ta te to va ve za'.split(
    ' ',
  );

/** A surname: a common one now and then, otherwise made of syllables (tens of thousands of distinct names). */
function surname(): string {
  if (rand(4) === 0) return pick(SURNAMES);
  const s = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

function work(i: number): Work {
  const words = 2 + rand(5);
  const title = Array.from({ length: words }, () => pick(WORDS)).join(' ');
  return {
    title: title[0]!.toUpperCase() + title.slice(1),
    subtitle: rand(3) === 0 ? `${pick(WORDS)} and ${pick(WORDS)}` : undefined,
    author: `${surname()}, ${pick(GIVEN)}`,
    year: 1950 + rand(75),
    pages: 50 + rand(700),
    publisher: pick(PUBLISHERS),
    isbn: rand(4) ? isbn10(100_000_000 + i * 7) : undefined,
    ebook: rand(10) === 0,
  };
}

/** Library B's record of a work: another cataloguer's habits. */
function variant(w: Work): Work {
  const v = { ...w };
  switch (rand(5)) {
    case 0:
      v.title = v.title.toUpperCase();
      break;
    case 1:
      v.subtitle = undefined;
      break;
    case 2:
      v.isbn = undefined;
      break;
    case 3:
      v.pages += 2;
      break;
  }
  return v;
}

function toMarc(w: Work, id: number): MarcRecord {
  const sf = (code: string, value: string) => ({ code, value });
  const data = (tag: string, ind: string, ...subfields: { code: string; value: string }[]) => ({
    tag,
    ind1: ind[0]!,
    ind2: ind[1]!,
    subfields,
  });
  const fields: MarcRecord['fields'] = [
    { tag: '001', value: String(id) },
    {
      tag: '008',
      value: `200101s${w.year}    nmu${w.ebook ? '     o           ' : '                 '}eng d`,
    },
  ];
  if (w.ebook) fields.push({ tag: '007', value: 'cr |||||||||||' });
  if (w.isbn) fields.push(data('020', '  ', sf('a', `${w.isbn} (pbk.)`)));
  fields.push(data('035', '  ', sf('a', `(OCoLC)ocm${String(id).padStart(8, '0')}`)));
  fields.push(data('040', '  ', sf('a', 'NmU'), sf('b', 'eng'), sf('c', 'NmU')));
  fields.push(data('100', '1 ', sf('a', w.author + '.')));
  const t = [sf('a', w.subtitle ? `${w.title} :` : `${w.title} /`)];
  if (w.subtitle) t.push(sf('b', `${w.subtitle} /`));
  t.push(sf('c', `by ${w.author}.`));
  fields.push(data('245', '10', ...t));
  fields.push(data('264', ' 1', sf('a', 'Albuquerque :'), sf('b', `${w.publisher},`), sf('c', `${w.year}.`)));
  fields.push(
    data(
      '300',
      '  ',
      sf('a', w.ebook ? `1 online resource (${w.pages} pages)` : `xii, ${w.pages} pages :`),
      sf('b', 'illustrations ;'),
      sf('c', '24 cm'),
    ),
  );
  fields.push(data('650', ' 0', sf('a', 'Southwest, New'), sf('x', 'History.')));
  fields.push(data('700', '1 ', sf('a', `${pick(SURNAMES)}, ${pick(GIVEN)},`), sf('e', 'editor.')));
  return { leader: '00000nam a2200000 i 4500', fields };
}

export function synthetic(count: number): { records: MarcRecord[]; libraries: string[] } {
  const records: MarcRecord[] = [];
  const libraries: string[] = [];
  const works: Work[] = [];
  for (let i = 0; i < count; i++) {
    const copy = works.length > 0 && rand(3) === 0;
    const w = copy ? variant(pick(works)) : work(i);
    if (!copy) works.push(w);
    records.push(toMarc(w, i));
    libraries.push(`L${rand(40)}`);
  }
  return { records, libraries };
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

/**
 * Times a phase by wall clock and by this process's CPU time: on a shared machine (other jobs running) the
 * CPU-time rate is the stable figure; the wall-clock one is what this run saw.
 */
function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

type Rate = { perSecond: number; perCpuSecond: number };
const rates = (n: number, t: { wallMs: number; cpuMs: number }): Rate => ({
  perSecond: rate(n, t.wallMs),
  perCpuSecond: rate(n, t.cpuMs),
});

export function benchDedup(count = 200_000) {
  const { records, libraries } = synthetic(count);

  // Streaming, as on ingest: features and keys are made and dropped (kept below for the clustering phases).
  const extract = timed(() => {
    let sink = 0;
    for (let i = 0; i < count; i++) sink += blockingKeys(extractFeatures(records[i]!)).length;
    return sink;
  });
  const features: MatchFeatures[] = records.map((r) => extractFeatures(r));
  const keys: string[][] = features.map((f) => blockingKeys(f));

  // The candidate pairs blocking produces (at most 50 records per block here).
  const blocks = new Map<string, number[]>();
  keys.forEach((list, i) => list.forEach((k) => (blocks.get(k) ?? blocks.set(k, []).get(k)!).push(i)));
  const pairs: [number, number][] = [];
  for (const block of blocks.values()) {
    for (let x = 0; x < block.length && x < 50; x++) {
      for (let y = x + 1; y < block.length && y < 50; y++) pairs.push([block[x]!, block[y]!]);
    }
  }
  const compare = timed(() => {
    let matches = 0;
    for (const [i, j] of pairs) {
      if (compareRecords(features[i]!, features[j]!, { sharedKeys: [], explain: false }).decision === 'match')
        matches++;
    }
    return matches;
  });

  const input: ClusterRecord[] = features.map((f, i) => ({
    id: String(i).padStart(8, '0'),
    library: libraries[i]!,
    features: f,
    keys: keys[i],
  }));
  const batch = timed(() => clusterRecords(input));

  // Incremental: an in-memory key → records index stands in for the database lookups (each placed record is
  // kept as the row the database would return, so the loop measures placement, not object building).
  const index = new Map<string, ClusteredCandidate[]>();
  const members = new Map<string, { id: string; library: string }[]>();
  let placeMs = 0;
  const incremental = timed(() => {
    for (let i = 0; i < count; i++) {
      const record = input[i]!;
      const seen = new Set<ClusteredCandidate>();
      for (const k of record.keys!) for (const c of index.get(k) ?? []) seen.add(c);
      const candidates = [...seen];
      const clusterIds = new Set<string>();
      for (const c of candidates) clusterIds.add(c.clusterId);
      const clusters = [...clusterIds].map((clusterId) => ({ clusterId, members: members.get(clusterId)! }));
      const start = performance.now();
      const placement = placeRecord(record, candidates, clusters);
      placeMs += performance.now() - start;
      const clusterId = placement.clusterId ?? record.id;
      const row: ClusteredCandidate = { ...record, clusterId };
      const list = members.get(clusterId);
      if (list) list.push({ id: record.id, library: record.library });
      else members.set(clusterId, [{ id: record.id, library: record.library }]);
      for (const k of record.keys!) {
        const block = index.get(k);
        if (block) block.push(row);
        else index.set(k, [row]);
      }
    }
    return members.size;
  });

  const quality = evaluatePairs();
  return {
    records: count,
    extractAndKey: rates(count, extract),
    pairs: pairs.length,
    pairMatches: compare.value,
    comparisons: rates(pairs.length, compare),
    clusters: batch.value.clusters.length,
    batchCluster: rates(count, batch),
    incremental: rates(count, incremental),
    /** placeRecord alone (wall clock), without the in-memory index standing in for the database. */
    placementOnlyPerSecond: rate(count, placeMs),
    labelledPairs: quality.pairs,
    precision: quality.precision,
    recall: quality.recall,
  };
}

/** Runs the benchmark and prints its figures (used by `npm run bench` and when run directly). */
export function printDedupBench(count: number) {
  const r = benchDedup(count);
  const show = (x: Rate, unit: string) =>
    `${x.perCpuSecond.toLocaleString('en')} ${unit}/s of CPU time (${x.perSecond.toLocaleString('en')}/s wall clock)`;
  console.log(`dedup on ${r.records.toLocaleString('en')} synthetic records (Node ${process.version})`);
  console.log(`  feature extraction + blocking keys    ${show(r.extractAndKey, 'records')}`);
  console.log(
    `  pair comparisons                      ${show(r.comparisons, 'pairs')}; ` +
      `${r.pairs.toLocaleString('en')} candidate pairs, ${r.pairMatches.toLocaleString('en')} matches`,
  );
  console.log(
    `  batch clustering (from features)      ${show(r.batchCluster, 'records')} → ${r.clusters.toLocaleString('en')} clusters`,
  );
  console.log(
    `  incremental placement (in-memory DB)  ${show(r.incremental, 'records')}; ` +
      `placeRecord alone ${r.placementOnlyPerSecond.toLocaleString('en')}/s wall clock`,
  );
  console.log(
    `  labelled pairs: ${r.labelledPairs}, precision ${(r.precision * 100).toFixed(2)} %, recall ${(r.recall * 100).toFixed(2)} %`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printDedupBench(Number(process.argv[2] ?? process.env.BENCH_DEDUP_RECORDS ?? 200_000));
}
