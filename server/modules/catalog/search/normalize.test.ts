import { describe, expect, it } from 'vitest';
import { fold, normalizeIsbn, normalizeIssn, normalizeLccn, normalizeOclc, words } from './normalize.ts';

describe('fold / words', () => {
  it.each([
    ['Café Olé', 'cafe ole'],
    ['Niño España', 'nino espana'],
    ["Ender's Game", 'enders game'],
    ['Ender’s Game', 'enders game'],
    ['Straße', 'strasse'],
    ['Æsop Ørsted Łódź', 'aesop orsted lodz'],
    ['war--peace / (1869)', 'war peace 1869'],
    ['ﬁnal Ⅻ', 'final xii'],
    ['  ', ''],
    ['Москва', 'москва'],
  ])('%s → %s', (input, expected) => expect(fold(input)).toBe(expected));

  it('splits on punctuation and keeps digits', () => {
    expect(words('U.S.A. 1-2-3 C++')).toEqual(['u', 's', 'a', '1', '2', '3', 'c']);
  });
});

describe('identifiers', () => {
  it.each([
    ['0-306-40615-2', '9780306406157'],
    ['0306406152', '9780306406157'],
    ['978-0-306-40615-7', '9780306406157'],
    ['978 0 306 40615 7', '9780306406157'],
    ['013020868x', '9780130208682'],
    ['12345', null],
    ['9770306406157', null],
  ])('ISBN %s → %s', (raw, expected) => expect(normalizeIsbn(raw)).toBe(expected));

  it.each([
    ['0317-8471', '03178471'],
    ['03178471', '03178471'],
    ['0000-006x', '0000006X'],
    ['0317-847', null],
  ])('ISSN %s → %s', (raw, expected) => expect(normalizeIssn(raw)).toBe(expected));

  it.each([
    ['ocm00012345', '12345'],
    ['ocn123456789', '123456789'],
    ['on1234567890', '1234567890'],
    ['(OCoLC)0012345', '12345'],
    ['(OCoLC)ocm12345', '12345'],
    ['00042', '42'],
    ['abc', null],
  ])('OCLC %s → %s', (raw, expected) => expect(normalizeOclc(raw)).toBe(expected));

  it.each([
    ['85-2', '85000002'],
    ['n78-890351', 'n78890351'],
    ['2001012345', '2001012345'],
    ['x', null],
  ])('LCCN %s → %s', (raw, expected) => expect(normalizeLccn(raw)).toBe(expected));
});
