import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryNode } from '../../../../server/modules/catalog/search/query.ts';
import { searchParamsOf } from '../../api/catalog.ts';
import { createFormatters } from '../../i18n/format.ts';
import type { Me } from '../../api/accounts.ts';
import { canEditCluster, canLoad, canRequestIll } from './access.ts';
import { composeQuery, emptyRow, rowTerm, rowTokens, type AdvancedRow } from './advanced.ts';
import { formatLabel, languageName } from './labels.ts';
import { durationText, fileSize, loadSeconds, quarterOf } from './loadFormat.ts';
import {
  activeFilters,
  clusterIdIn,
  headingQuery,
  readSearchState,
  searchHref,
  toggleFacet,
  withoutFilters,
} from './searchState.ts';
import { syntaxProblem } from './syntax.ts';

const row = (changes: Partial<AdvancedRow>): AdvancedRow => ({ ...emptyRow(), ...changes });
const LIB = '0b6a3c1e-6a7b-4c8d-9e0f-112233445566';

describe('advanced search composes the one-box syntax', () => {
  it.each([
    [[row({ field: 'title', words: 'war peace' })], 'title:(war peace)'],
    [[row({ field: 'author', words: 'tolstoy' })], 'author:tolstoy'],
    [[row({ words: 'war peace' })], '(war peace)'],
    [[row({ field: 'title', words: 'war and peace', match: 'phrase' })], 'title:"war and peace"'],
    [[row({ field: 'subject', words: 'cats dogs', match: 'any' })], 'subject:(cats OR dogs)'],
    [
      [row({ field: 'title', words: 'war peace' }), row({ field: 'author', words: 'tolstoy', join: 'AND' })],
      'title:(war peace) AND author:tolstoy',
    ],
    [
      [
        row({ field: 'title', words: 'war' }),
        row({ field: 'author', words: 'tolstoy', join: 'AND' }),
        row({ field: 'author', words: 'hemingway', join: 'OR' }),
      ],
      '(title:war AND author:tolstoy) OR author:hemingway',
    ],
    [
      [row({ words: 'cats' }), row({ words: 'dogs', join: 'NOT' }), row({ words: 'birds', join: 'NOT' })],
      'cats NOT dogs NOT birds',
    ],
    // A leading exclusion is moved after the first row it can exclude from.
    [[row({ words: 'dogs', join: 'NOT' }), row({ words: 'cats', join: 'AND' })], 'cats NOT dogs'],
    // Empty rows are skipped.
    [
      [row({ words: '  ' }), row({ field: 'isbn', words: '978-0-14-044793-4', join: 'OR' })],
      'isbn:978-0-14-044793-4',
    ],
    [[emptyRow(), emptyRow()], ''],
  ])('%j → %s', (rows, expected) => {
    expect(composeQuery(rows)).toBe(expected);
  });

  it('keeps quoted phrases and neutralises syntax typed as words', () => {
    expect(rowTokens('"one  hundred" years (of) solitude')).toEqual([
      '"one hundred"',
      'years',
      'of',
      'solitude',
    ]);
    expect(rowTokens('cats AND dogs OR NOT')).toEqual(['cats', 'and', 'dogs', 'or', 'not']);
    expect(rowTokens('re:birth "" ( ) -')).toEqual(['"re birth"']);
    expect(rowTerm(row({ field: 'title', words: '"war and" peace', match: 'phrase' }))).toBe(
      'title:"war and peace"',
    );
  });

  it('writes queries the server parser accepts, with the intended structure', () => {
    const rows = [
      row({ field: 'title', words: 'war "and peace"' }),
      row({ field: 'author', words: 'tolstoy tolstoi', match: 'any', join: 'AND' }),
      row({ field: 'subject', words: 'russia: history', join: 'OR' }),
      row({ words: 'AND (', join: 'NOT' }),
      row({ field: 'publisher', words: 'penguin', match: 'phrase', join: 'NOT' }),
    ];
    const query = composeQuery(rows);
    const tree = parseQuery(query);
    // Left to right: ((title AND author) OR subject) NOT … NOT …
    const top = tree as Extract<QueryNode, { type: 'and' | 'or' }>;
    expect(['and', 'or']).toContain(top.type);
    expect(JSON.stringify(tree)).toContain('"field":"publisher"');
    for (const single of rows)
      expect(() => parseQuery(composeQuery([{ ...single, join: 'AND' }]))).not.toThrow();
  });
});

