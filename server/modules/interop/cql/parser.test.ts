import { describe, expect, it } from 'vitest';
import { parseCql, termText, hasMasking, type CqlNode } from './parser.ts';
import { CqlSyntaxError } from './lexer.ts';

/** A compact rendering of the tree so that a table can state expectations in one line. */
function show(n: CqlNode): string {
  if (n.type === 'boolean') {
    const mods = n.modifiers.map((m) => `/${m.name}${m.comparator ?? ''}${m.value ?? ''}`).join('');
    return `(${show(n.left)} ${n.op}${mods} ${show(n.right)})`;
  }
  const mods = n.relation.modifiers.map((m) => `/${m.name}${m.comparator ?? ''}${m.value ?? ''}`).join('');
  return `[${n.index} ${n.relation.base}${mods} ${JSON.stringify(n.term)}]`;
}

const valid: [string, string][] = [
  ['perl', '[cql.serverchoice = "perl"]'],
  ['"perl programming"', '[cql.serverchoice = "perl programming"]'],
  ['dc.title = perl', '[dc.title = "perl"]'],
  ['dc.title=perl', '[dc.title = "perl"]'],
  ['DC.Title = Perl', '[dc.title = "Perl"]'],
  ['dc.title == "Learning Perl"', '[dc.title == "Learning Perl"]'],
  ['dc.title all "perl cookbook"', '[dc.title all "perl cookbook"]'],
  ['dc.title ANY "perl python"', '[dc.title any "perl python"]'],
  ['dc.title exact "Perl"', '[dc.title exact "Perl"]'],
  ['dc.date < 2000', '[dc.date < "2000"]'],
  ['dc.date > 1999', '[dc.date > "1999"]'],
  ['dc.date <= 2000', '[dc.date <= "2000"]'],
  ['dc.date >= 2000', '[dc.date >= "2000"]'],
  ['dc.language <> spa', '[dc.language <> "spa"]'],
  ['dc.title adj "a b"', '[dc.title adj "a b"]'],
  ['dc.title within "1 2"', '[dc.title within "1 2"]'],
  ['dc.title =/relevant perl', '[dc.title =/relevant "perl"]'],
  ['dc.title any/relevant/ignoreCase perl', '[dc.title any/relevant/ignorecase "perl"]'],
  ['dc.title =/locale=es perl', '[dc.title =/locale=es "perl"]'],
  ['a and b', '([cql.serverchoice = "a"] and [cql.serverchoice = "b"])'],
  ['a AND b', '([cql.serverchoice = "a"] and [cql.serverchoice = "b"])'],
  ['a or b and c', '(([cql.serverchoice = "a"] or [cql.serverchoice = "b"]) and [cql.serverchoice = "c"])'],
  ['a or (b and c)', '([cql.serverchoice = "a"] or ([cql.serverchoice = "b"] and [cql.serverchoice = "c"]))'],
  ['a not b not c', '(([cql.serverchoice = "a"] not [cql.serverchoice = "b"]) not [cql.serverchoice = "c"])'],
  ['((a))', '[cql.serverchoice = "a"]'],
  [
    'a prox/unit=word/distance>3 b',
    '([cql.serverchoice = "a"] prox/unit=word/distance>3 [cql.serverchoice = "b"])',
  ],
  ['a and/rel.combine=sum b', '([cql.serverchoice = "a"] and/rel.combine=sum [cql.serverchoice = "b"])'],
  ['"and"', '[cql.serverchoice = "and"]'],
  ['dc.title = "or"', '[dc.title = "or"]'],
  ['"say \\"hi\\""', '[cql.serverchoice = "say \\"hi\\""]'],
  ['perl*', '[cql.serverchoice = "perl*"]'],
  ['"perl\\*"', '[cql.serverchoice = "perl\\\\*"]'],
  ['""', '[cql.serverchoice = ""]'],
  ['cql.allRecords = 1', '[cql.allrecords = "1"]'],
  [
    'bath.possessingInstitution = AMG1 and dc.title=perl',
    '([bath.possessinginstitution = "AMG1"] and [dc.title = "perl"])',
  ],
  ['café', '[cql.serverchoice = "café"]'],
  ['title = "münchen" or title = 東京', '([title = "münchen"] or [title = "東京"])'],
  ['"dc.title" = x', '[dc.title = "x"]'],
  ['a\tand\nb', '([cql.serverchoice = "a"] and [cql.serverchoice = "b"])'],
];

