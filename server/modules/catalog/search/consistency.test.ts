import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.ts';
import { doc, indexOf } from './test-support.ts';
import type { SearchDoc, SearchRequest, SearchResponse } from './types.ts';

/** mulberry32: a seeded generator, so a failure replays exactly. */
function prng(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const WORDS =
  'river rivers desert water waters land song songs the of and historia historias casa casas luz luces'.split(
    ' ',
  );
const AUTHORS = ['Ames, A.', 'Baca, B.', 'Chávez, C.', 'Diné, D.'];
const SUBJECTS = ['Rivers', 'Deserts -- Texas', 'Water rights', 'Songs'];
const FORMATS = ['book', 'ebook', 'video'];
const LANGUAGES = ['eng', 'spa', null];
const LIBRARIES = ['L1', 'L2', 'L3', 'L4'];

function randomDoc(rand: (n: number) => number, id: string): SearchDoc {
  const words = (n: number) => Array.from({ length: n }, () => WORDS[rand(WORDS.length)]!).join(' ');
  const some = <T>(list: T[], max: number) => [
    ...new Set(Array.from({ length: rand(max + 1) }, () => list[rand(list.length)]!)),
  ];
  return doc(id, {
    title: words(1 + rand(5)),
    titleAlt: rand(3) === 0 ? [words(2)] : [],
    authors: some(AUTHORS, 2),
    subjects: some(SUBJECTS, 3),
    notes: rand(3) === 0 ? [words(6)] : [],
    isbns: rand(2) === 0 ? [`97803064${String(rand(100000)).padStart(5, '0')}`] : [],
    year: rand(5) === 0 ? null : 1990 + rand(30),
    language: LANGUAGES[rand(LANGUAGES.length)]!,
    format: FORMATS[rand(FORMATS.length)]!,
    libraries: some(LIBRARIES, 3),
    libraryCount: rand(4),
  });
}

const QUERIES: SearchRequest[] = [
  { q: '' },
  { q: 'river' },
  { q: 'rivers water' },
  { q: 'river OR song -desert' },
  { q: '"the river"' },
  { q: 'riv*' },
  { q: 'title:water author:ames' },
  { q: 'casa' },
  { q: 'luz', sort: 'newest' },
  { q: 'the of' },
  { q: 'land', sort: 'title', filters: { format: ['book', 'video'], library: ['L2'] } },
  { q: 'water', sort: 'oldest', filters: { yearFrom: 1995, yearTo: 2010, language: ['spa'] } },
  { q: 'song', filters: { subject: ['Songs'], author: ['Baca, B.', 'Ames, A.'] } },
];

/** The response without timing (and, unless asked, without did-you-mean, whose frequencies count tombstones). */
function comparable(r: SearchResponse, withSuggestion: boolean) {
  return { ...r, tookMs: 0, didYouMean: withSuggestion ? r.didYouMean : null };
}

function expectSame(a: SearchIndex, b: SearchIndex, withSuggestion: boolean) {
  expect(a.size).toBe(b.size);
  for (const q of QUERIES) {
    const req = { limit: 100, facetLimit: 50, ...q };
    expect(comparable(a.search(req), withSuggestion), JSON.stringify(q)).toEqual(
      comparable(b.search(req), withSuggestion),
    );
  }
}

describe('upsert / remove consistency', () => {
  it.each([1, 2, 3])('matches a freshly built index after random changes (seed %i)', (seed) => {
    const rand = prng(seed);
    const live = new Map<string, SearchDoc>();
    const ix = new SearchIndex({ compactMinDead: 40, compactRatio: 0.3 });
    for (let step = 0; step < 1500; step++) {
      const op = rand(10);
      const id = `doc-${rand(300)}`;
      if (op < 7) {
        const d = randomDoc(rand, id);
        live.set(id, d);
        ix.upsert(d);
      } else {
        expect(ix.remove(id)).toBe(live.delete(id));
      }
      expect(ix.has(id)).toBe(live.has(id));
      if (step % 250 === 249) expectSame(ix, indexOf([...live.values()].reverse()), false);
    }
    expectSame(ix, indexOf([...live.values()]), false);
    ix.compact();
    expect(ix.memoryStats()).toMatchObject({ documents: live.size, deadDocuments: 0 });
    expectSame(ix, indexOf([...live.values()]), true);
  });

  it('replaces a document on upsert of the same id', () => {
    const ix = indexOf([doc('a', { title: 'old words' })]);
    ix.upsert(doc('a', { title: 'new words' }));
    expect(ix.size).toBe(1);
    expect(ix.search({ q: 'old' }).total).toBe(0);
    expect(ix.search({ q: 'new' }).hits).toEqual([{ id: 'a', score: expect.any(Number) }]);
    expect(ix.remove('a')).toBe(true);
    expect(ix.remove('a')).toBe(false);
    expect(ix.search({ q: 'words' }).total).toBe(0);
  });
});

describe('did you mean', () => {
  const ix = indexOf([
    ...Array.from({ length: 6 }, (_, i) => doc(`h${i}`, { title: `history of texas ${i}` })),
    ...Array.from({ length: 3 }, (_, i) => doc(`s${i}`, { title: `histology atlas ${i}` })),
    doc('typo', { title: 'a histroy book' }),
    ...Array.from({ length: 4 }, (_, i) => doc(`p${i}`, { title: `peace talks ${i}` })),
  ]);
  it.each([
    ['histroy', 'history'],
    ['hisotry', 'history'],
    ['title:histroy', 'title:history'],
    ['texas histroy', 'texas history'],
    ['"histroy of texas"', '"history of texas"'],
    ['histroy OR paece', 'history OR peace'],
    ['pease', 'peace'],
  ])('%s → %s', (q, expected) => expect(ix.search({ q }).didYouMean).toBe(expected));

  it('suggests nothing when the query finds enough or nothing is close', () => {
    expect(ix.search({ q: 'history' }).didYouMean).toBeNull();
    expect(ix.search({ q: 'zzzzqqq' }).didYouMean).toBeNull();
    expect(ix.search({ q: '9780306406157' }).didYouMean).toBeNull();
  });
});
