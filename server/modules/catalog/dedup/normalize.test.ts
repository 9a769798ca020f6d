import { describe, expect, it } from 'vitest';
import {
  editDistance,
  fold,
  isbn10To13,
  normalizeEdition,
  normalizeIsbn,
  normalizeIssn,
  normalizeLccn,
  normalizeOclc,
  normalizePartNumber,
  titleKey,
  titleNumbers,
} from './normalize.ts';

describe('normalizeIsbn', () => {
  it.each([
    ['0198526636', '9780198526636', 'ISBN-10 converted'],
    ['0-19-852663-6', '9780198526636', 'hyphens'],
    ['0 19 852663 6', '9780198526636', 'spaces'],
    ['0198526636 (pbk. : alk. paper)', '9780198526636', 'qualifier'],
    ['ISBN 0-19-852663-6', '9780198526636', 'leading label'],
    ['013020868X', '9780130208682', 'check digit X'],
    ['013020868x', '9780130208682', 'lower-case x'],
    ['978-0-19-852663-6', '9780198526636', 'hyphenated ISBN-13'],
    ['9780198526636 (hardcover)', '9780198526636', 'ISBN-13 with qualifier'],
    ['9791032305669', '9791032305669', '979 prefix'],
    ['0879832355 (pbk.) : $4.95', '9780879832353', 'price after the qualifier'],
    ['0198526636 1998', '9780198526636', 'a year after a space'],
  ])('%s → %s (%s)', (raw, expected) => {
    expect(normalizeIsbn(raw)).toBe(expected);
  });

  it.each([
    ['0198526637', 'ISBN-10 with a wrong check digit'],
    ['9780198526638', 'ISBN-13 with a wrong check digit'],
    ['9770198526637', 'EAN that is not an ISBN'],
    ['019852663', 'too short'],
    ['X198526636', 'X not in last place'],
    ['', 'empty'],
    ['pbk.', 'no digits'],
  ])('%s is rejected (%s)', (raw) => {
    expect(normalizeIsbn(raw)).toBeUndefined();
  });

  it('converts ISBN-10 to ISBN-13 with a new check digit', () => {
    expect(isbn10To13('0471383147')).toBe('9780471383147');
    expect(isbn10To13('1565926994')).toBe('9781565926998');
  });
});

describe('normalizeIssn', () => {
  it.each([
    ['1064-3923', '10643923'],
    ['1187-7081', '11877081'],
    ['0028-6206 (print)', '00286206'],
    ['0000-006X', '0000006X'],
    ['1064 3923', '10643923'],
  ])('%s → %s', (raw, expected) => expect(normalizeIssn(raw)).toBe(expected));
  it.each(['1064-3924', '123-4567', ''])('%s is rejected', (raw) =>
    expect(normalizeIssn(raw)).toBeUndefined(),
  );
});

describe('normalizeLccn (Library of Congress normalisation)', () => {
  it.each([
    ['   11224466 ', '11224466'],
    ['   73090924 //r82', '73090924'],
    ['n 78-890351', 'n78890351'],
    ['n78-89035', 'n78089035'],
    ['85-2 ', '85000002'],
    ['unk84086999', 'unk84086999'],
    ['cn 92031641 ', 'cn92031641'],
    ['  2001335722', '2001335722'],
    ['   76357895 /MAP/r82', '76357895'],
  ])('%s → %s', (raw, expected) => expect(normalizeLccn(raw)).toBe(expected));
  it.each(['', 'abcd', '123'])('%s is rejected', (raw) => expect(normalizeLccn(raw)).toBeUndefined());
});

