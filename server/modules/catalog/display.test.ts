import { describe, expect, it } from 'vitest';
import { marc } from './dedup/testing/builder.ts';
import { displayLines } from './display.ts';
import { searchFieldsOf } from './search-fields.ts';

const record = marc('am', [
  '001 rec-1',
  '008 990101s1999    txu           000 0 spa d',
  '020 __ $a0596000278 $q(pbk.)',
  '035 __ $a(OCoLC)ocm00012345',
  '100 1_ $aGarza, Elena, $d1950-',
  '245 10 $aLa historia de Texas :$bun estudio /$cElena Garza.',
  '246 3_ $aHistoria de Texas',
  '250 __ $a2a ed.',
  '264 _1 $aAustin :$bPrensa del Río,$c1999.',
  '264 _4 $c©1998',
  '300 __ $axii, 300 p. :$bil. ;$c24 cm.',
  '490 1_ $aEstudios regionales ;$v4',
  '500 __ $aIncluye índice.',
  '505 0_ $aLos orígenes -- La frontera.',
  '520 __ $aUna historia del estado.',
  '650 _0 $aTexas$xHistory$yTo 1846.',
  '651 _0 $aRio Grande Valley$vMaps.',
  '700 1_ $aLópez, Ana.',
  '856 40 $uhttps://example.org/texas',
  '856 40 $ujavascript:alert(1)',
]);

describe('record display', () => {
  it('labels the lines in display order, without card punctuation', () => {
    const lines = displayLines(record, 'book');
    expect(lines.map((l) => l.key)).toEqual([
      'title',
      'otherTitles',
      'authors',
      'edition',
      'published',
      'description',
      'series',
      'format',
      'language',
      'summary',
      'contents',
      'notes',
      'subjects',
      'isbn',
      'oclc',
      'online',
    ]);
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l.values]));
    expect(byKey.title).toEqual(['La historia de Texas : un estudio']);
    expect(byKey.authors).toEqual(['Garza, Elena, 1950-', 'López, Ana']);
    // The copyright date line (264 ind2 4) is not a publication statement.
    expect(byKey.published).toEqual(['Austin : Prensa del Río, 1999.']);
    expect(byKey.subjects).toEqual(['Texas -- History -- To 1846', 'Rio Grande Valley -- Maps']);
    expect(byKey.oclc).toEqual(['12345']);
    expect(byKey.language).toEqual(['spa']);
    // Only web addresses become links.
    expect(byKey.online).toEqual(['https://example.org/texas']);
  });

  it('extracts the search fields a cluster document is built from', () => {
    const fields = searchFieldsOf(record);
    expect(fields.authors).toEqual(['Garza, Elena, 1950-', 'López, Ana']);
    expect(fields.publishers).toEqual(['Prensa del Río']);
    expect(fields.series).toEqual(['Estudios regionales']);
    expect(fields.titleAlt).toEqual(['Historia de Texas']);
    expect(fields.subjects).toContain('Texas -- History -- To 1846');
    expect(fields.notes.join(' ')).toContain('Una historia del estado');
  });
});
