import { describe, expect, it } from 'vitest';
import { doc, ids, indexOf, matchSet } from './test-support.ts';

describe('boolean semantics', () => {
  const ix = indexOf([
    doc('1', { title: 'apples and pears' }),
    doc('2', { title: 'apples' }),
    doc('3', { title: 'pears and plums' }),
    doc('4', { title: 'plums' }),
    doc('5', { title: 'cherries', authors: ['Apple, Ann'] }),
  ]);
  it.each([
    ['apples pears', ['1']],
    ['apples AND pears', ['1']],
    ['apples OR plums', ['1', '2', '3', '4', '5']],
    ['pears NOT plums', ['1']],
    ['pears -plums', ['1']],
    ['NOT apples', ['3', '4']],
    ['(apples OR plums) pears', ['1', '3']],
    ['apples OR plums pears', ['1', '2', '3', '5']],
    ['title:apples', ['1', '2']],
    ['author:apple', ['5']],
    ['title:(apples OR cherries) -pears', ['2', '5']],
    ['kiwis', []],
    ['apples kiwis', []],
    ['', ['1', '2', '3', '4', '5']],
  ])('%s', (q, expected) => expect(matchSet(ix, q)).toEqual(expected));

  it('ignores stop words unless the query has nothing else', () => {
    const r = ix.search({ q: 'the apples' });
    expect(r.total).toBe(3);
    expect(r.ignored).toEqual(['the']);
    expect(matchSet(ix, 'and')).toEqual(['1', '3']);
  });
});

describe('phrases', () => {
  const ix = indexOf([
    doc('adjacent', { title: 'War and peace' }),
    doc('apart', { title: 'War stories of peace' }),
    doc('reversed', { title: 'Peace and war' }),
    doc('split', { title: 'A war', titleAlt: ['and peace'] }),
    doc('notes', { title: 'Novels', notes: ['A study of war and peace in fiction.'] }),
    doc('author', { title: 'Essays', authors: ['Gray, Jessie Ann'] }),
  ]);
  it.each([
    ['"war and peace"', ['adjacent', 'notes']],
    ['"peace and war"', ['reversed']],
    ['war peace', ['adjacent', 'apart', 'notes', 'reversed', 'split']],
    ['title:"war and peace"', ['adjacent']],
    ['author:"jessie ann"', ['author']],
    ['author:"ann jessie"', []],
    ['"war peace"', []],
    ['"war" -"and peace"', ['apart', 'reversed']],
  ])('%s', (q, expected) => expect(matchSet(ix, q)).toEqual(expected));

  it('decides by positions, by reading streams when a word repeats, and never across field values', () => {
    const places = indexOf([
      doc('repeat', { title: 'New York and new Jersey ferries' }),
      doc('values', { title: 'Atlas', subjects: ['United', 'States -- Maps'] }),
      doc('once', { title: 'Atlas', subjects: ['United States -- Maps'] }),
      doc('gap', { title: 'United we stand, States we are' }),
    ]);
    expect(matchSet(places, '"new jersey"')).toEqual(['repeat']);
    expect(matchSet(places, '"york jersey"')).toEqual([]);
    expect(matchSet(places, '"new york"')).toEqual(['repeat']);
    expect(matchSet(places, '"united states"')).toEqual(['once']);
    expect(matchSet(places, 'subject:"united states maps"')).toEqual(['once']);
    expect(matchSet(places, 'title:"united states"')).toEqual([]);
  });
});

describe('stemming and folding', () => {
  const ix = indexOf([
    doc('exact', { title: 'Libraries of Texas' }),
    doc('stem', { title: 'The library' }),
    doc('es-plural', { title: 'Las ciudades', language: 'spa' }),
    doc('es-singular', { title: 'Una ciudad', language: 'spa' }),
    doc('accent', { title: 'Café society' }),
    doc('apostrophe', { title: "Ender's game" }),
  ]);
  it.each([
    ['libraries', ['exact', 'stem']],
    ['library', ['exact', 'stem']],
    ['"library"', ['stem']],
    ['ciudad', ['es-plural', 'es-singular']],
    ['ciudades', ['es-plural', 'es-singular']],
    ['CAFÉ', ['accent']],
    ['cafe', ['accent']],
    ['enders', ['apostrophe']],
    ["ender's", ['apostrophe']],
    ['libr*', ['exact', 'stem']],
  ])('%s', (q, expected) => expect(matchSet(ix, q)).toEqual(expected));

  it('applies Spanish stems to Spanish documents only', () => {
    const mixed = indexOf([
      doc('en', { title: 'luces', language: 'eng' }),
      doc('es', { title: 'luces', language: 'spa' }),
      doc('es-singular', { title: 'luz', language: 'spa' }),
    ]);
    expect(matchSet(mixed, 'luz')).toEqual(['es', 'es-singular']);
    expect(matchSet(mixed, 'luces')).toEqual(['en', 'es', 'es-singular']);
  });
});