describe('search state in the address', () => {
  it('reads what is valid and drops the rest', () => {
    const state = readSearchState(
      new URLSearchParams(
        `q=tolkien&field=author&format=book&format=book&format=ebook&library=${LIB}&library=not-an-id` +
          '&yearFrom=1950&yearTo=abc&sort=bogus&page=-3',
      ),
    );
    expect(state).toMatchObject({
      q: 'tolkien',
      field: 'author',
      format: ['book', 'ebook'],
      library: [LIB],
      yearFrom: 1950,
      yearTo: undefined,
      sort: 'relevance',
      page: 1,
      active: true,
    });
    expect(readSearchState(new URLSearchParams('')).active).toBe(false);
    expect(readSearchState(new URLSearchParams('q=')).active).toBe(true);
    expect(readSearchState(new URLSearchParams('language=spa')).active).toBe(true);
    expect(readSearchState(new URLSearchParams('field=nonsense&page=99999')).field).toBe('all');
    expect(readSearchState(new URLSearchParams('page=99999')).page).toBe(500);
  });

  it('round-trips through the address, leaving defaults out', () => {
    const state = readSearchState(new URLSearchParams('q=war peace&format=book&sort=newest&page=3'));
    const href = searchHref(state);
    expect(href).toBe('/catalog?q=war+peace&format=book&sort=newest&page=3');
    expect(readSearchState(new URLSearchParams(href.split('?')[1]))).toEqual(state);
    expect(searchHref(readSearchState(new URLSearchParams('q=x')))).toBe('/catalog?q=x');
  });

  it('toggles facets, starting again at page 1, and lists removable filters', () => {
    const state = readSearchState(new URLSearchParams('q=x&page=4&format=book&yearFrom=1990&yearTo=1999'));
    const added = toggleFacet(state, 'language', 'spa');
    expect(added.language).toEqual(['spa']);
    expect(added.page).toBe(1);
    expect(toggleFacet(state, 'format', 'book').format).toEqual([]);
    const chips = activeFilters(state);
    expect(chips.map((c) => [c.name, c.value])).toEqual([
      ['format', 'book'],
      ['year', '1990–1999'],
    ]);
    expect(searchHref(chips[1]!.without)).toBe('/catalog?q=x&format=book');
    expect(searchHref(withoutFilters(state))).toBe('/catalog?q=x');
  });

  it('links headings to searches in their field, without relators and dates', () => {
    expect(headingQuery('author', 'Pezala, Kevin, translator')).toBe('author:(Pezala Kevin)');
    expect(headingQuery('author', 'Anderson, James, 1962-')).toBe('author:(Anderson James)');
    expect(headingQuery('author', 'García Márquez, Gabriel, 1927-2014.')).toBe(
      'author:(García Márquez Gabriel)',
    );
    expect(headingQuery('subject', 'Cattle trade -- Social aspects')).toBe(
      'subject:"Cattle trade Social aspects"',
    );
    expect(headingQuery('subject', 'Education')).toBe('subject:Education');
    expect(() => parseQuery(headingQuery('author', "O'Brien, Tim (Timothy), 1946- AND"))).not.toThrow();
  });

  it('sends repeated filters to the API', () => {
    const state = readSearchState(new URLSearchParams('q=x&format=book&format=ebook&field=title'));
    expect(searchParamsOf({ ...state, pageSize: 20 }).toString()).toBe(
      'q=x&field=title&format=book&format=ebook&page=1&pageSize=20',
    );
  });
});

