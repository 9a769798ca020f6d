import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';
import { blockingKeys, matchKey, sharedKeys } from './keys.ts';
import { build, type Spec } from './testing/builder.ts';

const keysOf = (spec: Spec, ignored?: string[]) =>
  blockingKeys(extractFeatures(build(spec)), { ignoredIsbns: ignored && new Set(ignored) });

const BASE: Spec = {
  title: 'The house on Mango Street',
  nonfiling: 4,
  author: 'Cisneros, Sandra.',
  isbn: ['0-679-73477-5'],
  oclc: ['(OCoLC)ocm00012345'],
  lccn: '90-50591',
  year: 1991,
};

describe('blockingKeys', () => {
  it('gives identifier, title, title-year and author-year keys, all prefixed with the format', () => {
    expect(keysOf(BASE)).toEqual([
      'book|isbn:9780679734772',
      'book|oclc:12345',
      'book|lccn:90050591',
      'book|title:houseonmangostreet|cisneros',
      'book|title-year:houseonmangostreet|1991',
      'book|author-year:cisnerossandra|1991',
    ]);
  });

  it('never lets print and electronic (or microform) records share a key', () => {
    const print = keysOf(BASE);
    for (const kind of ['ebook', 'microform'] as const) {
      expect(sharedKeys(print, keysOf({ ...BASE, kind }))).toEqual([]);
    }
    expect(keysOf({ ...BASE, kind: 'ebook' })[0]).toBe('ebook|isbn:9780679734772');
  });

  it('adds a key for the title proper when there is a subtitle', () => {
    const keys = keysOf({ title: 'Borderlands', subtitle: 'la frontera', author: 'Anzaldúa, Gloria.' });
    expect(keys).toContain('book|title:borderlandslafrontera|anzaldua');
    expect(keys).toContain('book|title:borderlands|anzaldua');
  });

  it('uses "-" for records without author and keeps corporate bodies apart in author-year keys', () => {
    expect(keysOf({ title: 'Proceedings', year: 2001 })).toEqual([
      'book|title:proceedings|-',
      'book|title-year:proceedings|2001',
    ]);
    const a = keysOf({ title: 'Annual report', corporate: 'New Mexico State Library.', year: 2019 });
    const b = keysOf({ title: 'Annual report', corporate: 'New Mexico. Department of Health.', year: 2019 });
    expect(sharedKeys(a, b)).toEqual(['book|title:annualreport|new', 'book|title-year:annualreport|2019']);
  });

  it('sorts name words in the author-year key (direct vs inverted order)', () => {
    const a = keysOf({ title: 'x', author: 'García Márquez, Gabriel,', year: 1970 });
    const b = keysOf({ title: 'y', author: 'Gabriel García Márquez', year: 1970 });
    expect(sharedKeys(a, b)).toEqual(['book|author-year:gabrielgarciamarquez|1970']);
  });

  it('keys serials (only) by ISSN', () => {
    expect(keysOf({ kind: 'serial', title: 'Arizona highways', issn: ['0004-1521'] })).toContain(
      'serial|issn:00041521',
    );
    expect(keysOf({ title: 'A monograph', issn: ['0004-1521'] }).some((k) => k.includes('issn:'))).toBe(
      false,
    );
  });

  it('leaves known-bad ISBNs out', () => {
    expect(keysOf(BASE, ['9780679734772']).some((k) => k.includes('isbn:'))).toBe(false);
  });
});

describe('matchKey (GoldRush-style)', () => {
  it('is fixed-width and equal for the same description, different for another carrier', () => {
    const a = matchKey(extractFeatures(build(BASE)));
    const b = matchKey(extractFeatures(build({ ...BASE, isbn: undefined })));
    const e = matchKey(extractFeatures(build({ ...BASE, kind: 'ebook' })));
    expect(a).toBe(b);
    expect(a).toHaveLength(e.length);
    expect(a.endsWith('p')).toBe(true);
    expect(e.endsWith('e')).toBe(true);
  });
});