describe('parseCql accepts the grammar', () => {
  it.each(valid)('%s', (input, expected) => {
    expect(show(parseCql(input).root)).toBe(expected);
  });

  it('scopes prefix assignments to their subtree', () => {
    const q = parseCql(
      '> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title = x and (> bath = "u:b" bath.isbn = 1)',
    );
    const root = q.root;
    if (root.type !== 'boolean' || root.left.type !== 'clause' || root.right.type !== 'clause')
      throw new Error();
    expect(root.left.prefixes).toEqual({ dc: 'info:srw/cql-context-set/1/dc-v1.1' });
    expect(root.right.prefixes).toEqual({ dc: 'info:srw/cql-context-set/1/dc-v1.1', bath: 'u:b' });
    expect(parseCql('> "info:default" x').root).toMatchObject({ prefixes: { '': 'info:default' } });
  });

  it('reads a CQL 1.2 sortBy clause with modifiers', () => {
    const q = parseCql('dc.title = perl sortBy dc.date/sort.descending dc.title/sort.ascending/ignoreCase');
    expect(q.sortKeys).toEqual([
      { index: 'dc.date', modifiers: [{ name: 'sort.descending' }] },
      { index: 'dc.title', modifiers: [{ name: 'sort.ascending' }, { name: 'ignorecase' }] },
    ]);
    expect(parseCql('a SORTBY title').sortKeys).toEqual([{ index: 'title', modifiers: [] }]);
    expect(parseCql('a').sortKeys).toEqual([]);
  });
});

// [input, position of the error (1-based), fragment of the message]
const invalid: [string, number, string][] = [
  ['', 1, 'Empty query'],
  ['   ', 1, 'Empty query'],
  ['(', 2, 'Expected a search term'],
  ['()', 2, 'Expected a search term'],
  ['(a', 3, 'Expected )'],
  ['a)', 2, 'end of the query'],
  ['a and', 6, 'Expected a search term'],
  ['and a', 1, 'quote reserved words'],
  ['a and or b', 7, 'quote reserved words'],
  ['dc.title =', 11, 'after the relation'],
  ['dc.title = (a)', 12, 'after the relation'],
  ['"unterminated', 1, 'Unterminated'],
  ['dc.title = "x', 12, 'Unterminated'],
  ['a b', 3, 'end of the query'],
  ['a = b c', 7, 'end of the query'],
  ['dc.title =/ perl', 17, 'after the relation'],
  ['dc.title =/ "x" perl', 13, 'modifier name'],
  ['dc.title =/x= perl', 19, 'after the relation'],
  ['a sortBy', 9, 'sort key'],
  ['(a sortby b)', 4, 'Expected )'],
  ['>', 2, 'prefix or URI'],
  ['> dc =', 7, 'URI'],
  ['= a', 1, 'search term'],
  ['a and (b or c', 14, 'Expected )'],
  ['a / b', 3, 'end of the query'],
];

describe('parseCql rejects malformed queries with a position', () => {
  it.each(invalid)('%j', (input, position, fragment) => {
    let caught: unknown;
    try {
      parseCql(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CqlSyntaxError);
    const err = caught as CqlSyntaxError;
    expect(err.position).toBe(position);
    expect(err.message).toContain(fragment);
    expect(err.message).toContain(`position ${position}`);
  });
});

describe('terms', () => {
  it('resolves escapes and detects masking', () => {
    expect(termText('perl\\*')).toBe('perl*');
    expect(hasMasking('perl*')).toBe(true);
    expect(hasMasking('pe?l')).toBe(true);
    expect(hasMasking('perl\\*')).toBe(false);
    expect(hasMasking('perl\\\\*')).toBe(true);
    expect(hasMasking('perl')).toBe(false);
  });
});
