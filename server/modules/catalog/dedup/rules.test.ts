import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';
import { LABELLED_PAIRS } from './labelled-pairs.ts';
import { compareRecords, type RuleId } from './rules.ts';
import { build, type Spec } from './testing/builder.ts';

const BOOK: Spec = {
  title: 'Bless me, Ultima',
  author: 'Anaya, Rudolfo A.',
  year: 1994,
  publisher: 'Warner Books',
  extent: 'x, 262 p.',
};
const compare = (a: Spec, b: Spec, ignored?: string[]) =>
  compareRecords(extractFeatures(build(a)), extractFeatures(build(b)), {
    ignoredIsbns: ignored && new Set(ignored),
  });

describe('ordered pair rules: each rule decides its case', () => {
  const cases: [string, Spec, Spec, 'match' | 'no-match', RuleId][] = [
    ['same format required', BOOK, { ...BOOK, kind: 'ebook' }, 'no-match', 'format'],
    [
      'carriers must agree',
      { ...BOOK, kind: 'video', f007: 'vd cvaizq' },
      { ...BOOK, kind: 'video', f007: 'vf cbahos' },
      'no-match',
      'format',
    ],
    ['part numbers differ', { ...BOOK, part: 'v. 1' }, { ...BOOK, part: 'v. 2' }, 'no-match', 'part'],
    ['only one is a part', { ...BOOK, part: 'v. 1' }, BOOK, 'no-match', 'part'],
    [
      'part names differ',
      { ...BOOK, partName: 'Poems' },
      { ...BOOK, partName: 'Letters' },
      'no-match',
      'part',
    ],
    [
      'conference numbers differ',
      { ...BOOK, author: undefined, meeting: { name: 'Symposium', number: '4th' } },
      { ...BOOK, author: undefined, meeting: { name: 'Symposium', number: '5th' } },
      'no-match',
      'part',
    ],
    [
      'numbers in titles differ',
      { ...BOOK, title: 'Report 2019' },
      { ...BOOK, title: 'Report 2020' },
      'no-match',
      'title-numbers',
    ],
    [
      'edition numbers differ (even with a shared ISBN)',
      { ...BOOK, isbn: ['0446600253'], edition: '2nd ed.' },
      { ...BOOK, isbn: ['0446600253'], edition: 'Third edition' },
      'no-match',
      'edition',
    ],
    [
      'unnumbered editions differ',
      { ...BOOK, edition: 'Rev. ed.' },
      { ...BOOK, edition: 'Large print ed.' },
      'no-match',
      'edition',
    ],
    [
      'shared ISBN matches despite other differences',
      { ...BOOK, isbn: ['0446600253'] },
      { ...BOOK, isbn: ['978-0-446-60025-5'], title: 'Bless me Ultima : a novel', year: 1995 },
      'match',
      'isbn',
    ],
    [
      'shared ISBN with unrelated titles is not trusted',
      { ...BOOK, isbn: ['0446600253'] },
      { ...BOOK, title: 'Cooking with chiles', isbn: ['0446600253'] },
      'no-match',
      'title',
    ],
    [
      'shared ISBN with extents far apart is not trusted',
      { ...BOOK, isbn: ['0446600253'] },
      { ...BOOK, isbn: ['0446600253'], extent: '420 p.' },
      'no-match',
      'pages',
    ],
    [
      'a known-bad ISBN is ignored',
      { ...BOOK, isbn: ['0446600253'], year: 1990 },
      { ...BOOK, isbn: ['0446600253'] },
      'no-match',
      'year',
    ],
    [
      'shared OCLC number matches',
      { ...BOOK, oclc: ['(OCoLC)ocm00012345'] },
      { ...BOOK, oclc: ['(OCoLC)12345'], title: 'Bless me, Ultma', extent: '290 p.' },
      'match',
      'unique-id',
    ],
    [
      'shared LCCN matches',
      { ...BOOK, lccn: '72-82342' },
      { ...BOOK, lccn: '   72082342 ', author: 'Anaya, R.' },
      'match',
      'unique-id',
    ],
    [
      'both have ISSNs, none shared',
      { ...BOOK, kind: 'serial', issn: ['1064-3923'] },
      { ...BOOK, kind: 'serial', issn: ['1187-7081'] },
      'no-match',
      'issn',
    ],
    ['years differ', BOOK, { ...BOOK, year: 1995 }, 'no-match', 'year'],
    ['page counts differ by more than 10', BOOK, { ...BOOK, extent: '300 p.' }, 'no-match', 'pages'],
    [
      'preliminaries counted into the pages on one side',
      BOOK,
      { ...BOOK, extent: '272 p.' },
      'match',
      'score',
    ],
    [
      'series numbers differ',
      { ...BOOK, series: [{ title: 'Chicano classics', number: '3' }] },
      { ...BOOK, series: [{ title: 'Chicano classics', number: '4' }] },
      'no-match',
      'series',
    ],
    [
      'series ISSNs differ',
      { ...BOOK, series: [{ title: 'A', issn: '1064-3923' }] },
      { ...BOOK, series: [{ title: 'B', issn: '1187-7081' }] },
      'no-match',
      'series',
    ],
    ['title edit distance ≥ 10 %', BOOK, { ...BOOK, title: 'Bless me, Ultimo, again' }, 'no-match', 'title'],
    ['authors disagree', BOOK, { ...BOOK, author: 'Anderson, Rudolf.' }, 'no-match', 'author'],
    ['authors agree on initials; score decides', BOOK, { ...BOOK, author: 'Anaya, R. A.' }, 'match', 'score'],
    [
      'author found among added entries',
      BOOK,
      { ...BOOK, author: 'Márquez, Teresa.', added: ['Anaya, Rudolfo.'] },
      'match',
      'score',
    ],
    [
      'generic title without other evidence falls short of the score',
      { title: 'Annual report', year: 2019 },
      { title: 'Annual report', year: 2019 },
      'no-match',
      'score',
    ],
    [
      'same title, different languages fall short of the score',
      { ...BOOK, lang: 'eng' },
      { ...BOOK, lang: 'spa' },
      'no-match',
      'score',
    ],
  ];
  it.each(cases)('%s', (_name, a, b, decision, rule) => {
    const ignored = _name.startsWith('a known-bad') ? ['9780446600255'] : undefined;
    const result = compare(a, b, ignored);
    expect({ decision: result.decision, rule: result.decidedBy, summary: result.summary }).toMatchObject({
      decision,
      rule,
    });
  });
});