describe('identifiers', () => {
  const ix = indexOf([
    doc('book', { title: 'Handbook', isbns: ['9780306406157'], oclcNumbers: ['12345678'], lccn: '85-2' }),
    doc('serial', { title: 'Journal', issns: ['0317-8471'] }),
    doc('other', { title: 'Other 0306406152', notes: ['see 0317 8471'] }),
  ]);
  it.each([
    ['0-306-40615-2', ['book', 'other']],
    ['978-0-306-40615-7', ['book']],
    ['isbn:0306406152', ['book']],
    ['isbn:978-0-306-40615-7', ['book']],
    ['isbn:"978 0 306 40615 7"', ['book']],
    ['0317-8471', ['serial']],
    ['issn:03178471', ['serial']],
    ['oclc:ocm12345678', ['book']],
    ['oclc:(OCoLC)012345678', ['book']],
    ['ocm12345678', ['book']],
    ['12345678', ['book']],
    ['isbn:12345678', []],
    ['85000002', ['book']],
  ])('%s', (q, expected) => expect(matchSet(ix, q)).toEqual(expected));

  it('ranks the known item first when the number is also in text', () => {
    expect(ids(ix, '0306406152')).toEqual(['book', 'other']);
  });
});

describe('ranking', () => {
  it('exact title > stemmed title > subject > author > notes', () => {
    const ix = indexOf([
      doc('notes', { title: 'Quilts', notes: ['Includes a chapter on rivers.'], libraryCount: 50 }),
      doc('author', { title: 'Poems', authors: ['River, Anna'], libraryCount: 40 }),
      doc('subject', { title: 'Maps', subjects: ['River -- Texas'], libraryCount: 30 }),
      doc('stemmed', { title: 'Rivers', libraryCount: 20 }),
      doc('exact-long', {
        title: 'The river that ran through the old town of somewhere far away',
        libraryCount: 1,
      }),
    ]);
    expect(ids(ix, 'river')).toEqual(['exact-long', 'stemmed', 'subject', 'author', 'notes']);
  });

  it('puts the whole-title match first, then breaks ties by holdings and year', () => {
    const ix = indexOf([
      doc('longer', { title: 'Peace', subjects: ['Peace'], authors: ['Peace, P.'], libraryCount: 40 }),
      doc('whole', { title: 'War and peace', libraryCount: 1 }),
      doc('few', { title: 'Peace of war', libraryCount: 2, year: 2000 }),
      doc('many', { title: 'War of peace', libraryCount: 9, year: 1990 }),
      doc('many-newer', { title: 'War of peace', libraryCount: 9, year: 2001 }),
    ]);
    expect(ids(ix, 'war and peace')).toEqual(['whole', 'many-newer', 'many', 'few']);
    expect(ids(ix, 'the war and peace')).toEqual(['whole', 'many-newer', 'many', 'few']);
  });

  it('scores the exact form above a stemmed one within the same field', () => {
    const ix = indexOf([doc('stemmed', { title: 'Running' }), doc('exact', { title: 'Run' })]);
    expect(ids(ix, 'run')).toEqual(['exact', 'stemmed']);
    expect(ids(ix, 'running')).toEqual(['stemmed', 'exact']);
  });

  it('reports the words as understood', () => {
    const ix = indexOf([doc('1', { title: 'x' })]);
    const r = ix.search({ q: 'Café "war and peace" -music hist* the' });
    expect(r.terms).toEqual(['cafe', 'war and peace', 'hist*']);
    expect(r.ignored).toEqual(['the']);
  });
});