describe('normalizeOclc', () => {
  it.each([
    ['(OCoLC)ocm00012345', '12345'],
    ['(OCoLC)12345', '12345'],
    ['(OCoLC)ocn812345678', '812345678'],
    ['(OCoLC)on1234567890', '1234567890'],
    ['(OCoLC) 00012345', '12345'],
    ['(ocolc)ocm44279786', '44279786'],
  ])('%s → %s', (raw, expected) => expect(normalizeOclc(raw)).toBe(expected));
  it.each(['(DLC)12345', '12345', '(OCoLC)', '(OCoLC)M-ESTCN12', '(OCoLC)0000'])(
    '%s is not an OCLC number',
    (raw) => expect(normalizeOclc(raw)).toBeUndefined(),
  );
  it('takes a bare 001 when told it is an OCLC record', () => {
    expect(normalizeOclc('ocm00012345', false)).toBe('12345');
  });
});

describe('fold and titleKey', () => {
  it.each([
    ['Die Königin von Saba', 'die konigin von saba'],
    ['Électre', 'electre'],
    ["Programmer's reference", 'programmers reference'],
    [
      'Peer Gynt og Carl Gustav Jung : med sjelen som følgesvenn',
      'peer gynt og carl gustav jung med sjelen som folgesvenn',
    ],
    ['Straße', 'strasse'],
    ['Arii͡a Orfei͡a', 'ariia orfeia'],
    ['Cross-platform Perl', 'cross platform perl'],
    ['Война и мир', 'воина и мир'], // other scripts kept, marks (й = и + breve) dropped alike
    ['  How to program a computer / ', 'how to program a computer'],
    ['Crème BRÛLÉE', 'creme brulee'],
  ])('fold(%s) = %s', (raw, expected) => expect(fold(raw)).toBe(expected));

  it.each([
    ['how to program a computer', 'howtoprogramacomputer'],
    ['konigin von saba', 'koniginvonsaba'],
    [
      'computer processing of dynamic images from an anger scintillation camera',
      'computerprocessingofdynamic',
    ],
    [
      'a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k',
      'abcdefghijklmnopqrstuvwxyzabcdefghi',
    ],
    ['perl', 'perl'],
    ['', ''],
  ])('titleKey(%s) = %s', (folded, expected) => expect(titleKey(folded)).toBe(expected));

  it('finds numbers in titles, ordinals included, cardinal words not', () => {
    expect(titleNumbers('proceedings of the 4th symposium')).toEqual(['4']);
    expect(titleNumbers('proceedings of the fourth symposium')).toEqual(['4']);
    expect(titleNumbers('opera in four acts')).toEqual([]);
    expect(titleNumbers('perl conference 4 0')).toEqual(['4', '0']);
  });
});

describe('normalizeEdition', () => {
  it.each([
    ['2nd ed.', 2],
    ['Second edition', 2],
    ['2. Aufl.', 2],
    ['Zweite Auflage', 2],
    ['2e éd.', 2],
    ['Deuxième édition', 2],
    ['Segunda edición', 2],
    ['3rd ed., rev. and expanded', 3],
    ['1st American ed.', 1],
  ])('%s → %i', (raw, number) => expect(normalizeEdition(raw).number).toBe(number));

  it('keeps the words of unnumbered editions, abbreviations spelled out', () => {
    expect(normalizeEdition('Rev. ed.')).toEqual({ number: undefined, words: 'revised' });
    expect(normalizeEdition('Revised edition')).toEqual({ number: undefined, words: 'revised' });
    expect(normalizeEdition('Large print ed.').words).toBe('large print');
  });
});

describe('normalizePartNumber', () => {
  it.each([
    ['Vol. 4:', '4'],
    ['v. 12', '12'],
    ['Teil II', '2'],
    ['Part one', '1'],
    ['no. 003', '3'],
    ['Band A', 'a'],
    ['Part V', '5'],
    ['Vol. IX,', '9'],
    ['vol.', undefined],
    ['', undefined],
  ])('%s → %s', (raw, expected) => expect(normalizePartNumber(raw)).toBe(expected));
});

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['ceremony', 'ceremeny', 1],
    ['flaw', 'lawn', 2],
  ])('%s / %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
  it('gives up past the bound', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a'.repeat(300), 'b'.repeat(300), 5)).toBe(6);
    expect(editDistance('a'.repeat(300), 'a'.repeat(299) + 'b')).toBe(1);
  });
});