describe('explanations', () => {
  it('lists the rules in order up to the deciding one, the feature scores and the shared keys', () => {
    const result = compare({ ...BOOK, isbn: ['0446600253'] }, { ...BOOK, isbn: ['9780446600255'] });
    expect(result.steps.map((s) => s.rule)).toEqual(['format', 'part', 'title-numbers', 'edition', 'isbn']);
    expect(result.steps.at(-1)).toEqual({ rule: 'isbn', outcome: 'match', detail: '9780446600255' });
    expect(result.summary).toBe('Same (shared ISBN): 9780446600255');
    expect(result.sharedKeys).toContain('book|isbn:9780446600255');
    expect(result.features.map((f) => [f.feature, f.score])).toEqual([
      ['title', 0.5],
      ['isbn', 0.75],
      ['year', 0.1],
      ['language', 0.1],
      ['record-type', 0.1],
      ['authors', 0.2],
      ['pages', 0.1],
      ['publisher', 0.1],
    ]);
    expect(result.score).toBe(1.95);
    expect(result.strength).toBe(2.95);
  });

  it('says why a pair was not merged', () => {
    const result = compare(BOOK, { ...BOOK, year: 1999 });
    expect(result.summary).toBe('Different (publication years): 1994 vs 1999');
    expect(result.steps.filter((s) => s.outcome === 'no-match')).toHaveLength(1);
  });

  it('is symmetric over the whole labelled set', () => {
    for (const pair of LABELLED_PAIRS) {
      const a = extractFeatures(pair.a);
      const b = extractFeatures(pair.b);
      const ab = compareRecords(a, b);
      const ba = compareRecords(b, a);
      expect([pair.id, ab.decision, ab.decidedBy, ab.score]).toEqual([
        pair.id,
        ba.decision,
        ba.decidedBy,
        ba.score,
      ]);
    }
  });
});

describe('weighted score (Melinda weights)', () => {
  const feature = (a: Spec, b: Spec, name: string) =>
    compare(a, b).features.find((f) => f.feature === name)?.score;

  it.each<[string, Spec, Spec, string, number | undefined]>([
    ['identical titles', BOOK, BOOK, 'title', 0.5],
    ['similar titles', BOOK, { ...BOOK, title: 'Bless me, Ultma' }, 'title', 0.4],
    ['numbers differ', { ...BOOK, title: 'Report 4' }, { ...BOOK, title: 'Report 5' }, 'title', -1],
    [
      'numbers on one side',
      { ...BOOK, title: 'Perl 5 reference' },
      { ...BOOK, title: 'Perl reference' },
      'title',
      -0.5,
    ],
    ['shared ISBN', { ...BOOK, isbn: ['0446600253'] }, { ...BOOK, isbn: ['0446600253'] }, 'isbn', 0.75],
    ['disjoint ISBNs', { ...BOOK, isbn: ['0446600253'] }, { ...BOOK, isbn: ['0679734775'] }, 'isbn', -0.75],
    ['one side without ISBN', { ...BOOK, isbn: ['0446600253'] }, BOOK, 'isbn', undefined],
    ['shared ISSN', { ...BOOK, issn: ['1064-3923'] }, { ...BOOK, issn: ['1064-3923'] }, 'issn', 0.2],
    ['disjoint ISSNs', { ...BOOK, issn: ['1064-3923'] }, { ...BOOK, issn: ['1187-7081'] }, 'issn', -0.2],
    ['same year', BOOK, BOOK, 'year', 0.1],
    ['other language', BOOK, { ...BOOK, lang: 'spa' }, 'language', -0.3],
    ['record types differ', BOOK, { ...BOOK, kind: 'score' }, 'record-type', -0.5],
    ['media differ', BOOK, { ...BOOK, kind: 'ebook' }, 'media', -1],
    ['main authors agree', BOOK, BOOK, 'authors', 0.2],
    ['authors differ', BOOK, { ...BOOK, author: 'Other, Person.' }, 'authors', -0.3],
    ['same extent', BOOK, BOOK, 'pages', 0.1],
    ['same publisher', BOOK, { ...BOOK, publisher: 'Warner' }, 'publisher', 0.1],
    ['other publisher', BOOK, { ...BOOK, publisher: 'Penguin' }, 'publisher', -0.1],
  ])('%s: %s = %s', (_name, a, b, name, score) => {
    expect(feature(a, b, name)).toBe(score);
  });

  it('a feature ≤ −1 vetoes, even with a shared ISBN', () => {
    const result = compare(
      { ...BOOK, isbn: ['0446600253'], title: 'Ultima 4' },
      { ...BOOK, isbn: ['0446600253'], title: 'Ultima 5' },
    );
    expect(result.features.find((f) => f.feature === 'isbn')?.score).toBe(0.75);
    expect([result.decision, result.decidedBy]).toEqual(['no-match', 'title-numbers']);
  });
});
