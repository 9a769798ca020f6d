import type { SearchDoc } from '../server/modules/catalog/search/index.ts';
import { fold, isbn10To13 } from '../server/modules/catalog/search/normalize.ts';

/**
 * Synthetic catalog search documents for the search-engine benchmark, deterministic from a fixed seed: a
 * Zipf vocabulary of real top words and syllable words, Zipf-distributed names, subjects, publishers and 40
 * libraries with 1–8 holdings, skewed formats and languages.
 */

let seed = 7;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n: number) => Math.floor(rand() * n);

/** Zipf sampler over ranks 0..n-1 with exponent s (inverse CDF by binary search). */
function zipf(n: number, s: number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const u = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const TOP = (
  'the of and a in to for on with de la el los las del y history state states new american world life art ' +
  'guide war book story stories family children women music national science public university law ' +
  'texas mexico people water land river city county south west social health school education church ' +
  'library libraries report reports study studies development management policy research design poems ' +
  'letters house home love night day time years century culture spanish indian native nation nations ' +
  'government political economic energy natural desert mountain border frontier mission missions trail'
).split(' ');
const SYL =
  'ba be bi bo ca ce co cu da de di do fa fe fo ga go ha he hi ka ke la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi za zo'.split(
    ' ',
  );
const syllableWord = (i: number) => {
  let w = '';
  let n = i + 1;
  while (n > 0) {
    w += SYL[n % SYL.length];
    n = Math.floor(n / SYL.length);
  }
  return w + 'n';
};
export const VOCAB = [...TOP, ...Array.from({ length: 300_000 }, (_, i) => syllableWord(i))];
const word = zipf(VOCAB.length, 1.0);
const words = (n: number) => Array.from({ length: n }, () => VOCAB[word()]!).join(' ');
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const NAMES = Array.from(
  { length: 100_000 },
  (_, i) => `${cap(syllableWord(i * 7 + 3))}, ${cap(syllableWord(i % 997))}`,
);
const name = zipf(NAMES.length, 0.9);
const SUBJECT_BASES = Array.from(
  { length: 50_000 },
  (_, i) => `${cap(VOCAB[((i * 13) % 20_000) + 30]!)} ${VOCAB[((i * 7) % 5_000) + 30]!}`,
);
const subject = zipf(SUBJECT_BASES.length, 1.0);
const PUBLISHERS = Array.from({ length: 5_000 }, (_, i) => `${cap(syllableWord(i + 50))} Press`);
const publisher = zipf(PUBLISHERS.length, 1.0);
export const LIBRARIES = Array.from(
  { length: 40 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);
const library = zipf(LIBRARIES.length, 1.0);
const holdings = zipf(8, 1.0);
const pickWeighted = <T>(items: [T, number][]) => {
  let u = rand();
  for (const [item, w] of items) if ((u -= w) < 0) return item;
  return items[items.length - 1]![0];
};
const FORMATS: [string, number][] = [
  ['book', 0.7],
  ['ebook', 0.15],
  ['serial', 0.05],
  ['video', 0.05],
  ['music-recording', 0.03],
  ['map', 0.02],
];
const LANGS: [string | null, number][] = [
  ['eng', 0.75],
  ['spa', 0.15],
  ['fre', 0.04],
  ['ger', 0.03],
  [null, 0.03],
];

export function isbnFor(i: number): string {
  const body = String(i % 1_000_000_000).padStart(9, '0');
  return isbn10To13(body + '0');
}

export const generateId = (i: number) => `c${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`;

export function generateDoc(i: number): SearchDoc {
  const title = words(3 + int(8));
  const subjects = Array.from({ length: 1 + int(4) }, () => {
    let s = SUBJECT_BASES[subject()]!;
    if (rand() < 0.15) s += ' -- History';
    if (rand() < 0.12) s += ' -- United States';
    return s;
  });
  const libs = [...new Set(Array.from({ length: 1 + holdings() }, () => LIBRARIES[library()]!))];
  const isbns = rand() < 0.8 ? [isbnFor(i * 2), ...(rand() < 0.3 ? [isbnFor(i * 2 + 1)] : [])] : [];
  return {
    id: generateId(i),
    title: cap(title),
    titleAlt: rand() < 0.2 ? [words(3 + int(4))] : [],
    sortTitle: fold(title).replace(/^(the|a|an|el|la|los|las) /, ''),
    authors: Array.from({ length: 1 + int(3) }, () => NAMES[name()]!),
    subjects,
    publishers: [PUBLISHERS[publisher()]!],
    series: rand() < 0.15 ? [words(2 + int(3))] : [],
    notes: rand() < 0.3 ? [words(15 + int(26))] : [],
    isbns,
    issns: rand() < 0.05 ? [`${String(1000 + (i % 9000))}-${String(100 + (i % 900))}X`] : [],
    oclcNumbers: [String(10_000_000 + i)],
    lccn: null,
    year: rand() < 0.03 ? null : 2026 - Math.floor(Math.pow(rand(), 1.6) * 127),
    language: pickWeighted(LANGS),
    format: pickWeighted(FORMATS),
    libraries: libs,
    libraryCount: libs.length,
  };
}
