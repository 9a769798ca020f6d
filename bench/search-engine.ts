import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { SearchIndex, type SearchDoc, type SearchRequest } from '../server/modules/catalog/search/index.ts';
import { fold } from '../server/modules/catalog/search/normalize.ts';
import { LIBRARIES, TOP, VOCAB, generateDoc, generateId, isbnFor } from './search-docs.ts';

/**
 * The in-memory catalog search engine at scale, on synthetic documents (Zipf vocabulary of real top words and
 * syllable words; titles 3–10 words, 1–3 authors from a Zipf name list, 1–4 subject headings, a third of them
 * with "-- History" or "-- United States", notes for 30 %, ISBNs, years 1900–2026, 40 libraries with Zipf
 * holdings 1–8, skewed formats and languages):
 *   - build time, documents/ms, heap and RSS, the engine's own accounting;
 *   - p50 / p95 / max per query class (facets included) beside a naive linear scan (folded text contains
 *     the words, facet counts, top 20) over a subset, extrapolated linearly to the full size;
 *   - updates (upsert of existing ids) and compaction.
 *
 *   node --max-old-space-size=4096 --expose-gc --import tsx bench/search-engine.ts   (BENCH_SEARCH_DOCS=1000000)
 */

/** What the naive scan keeps per document: its folded text with spaces around, and the facet fields. */
type Naive = { text: string; title: string; isbns: string[]; doc: SearchDoc };

function naiveRecord(doc: SearchDoc): Naive {
  const all = [
    doc.title,
    ...doc.titleAlt,
    ...doc.authors,
    ...doc.subjects,
    ...doc.publishers,
    ...doc.series,
    ...doc.notes,
  ];
  return { text: ` ${fold(all.join(' | '))} `, title: fold(doc.title), isbns: doc.isbns, doc };
}

type Case = {
  cls: string;
  label: string;
  req: SearchRequest;
  /** The naive scan's version: every needle (" word ", " a phrase ") contained, or the ISBN, plus a filter. */
  naive: { needles: string[]; isbn?: string; keep?: (d: SearchDoc) => boolean };
};

