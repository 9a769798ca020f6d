import { CqlSyntaxError, tokenize, type Token } from './lexer.ts';

/**
 * A CQL 1.2 parser (the grammar of the LoC CQL specification). Booleans all have the same precedence and
 * associate to the left, as the specification says: `a or b and c` is `(a or b) and c`; parentheses override.
 */
export type Modifier = { name: string; comparator?: string; value?: string };
export type Relation = { base: string; modifiers: Modifier[] };
export type SearchClause = {
  type: 'clause';
  /** Index as written (lower-cased), e.g. `dc.title`; `cql.serverChoice` when the clause is a bare term. */
  index: string;
  relation: Relation;
  /** Term with `\"` resolved; other escapes kept (see termText / hasMasking). */
  term: string;
  /** Context-set prefixes in scope for this clause (prefix → URI). */
  prefixes: Record<string, string>;
  pos: number;
};
export type BooleanNode = {
  type: 'boolean';
  op: 'and' | 'or' | 'not' | 'prox';
  modifiers: Modifier[];
  left: CqlNode;
  right: CqlNode;
  pos: number;
};
export type CqlNode = SearchClause | BooleanNode;
export type SortKey = { index: string; modifiers: Modifier[] };
export type CqlQuery = { root: CqlNode; sortKeys: SortKey[] };

const BOOLEANS = new Set(['and', 'or', 'not', 'prox']);
const SYMBOL_OR_NAMED = 'a relation';

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }
  private fail(message: string, t: Token = this.peek()): never {
    const found = t.kind === 'end' ? 'end of query' : describe(t);
    throw new CqlSyntaxError(`${message}, found ${found}`, t.pos);
  }

  parseSorted(): CqlQuery {
    const root = this.parseQuery({}, true);
    const sortKeys: SortKey[] = [];
    const t = this.peek();
    if (isWord(t, 'sortby')) {
      this.next();
      while (this.peek().kind === 'word' || this.peek().kind === 'quoted') {
        sortKeys.push({ index: this.indexName(this.next()), modifiers: this.modifiers() });
      }
      if (sortKeys.length === 0) this.fail('Expected a sort key after sortBy');
    }
    if (this.peek().kind !== 'end') this.fail('Expected a boolean operator or the end of the query');
    return { root, sortKeys };
  }

  /** cqlQuery ::= prefixAssignment cqlQuery | scopedClause */
  private parseQuery(prefixes: Record<string, string>, top: boolean): CqlNode {
    let scope = prefixes;
    while (this.peek().kind === 'symbol' && (this.peek() as { value: string }).value === '>') {
      scope = { ...scope, ...this.prefixAssignment() };
    }
    let left = this.parseClause(scope);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'word' || !BOOLEANS.has(t.value.toLowerCase())) break;
      if (top && isWord(t, 'sortby')) break;
      this.next();
      const modifiers = this.modifiers();
      const right = this.parseClause(scope);
      left = {
        type: 'boolean',
        op: t.value.toLowerCase() as BooleanNode['op'],
        modifiers,
        left,
        right,
        pos: t.pos,
      };
    }
    return left;
  }

  private prefixAssignment(): Record<string, string> {
    this.next(); // '>'
    const first = this.next();
    if (first.kind !== 'word' && first.kind !== 'quoted')
      this.fail('Expected a prefix or URI after >', first);
    const eq = this.peek();
    if (eq.kind === 'symbol' && eq.value === '=') {
      this.next();
      const uri = this.next();
      if (uri.kind !== 'word' && uri.kind !== 'quoted')
        this.fail('Expected a URI in the prefix assignment', uri);
      return { [first.value.toLowerCase()]: uri.value };
    }
    return { '': first.value };
  }

  /** searchClause ::= '(' cqlQuery ')' | index relation searchTerm | searchTerm */
  private parseClause(prefixes: Record<string, string>): CqlNode {
    const t = this.peek();
    if (t.kind === 'lparen') {
      this.next();
      const inner = this.parseQuery(prefixes, false);
      if (this.peek().kind !== 'rparen') this.fail('Expected )');
      this.next();
      return inner;
    }
    if (t.kind !== 'word' && t.kind !== 'quoted') this.fail('Expected a search term or (');
    if (t.kind === 'word' && (BOOLEANS.has(t.value.toLowerCase()) || isWord(t, 'sortby'))) {
      this.fail('Expected a search term (quote reserved words)');
    }
    this.next();
    const after = this.peek();
    const namedRelation =
      after.kind === 'word' &&
      !BOOLEANS.has(after.value.toLowerCase()) &&
      !isWord(after, 'sortby') &&
      // A named relation is always followed by a term or its modifiers, never by the end or ')'.
      ['word', 'quoted', 'slash'].includes(this.peek(1).kind);
    if (after.kind === 'symbol' || namedRelation) {
      const index = this.indexName(t);
      const rel = this.next() as Token & { value: string };
      const relation: Relation = { base: rel.value.toLowerCase(), modifiers: this.modifiers() };
      const term = this.next();
      if (term.kind !== 'word' && term.kind !== 'quoted')
        this.fail('Expected a search term after the relation', term);
      return { type: 'clause', index, relation, term: term.value, prefixes, pos: t.pos };
    }
    return {
      type: 'clause',
      index: 'cql.serverchoice',
      relation: { base: '=', modifiers: [] },
      term: t.value,
      prefixes,
      pos: t.pos,
    };
  }

  private indexName(t: Token): string {
    if (t.kind !== 'word' && t.kind !== 'quoted') this.fail('Expected an index name', t);
    if (t.value === '') this.fail('Empty index name', t);
    return t.value.toLowerCase();
  }

  /** modifierList ::= ('/' name [comparitorSymbol value])* */
  private modifiers(): Modifier[] {
    const list: Modifier[] = [];
    while (this.peek().kind === 'slash') {
      this.next();
      const name = this.next();
      if (name.kind !== 'word') this.fail('Expected a modifier name after /', name);
      const m: Modifier = { name: name.value.toLowerCase() };
      const cmp = this.peek();
      if (cmp.kind === 'symbol') {
        this.next();
        const value = this.next();
        if (value.kind !== 'word' && value.kind !== 'quoted') this.fail('Expected a modifier value', value);
        m.comparator = cmp.value;
        m.value = value.value;
      }
      list.push(m);
    }
    return list;
  }
}

function isWord(t: Token, word: string): boolean {
  return t.kind === 'word' && t.value.toLowerCase() === word;
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'word':
      return `"${t.value}"`;
    case 'quoted':
      return `quoted term "${t.value}"`;
    case 'symbol':
      return `"${t.value}"`;
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'slash':
      return '"/"';
    default:
      return SYMBOL_OR_NAMED;
  }
}

/** Parses a CQL query; throws CqlSyntaxError (with a 1-based position) on malformed input. */
export function parseCql(input: string): CqlQuery {
  if (input.trim() === '') throw new CqlSyntaxError('Empty query', 1);
  return new Parser(tokenize(input)).parseSorted();
}

/** The term with CQL escapes removed (for display and exact matching). */
export function termText(term: string): string {
  return term.replace(/\\(.)/g, '$1');
}

/** True when the term uses an unescaped `*` or `?` masking character. */
export function hasMasking(term: string): boolean {
  return /(^|[^\\])(\\\\)*[*?]/.test(term);
}
