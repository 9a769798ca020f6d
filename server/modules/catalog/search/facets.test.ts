import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.ts';
import { doc, ids, indexOf, matchSet } from './test-support.ts';
import type { SearchFilters } from './types.ts';

const L1 = 'lib-1';
const L2 = 'lib-2';
const L3 = 'lib-3';
const ix = indexOf([
  doc('b1', {
    title: 'River book one',
    format: 'book',
    language: 'eng',
    year: 1995,
    libraries: [L1, L2],
    subjects: ['Rivers'],
    authors: ['Ames, A.'],
  }),
  doc('b2', {
    title: 'River book two',
    format: 'book',
    language: 'spa',
    year: 2004,
    libraries: [L2],
    subjects: ['Rivers', 'Texas'],
    authors: ['Baca, B.'],
  }),
  doc('e1', {
    title: 'River ebook',
    format: 'ebook',
    language: 'eng',
    year: 2011,
    libraries: [L3],
    subjects: ['Texas'],
    authors: ['Ames, A.'],
  }),
  doc('v1', {
    title: 'River video',
    format: 'video',
    language: null,
    year: null,
    libraries: [L1],
    subjects: [],
    authors: [],
  }),
  doc('x1', {
    title: 'Mountain book',
    format: 'book',
    language: 'eng',
    year: 1999,
    libraries: [L1],
    subjects: ['Mountains'],
  }),
]);
const facets = (filters: SearchFilters, q = 'river') => ix.search({ q, filters }).facets;

describe('facets', () => {
  it('counts over the whole result set, most frequent first, ties by value', () => {
    const f = ix.search({ q: 'river', limit: 1 }).facets;
    expect(f.format).toEqual([
      { value: 'book', count: 2 },
      { value: 'ebook', count: 1 },
      { value: 'video', count: 1 },
    ]);
    expect(f.language).toEqual([
      { value: 'eng', count: 2 },
      { value: 'spa', count: 1 },
    ]);
    expect(f.library).toEqual([
      { value: L1, count: 2 },
      { value: L2, count: 2 },
      { value: L3, count: 1 },
    ]);
    expect(f.subject).toEqual([
      { value: 'Rivers', count: 2 },
      { value: 'Texas', count: 2 },
    ]);
    expect(f.author).toEqual([
      { value: 'Ames, A.', count: 2 },
      { value: 'Baca, B.', count: 1 },
    ]);
    expect(f.year).toEqual({
      min: 1995,
      max: 2011,
      buckets: [
        { value: '1990', count: 1 },
        { value: '2000', count: 1 },
        { value: '2010', count: 1 },
      ],
    });
  });

  it('honours facetLimit', () => {
    expect(ix.search({ q: 'river', facetLimit: 1 }).facets.format).toEqual([{ value: 'book', count: 2 }]);
  });

  it('ORs values within a facet and ANDs facets', () => {
    expect(matchSet(ix, { q: 'river', filters: { format: ['book', 'video'] } })).toEqual(['b1', 'b2', 'v1']);
    expect(matchSet(ix, { q: 'river', filters: { format: ['book'], language: ['spa'] } })).toEqual(['b2']);
    expect(matchSet(ix, { q: 'river', filters: { library: [L1, L3] } })).toEqual(['b1', 'e1', 'v1']);
    expect(matchSet(ix, { q: 'river', filters: { subject: ['Texas'], author: ['Ames, A.'] } })).toEqual([
      'e1',
    ]);
    expect(matchSet(ix, { q: 'river', filters: { format: ['no-such-format'] } })).toEqual([]);
  });

  it("computes each facet without its own selection (multi-select) but with the others'", () => {
    const f = facets({ format: ['book'], library: [L1] });
    expect(ix.search({ q: 'river', filters: { format: ['book'], library: [L1] } }).total).toBe(1);
    // format counts: library filter applied, format filter not → b1 (book), v1 (video)
    expect(f.format).toEqual([
      { value: 'book', count: 1 },
      { value: 'video', count: 1 },
    ]);
    // library counts: format filter applied, library filter not → b1 (L1, L2), b2 (L2)
    expect(f.library).toEqual([
      { value: L2, count: 2 },
      { value: L1, count: 1 },
    ]);
    // other facets: both filters → only b1
    expect(f.language).toEqual([{ value: 'eng', count: 1 }]);
    expect(f.year.buckets).toEqual([{ value: '1990', count: 1 }]);
  });

  it('filters by an inclusive year range; the year facet ignores its own range', () => {
    expect(matchSet(ix, { q: 'river', filters: { yearFrom: 1995, yearTo: 2004 } })).toEqual(['b1', 'b2']);
    expect(matchSet(ix, { q: 'river', filters: { yearFrom: 2005 } })).toEqual(['e1']);
    expect(matchSet(ix, { q: 'river', filters: { yearTo: 1994 } })).toEqual([]);
    const f = facets({ yearFrom: 2005 });
    expect(f.year).toMatchObject({ min: 1995, max: 2011 });
    expect(f.format).toEqual([{ value: 'ebook', count: 1 }]);
  });
});

describe('sorts and paging', () => {
  it('sorts by year (unknown last) and by title, deterministically', () => {
    expect(ids(ix, { q: 'river', sort: 'newest' })).toEqual(['e1', 'b2', 'b1', 'v1']);
    expect(ids(ix, { q: 'river', sort: 'oldest' })).toEqual(['b1', 'b2', 'e1', 'v1']);
    expect(ids(ix, { q: 'river', sort: 'title' })).toEqual(['b1', 'b2', 'e1', 'v1']);
    expect(ids(ix, { q: '', sort: 'title' })).toEqual(['x1', 'b1', 'b2', 'e1', 'v1']);
  });

  it('pages through the same order with offset and limit', () => {
    const all = ids(ix, { q: '', sort: 'newest' });
    const pages = [0, 2, 4].flatMap((offset) => ids(ix, { q: '', sort: 'newest', offset, limit: 2 }));
    expect(pages).toEqual(all);
    expect(ix.search({ q: '', offset: 4, limit: 2 }).total).toBe(5);
  });

  it('clamps the page size and depth', () => {
    const big = indexOf(Array.from({ length: 150 }, (_, i) => doc(`d${i}`, { title: 'same' })));
    expect(big.search({ q: 'same', limit: 500 }).hits).toHaveLength(100);
    expect(big.search({ q: 'same', limit: -3 }).hits).toHaveLength(0);
    expect(big.search({ q: 'same', offset: 20_000, limit: 10 }).hits).toHaveLength(0);
  });
});

describe('facet columns past their first growth', () => {
  it('counts every holding library exactly after thousands of documents and re-upserts', () => {
    const ix = new SearchIndex();
    const truth = new Map<string, string[]>();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3000; i++) {
        const id = `c${i}`;
        const libraries = [...new Set([...(truth.get(id) ?? []), `lib${(i * 7 + round * 13) % 40}`])];
        truth.set(id, libraries);
        ix.upsert(doc(id, { title: `perl ${i % 50}`, libraries, libraryCount: libraries.length }));
      }
    }
    const expected = new Map<string, number>();
    for (const list of truth.values()) for (const l of list) expected.set(l, (expected.get(l) ?? 0) + 1);
    const found = ix.search({ q: 'perl', facetLimit: 100 }).facets.library;
    expect(new Map(found.map((f) => [f.value, f.count]))).toEqual(expected);
  });
});
