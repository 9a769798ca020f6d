import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryNode } from './query.ts';
import { QuerySyntaxError } from './types.ts';

/** The AST in a compact notation: and(...), or(...), not(...), field:word, field:"a b", field:pre*. */
function show(node: QueryNode): string {
  switch (node.type) {
    case 'all':
      return '*ALL*';
    case 'term':
      return `${node.field}:${node.word}`;
    case 'prefix':
      return `${node.field}:${node.word}*`;
    case 'phrase':
      return `${node.field}:"${node.words.join(' ')}"`;
    case 'not':
      return `not(${show(node.child)})`;
    default:
      return `${node.type}(${node.children.map(show).join(', ')})`;
  }
}

describe('parseQuery: valid queries', () => {
  it.each([
    ['', '*ALL*'],
    ['  &  ', '*ALL*'],
    ['history', 'all:history'],
    ['Historia de México', 'and(all:historia, all:de, all:mexico)'],
    ['war AND peace', 'and(all:war, all:peace)'],
    ['war and peace', 'and(all:war, all:and, all:peace)'],
    ['a OR b c', 'or(all:a, and(all:b, all:c))'],
    ['a b OR c', 'or(and(all:a, all:b), all:c)'],
    ['a NOT b', 'and(all:a, not(all:b))'],
    ['a -b', 'and(all:a, not(all:b))'],
    ['NOT a OR b', 'or(not(all:a), all:b)'],
    ['(a OR b) c', 'and(or(all:a, all:b), all:c)'],
    ['"war and peace"', 'all:"war and peace"'],
    ['title:war', 'title:war'],
    ['ti:war au:tolstoy su:russia', 'and(title:war, author:tolstoy, subject:russia)'],
    ['Title:War', 'title:war'],
    ['author:"Tolstoy, Leo"', 'author:"tolstoy leo"'],
    ['subject:(texas OR "new mexico")', 'or(subject:texas, subject:"new mexico")'],
    ['-title:(a b)', 'not(and(title:a, title:b))'],
    ['-"a b"', 'not(all:"a b")'],
    ['hist*', 'all:hist*'],
    ['title:hist*', 'title:hist*'],
    ['post-war', 'all:"post war"'],
    ["Ender's", 'all:enders'],
    ['isbn:0-306-40615-2', 'isbn:0306406152'],
    ['isbn:"978 0 306 40615 7"', 'isbn:9780306406157'],
    ['978-0-306-40615-7', 'all:9780306406157'],
    ['0317-8471', 'all:03178471'],
    ['ocm00012345', 'all:ocm00012345'],
    ['Star wars: a new hope', 'and(all:star, all:wars, all:a, all:new, all:hope)'],
    ['title: war', 'title:war'],
    ['a AND "" b', 'and(all:a, and(), all:b)'],
  ])('%s → %s', (q, expected) => expect(show(parseQuery(q))).toBe(expected));

  it('uses the default field for unfielded words only', () => {
    expect(show(parseQuery('war author:tolstoy', 'title'))).toBe('and(title:war, author:tolstoy)');
  });

  it('keeps source positions of words for rewriting', () => {
    const node = parseQuery('title:histroy -x');
    expect(node).toMatchObject({
      type: 'and',
      children: [{ word: 'histroy', start: 6, end: 13 }, { type: 'not' }],
    });
  });
});

describe('parseQuery: malformed queries', () => {
  it.each([
    ['"war and peace', 0, /quotation mark is not closed/],
    ['war "and peace', 4, /quotation mark is not closed/],
    ['(a OR b', 0, /parenthesis is not closed/],
    ['a OR b)', 6, /closing parenthesis has no opening/],
    [')', 0, /closing parenthesis has no opening/],
    ['()', 0, /parentheses are empty/],
    ['war AND', 4, /AND needs a search term after it/],
    ['war OR', 4, /OR needs a search term after it/],
    ['war NOT', 4, /NOT needs a search term after it/],
    ['OR war', 0, /OR needs a search term before it/],
    ['AND war', 0, /AND needs a search term before it/],
    ['a AND OR b', 2, /AND needs a search term after it/],
    ['(a AND) b', 3, /AND needs a search term after it/],
    ['foo:bar', 0, /Unknown field "foo"/],
    ['war -genre:x', 5, /Unknown field "genre"/],
    ['title:', 0, /needs a search term right after the colon/],
    ['hi*', 2, /at least 3 letters/],
    ['hi* x', 2, /at least 3 letters/],
  ])('%s fails at %i', (q, position, message) => {
    let error: unknown;
    try {
      parseQuery(q);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect((error as QuerySyntaxError).position).toBe(position);
    expect((error as QuerySyntaxError).message).toMatch(message);
  });
});