describe('labels', () => {
  it('names formats in both languages, online and microform variants included', () => {
    expect(formatLabel('book', 'en')).toBe('Book');
    expect(formatLabel('ebook', 'es')).toBe('Libro electrónico');
    expect(formatLabel('evideo', 'en')).toBe('Video (online)');
    expect(formatLabel('serial-microform', 'es')).toBe('Revista o publicación seriada (microforma)');
    expect(formatLabel('music', 'en')).toBe('Music recording');
    expect(formatLabel('hologram', 'en')).toBe('hologram');
  });

  it('names MARC language codes, bibliographic ones included', () => {
    expect(languageName('eng', 'en')).toBe('English');
    expect(languageName('spa', 'es')).toBe('Español');
    expect(languageName('fre', 'en')).toBe('French');
    expect(languageName('ger', 'es')).toBe('Alemán');
    expect(languageName('und', 'es')).toBe('Idioma no determinado');
    expect(languageName('qqq', 'en')).toBe('qqq');
    expect(languageName('chieng', 'es')).toBe('Chino, Inglés');
    expect(languageName('not a code', 'en')).toBe('not a code');
  });

  it('explains syntax errors in the reader’s language, with the position', () => {
    expect(syntaxProblem('This quotation mark is not closed. (at character 7)', 'es')).toEqual({
      message: 'Estas comillas no están cerradas.',
      position: 7,
    });
    expect(syntaxProblem('NOT needs a search term after it. (at character 12)', 'en')).toEqual({
      message: 'NOT needs a search term after it.',
      position: 12,
    });
    expect(syntaxProblem('Unknown field "foo". Use title … (at character 1)', 'es').message).toContain(
      '“foo”',
    );
    expect(syntaxProblem('Something new', 'en')).toEqual({ message: 'Something new', position: undefined });
  });
});

describe('loads', () => {
  const fmt = createFormatters('en');
  it('formats sizes and durations', () => {
    expect(fileSize(512, fmt)).toBe('512 B');
    expect(fileSize(3.5 * 1024, fmt)).toBe('3.5 KB');
    expect(fileSize(150 * 1024 ** 2, fmt)).toBe('150 MB');
    expect(durationText(42, fmt)).toBe('42 s');
    expect(durationText(75, fmt)).toBe('1 min 15 s');
    expect(durationText(3725, fmt)).toBe('1 h 2 min');
    expect(loadSeconds({ startedAt: null, finishedAt: null })).toBeNull();
    expect(loadSeconds({ startedAt: '2026-01-01T10:00:00Z', finishedAt: '2026-01-01T10:01:30.400Z' })).toBe(
      90,
    );
  });

  it('announces quarters, not every change', () => {
    expect([0, 0.24, 0.25, 0.5, 0.74, 0.999, 1].map(quarterOf)).toEqual([0, 0, 1, 2, 2, 3, 4]);
  });

  it('finds a cluster id in an address', () => {
    expect(clusterIdIn(`http://localhost:3000/catalog/records/${LIB.toUpperCase()}?x=1`)).toBe(LIB);
    expect(clusterIdIn('nothing here')).toBeUndefined();
  });
});

describe('what the pages offer to whom (the server decides; this only hides what would be refused)', () => {
  const ORG = '11111111-1111-4111-8111-111111111111';
  const person = (
    role: Me['role'],
    kind: Me['organization']['kind'],
    capabilities: Me['capabilities'] = [],
  ) => ({ role, capabilities, organization: { id: ORG, kind, name: 'X', symbol: 'X' } }) as Me;

  it('offers loads to catalog staff, library administrators and consortium staff only', () => {
    expect(canLoad(null)).toBe(false);
    expect(canLoad(person('library_staff', 'library', ['catalog']))).toBe(true);
    expect(canLoad(person('library_staff', 'library', ['sharing']))).toBe(false);
    expect(canLoad(person('library_admin', 'library'))).toBe(true);
    expect(canLoad(person('consortium_staff', 'consortium'))).toBe(true);
    expect(canLoad(person('partner_staff', 'partner', ['catalog']))).toBe(false);
  });

  it('offers split and merge to catalog staff of a holding library and to consortium staff', () => {
    const cataloger = person('library_staff', 'library', ['catalog']);
    expect(canEditCluster(cataloger, [ORG, LIB])).toBe(true);
    expect(canEditCluster(cataloger, [LIB])).toBe(false);
    expect(canEditCluster(person('consortium_admin', 'consortium'), [LIB])).toBe(true);
    expect(canEditCluster(person('library_staff', 'library', ['sharing']), [ORG])).toBe(false);
    expect(canEditCluster(null, [ORG])).toBe(false);
  });

  it('offers interlibrary loan requests to member staff, not to the public or partners', () => {
    expect(canRequestIll(null)).toBe(false);
    expect(canRequestIll(person('library_staff', 'library', ['sharing']))).toBe(true);
    expect(canRequestIll(person('partner_staff', 'partner'))).toBe(false);
  });
});
