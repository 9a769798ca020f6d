/**
 * Seeded randomness for the synthetic catalogue. Every manifestation and every library's copy of it draws
 * from its own stream, keyed by (seed, id, purpose): nothing has to be remembered between records, so the
 * generator runs in flat memory and any record can be rebuilt on its own.
 */

/** 32-bit mix of a few integers (murmur3 finaliser over a running hash). */
function mix(seed: number, a: number, b: number): number {
  let h = seed ^ 0x9e3779b9;
  for (const v of [a, b, Math.floor(a / 2 ** 32)]) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export class Random {
  private state: number;
  constructor(seed: number, a = 0, b = 0) {
    this.state = mix(seed, a, b);
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  /** A Zipf-distributed element of a list ordered most frequent first. */
  zipf<T>(list: readonly T[], s = 1): T {
    return list[zipfSampler(list.length, s).draw(this.next())]!;
  }
}

/** Inverse-CDF sampler of ranks 0..n-1 with weight 1/(rank+1)^s. */
export class ZipfSampler {
  private readonly cdf: Float64Array;
  constructor(n: number, s: number) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) this.cdf[i] = total += 1 / Math.pow(i + 1, s);
    for (let i = 0; i < n; i++) this.cdf[i]! /= total;
  }

  draw(u: number): number {
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const samplers = new Map<string, ZipfSampler>();
function zipfSampler(n: number, s: number): ZipfSampler {
  const key = `${n}:${s}`;
  let sampler = samplers.get(key);
  if (!sampler) samplers.set(key, (sampler = new ZipfSampler(n, s)));
  return sampler;
}

/** ISBN-13 (978 prefix) from nine body digits, and its ISBN-10 form. */
export function isbnFrom(body9: string): { isbn13: string; isbn10: string } {
  let s13 = 0;
  const d13 = '978' + body9;
  for (let i = 0; i < 12; i++) s13 += Number(d13[i]) * (i % 2 ? 3 : 1);
  let s10 = 0;
  for (let i = 0; i < 9; i++) s10 += Number(body9[i]) * (10 - i);
  const c10 = (11 - (s10 % 11)) % 11;
  return { isbn13: d13 + ((10 - (s13 % 10)) % 10), isbn10: body9 + (c10 === 10 ? 'X' : String(c10)) };
}

/** ISSN "1234-567X" from seven digits. */
export function issnFrom(body7: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(body7[i]) * (8 - i);
  const c = (11 - (sum % 11)) % 11;
  return `${body7.slice(0, 4)}-${body7.slice(4)}${c === 10 ? 'X' : c}`;
}

export const toRoman = (n: number) => {
  const table: [number, string][] = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [value, letters] of table) for (; n >= value; n -= value) out += letters;
  return out;
};

/** Removes combining marks: some legacy exports lost their diacritics. */
export const stripDiacritics = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

export const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