function naiveSearch(subset: Naive[], c: Case): number {
  const needles = c.naive.needles;
  const formats = new Map<string, number>();
  const libraries = new Map<string, number>();
  const matched: Naive[] = [];
  for (const r of subset) {
    if (c.naive.isbn ? !r.isbns.includes(c.naive.isbn) : !needles.every((n) => r.text.includes(n))) continue;
    if (c.naive.keep && !c.naive.keep(r.doc)) continue;
    matched.push(r);
    formats.set(r.doc.format, (formats.get(r.doc.format) ?? 0) + 1);
    for (const l of r.doc.libraries) libraries.set(l, (libraries.get(l) ?? 0) + 1);
  }
  matched.sort((a, b) => b.doc.libraryCount - a.doc.libraryCount || (b.doc.year ?? 0) - (a.doc.year ?? 0));
  return matched.slice(0, 20).length + formats.size + libraries.size;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(7);
const mib = (bytes: number) => `${Math.round(bytes / 1048576).toLocaleString('en')} MiB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function build(count: number) {
  const subsetSize = Math.min(count, 100_000);
  gc();
  const before = process.memoryUsage();
  const ix = new SearchIndex();
  const subset: Naive[] = [];
  let indexMs = 0;
  let indexCpu = 0;
  for (let start = 0; start < count; start += 10_000) {
    const batch: SearchDoc[] = [];
    for (let i = start; i < Math.min(count, start + 10_000); i++) batch.push(generateDoc(i));
    for (const d of batch) if (subset.length < subsetSize) subset.push(naiveRecord(d));
    const t = performance.now();
    const cpu = process.cpuUsage();
    for (const d of batch) ix.upsert(d);
    indexMs += performance.now() - t;
    const used = process.cpuUsage(cpu);
    indexCpu += (used.user + used.system) / 1000;
  }
  gc();
  const after = process.memoryUsage();
  const stats = ix.memoryStats();
  console.log(`search engine on ${count.toLocaleString('en')} synthetic documents (Node ${process.version})`);
  console.log(
    `  build: ${(indexMs / 1000).toFixed(1)} s wall clock indexing (generation excluded), ${(count / indexMs).toFixed(1)} docs/ms; ` +
      `${(indexCpu / 1000).toFixed(1)} s CPU (${(count / indexCpu).toFixed(1)} docs/ms of CPU time, GC threads included)`,
  );
  console.log(
    `  memory: heap +${mib(after.heapUsed - before.heapUsed)}, external+arrayBuffers +${mib(after.arrayBuffers - before.arrayBuffers)}, ` +
      `RSS ${mib(after.rss)} (naive subset of ${subsetSize.toLocaleString('en')} docs included)`,
  );
  console.log(
    `  engine: ${stats.terms.toLocaleString('en')} terms, ${stats.postings.toLocaleString('en')} postings in ${mib(stats.postingsBytes)}, ` +
      `token streams ${mib(stats.streamBytes)}, columns ${mib(stats.columnBytes)}, ${stats.facetValues.toLocaleString('en')} facet values`,
  );

  const df = (w: string) => ix.postings.df(ix.term(w));
  const share = (w: string) => `${((100 * df(w)) / count).toFixed(1)} %`;
  const content = [...TOP.slice(16), 'united'].filter((w) => df(w) > 0);
  const common = content.sort((a, b) => df(b) - df(a)).slice(0, 3);
  const tail = VOCAB.slice(TOP.length);
  const medium = tail.filter((w) => df(w) >= count * 0.002 && df(w) <= count * 0.02).slice(0, 3);
  const rare = tail.filter((w, i) => i > 20_000 && df(w) >= 3 && df(w) <= 50).slice(0, 3);
  const sample = subset[4242 % subset.length]!;
  const titleWords = sample.title.split(' ');
  const phrase = titleWords.slice(0, 2).join(' ');
  const author = fold(subset[3133 % subset.length]!.doc.authors[0]!);
  const isbn13 = subset[777 % subset.length]!.isbns[0] ?? isbnFor(1554);
  const body = isbn13.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  const isbn10 = `${body.slice(0, 1)}-${body.slice(1, 4)}-${body.slice(4)}-${check === 10 ? 'X' : check}`;
  const isbnHyphen = `${isbn13.slice(0, 3)}-${isbn13.slice(3, 4)}-${isbn13.slice(4, 7)}-${isbn13.slice(7, 12)}-${isbn13.slice(12)}`;
  const m = medium[1]!;
  const long = tail.find((w) => w.length >= 7 && df(w) >= count * 0.001)!;
  const misspelled = long.slice(0, 2) + long[3] + long[2] + long.slice(4);
  const libFilter = [LIBRARIES[2]!, LIBRARIES[5]!];

  const single = (cls: string, w: string): Case => ({
    cls,
    label: `${w} (${share(w)})`,
    req: { q: w },
    naive: { needles: [` ${w} `] },
  });
  const cases: Case[] = [
    ...rare.map((w) => single('rare word', w)),
    ...medium.map((w) => single('medium word', w)),
    ...common.map((w) => single('common word', w)),
    ...[
      [medium[0]!, medium[1]!],
      [common[0]!, medium[2]!],
      [common[0]!, common[1]!],
    ].map(([a, b]) => ({
      cls: 'two words',
      label: `${a} ${b}`,
      req: { q: `${a} ${b}` },
      naive: { needles: [` ${a} `, ` ${b} `] },
    })),
    {
      cls: 'phrase',
      label: '"united states"',
      req: { q: '"united states"' },
      naive: { needles: [' united states '] },
    },
    { cls: 'phrase', label: `"${phrase}"`, req: { q: `"${phrase}"` }, naive: { needles: [` ${phrase} `] } },
    { cls: 'fielded', label: `title:${m}`, req: { q: `title:${m}` }, naive: { needles: [` ${m} `] } },
    {
      cls: 'fielded',
      label: `author:"${author}"`,
      req: { q: `author:"${author}"` },
      naive: { needles: [` ${author} `] },
    },
    { cls: 'isbn', label: isbn10, req: { q: isbn10 }, naive: { needles: [], isbn: isbn13 } },
    { cls: 'isbn', label: isbnHyphen, req: { q: isbnHyphen }, naive: { needles: [], isbn: isbn13 } },
    {
      cls: 'facet filters',
      label: `${common[0]} + book, 2 libraries, 1990-`,
      req: { q: common[0]!, filters: { format: ['book'], library: libFilter, yearFrom: 1990 } },
      naive: {
        needles: [` ${common[0]} `],
        keep: (d) =>
          d.format === 'book' && d.libraries.some((l) => libFilter.includes(l)) && (d.year ?? 0) >= 1990,
      },
    },
    {
      cls: 'facet filters',
      label: `${medium[0]} + spa, -2000`,
      req: { q: medium[0]!, filters: { language: ['spa'], yearTo: 2000 } },
      naive: {
        needles: [` ${medium[0]} `],
        keep: (d) => d.language === 'spa' && d.year !== null && d.year <= 2000,
      },
    },
    {
      cls: 'prefix',
      label: `${m.slice(0, 4)}*`,
      req: { q: `${m.slice(0, 4)}*` },
      naive: { needles: [` ${m.slice(0, 4)}`] },
    },
    { cls: 'misspelled', label: misspelled, req: { q: misspelled }, naive: { needles: [` ${misspelled} `] } },
  ];
  const t = performance.now();
  ix.prepare();
  console.log(
    `  prepare() (repack, sorted vocabulary, spelling buckets): ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );
  return { ix, subset, cases, count, subsetSize };
}

/** Runs the benchmark and prints its figures. */
export function printSearchEngineBench(count: number) {
  const { ix, subset, cases, subsetSize } = build(count);
  const runs = 7;
  const scale = count / subsetSize;
  const firstCall = new Map<string, number>();
  let t: number;
  const byClass = new Map<string, { engine: number[]; cpu: number[]; naive: number[]; labels: string[] }>();
  for (const c of cases) {
    t = performance.now();
    const first = ix.search(c.req);
    firstCall.set(c.cls, Math.max(firstCall.get(c.cls) ?? 0, performance.now() - t));
    const entry = byClass.get(c.cls) ?? { engine: [], cpu: [], naive: [], labels: [] };
    byClass.set(c.cls, entry);
    entry.labels.push(
      `${c.label} → ${first.total.toLocaleString('en')}${first.didYouMean ? ` (did you mean "${first.didYouMean}")` : ''}`,
    );
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      const cpu = process.cpuUsage();
      ix.search(c.req);
      entry.engine.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      entry.cpu.push((used.user + used.system) / 1000);
    }
    for (let r = 0; r < 2; r++) {
      t = performance.now();
      naiveSearch(subset, c);
      entry.naive.push((performance.now() - t) * scale);
    }
  }
  console.log(
    `  searches (${runs} runs each after a first call; facets included; baseline = naive scan of ${subsetSize.toLocaleString('en')} docs × ${scale.toFixed(0)}):`,
  );
  console.log(
    '  class            p50 ms  p95 ms  max ms  first ms | CPU p50  CPU p95 | naive p50 ms  ratio (naive / engine p50)',
  );
  const all: number[] = [];
  const allCpu: number[] = [];
  for (const [cls, e] of byClass) {
    all.push(...e.engine);
    allCpu.push(...e.cpu);
    const naive = pct(e.naive, 50);
    console.log(
      `  ${cls.padEnd(15)} ${ms(pct(e.engine, 50))} ${ms(pct(e.engine, 95))} ${ms(Math.max(...e.engine))} ${ms(firstCall.get(cls)!)}  | ` +
        `${ms(pct(e.cpu, 50))}  ${ms(pct(e.cpu, 95))} | ${ms(naive)}      ${(naive / pct(e.engine, 50)).toFixed(0)}×`,
    );
    for (const l of e.labels) console.log(`      ${l}`);
  }
  console.log(
    `  all classes: p50 ${ms(pct(all, 50))} ms, p95 ${ms(pct(all, 95))} ms, max ${ms(Math.max(...all))} ms wall clock; ` +
      `CPU p50 ${ms(pct(allCpu, 50))} ms, p95 ${ms(pct(allCpu, 95))} ms (GC threads included); ` +
      `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );

  // Updates after boot: replace existing documents (tombstone + append), then compact.
  const updates = Math.min(20_000, count);
  const docs = Array.from({ length: updates }, (_, i) => ({
    ...generateDoc(count + i),
    id: generateId((i * 7919) % count),
  }));
  t = performance.now();
  for (const d of docs) ix.upsert(d);
  const updateMs = performance.now() - t;
  t = performance.now();
  ix.compact();
  const compactMs = performance.now() - t;
  console.log(
    `  updates: ${updates.toLocaleString('en')} upserts of existing ids at ${(updates / updateMs).toFixed(1)} docs/ms; ` +
      `compaction of ${count.toLocaleString('en')} docs ${(compactMs / 1000).toFixed(2)} s`,
  );
  gc();
  console.log(
    `  RSS at the end ${mib(process.memoryUsage().rss)}, heap used ${mib(process.memoryUsage().heapUsed)}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printSearchEngineBench(Number(process.argv[2] ?? process.env.BENCH_SEARCH_DOCS ?? 1_000_000));
}
