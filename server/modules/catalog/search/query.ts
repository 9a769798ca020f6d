/**
 * The one-box query language (what VuFind users expect) parsed into an AST that SRU/CQL can also target:
 * words ANDed by default; AND, OR, NOT (upper case only); -word; parentheses (NOT > AND > OR); "phrases";
 * field:word, field:"phrase", field:(group); word* right truncation (at least 3 letters).
 * Positions are 0-based offsets into the query string: errors point at them and "did you mean" rewrites
 * the spans of single words.
 */
import { looksLikeIdentifier, words } from './normalize.ts';
import { QuerySyntaxError, type SearchField } from './types.ts';

export type QueryNode =
  /** One folded word, or for isbn/issn/oclc (and identifier-looking words) the compact number. */
  | { type: 'term'; field: SearchField; word: string; start: number; end: number }
  /** Right truncation: every word starting with `word`. */
  | { type: 'prefix'; field: SearchField; word: string; start: number; end: number }
  /** Adjacent folded words within one field value (exact forms, stop words included). */
  | { type: 'phrase'; field: SearchField; words: string[]; quoted: boolean; start: number; end: number }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  /** The empty query: every document. */
  | { type: 'all' };

export const FIELD_NAMES: Record<string, SearchField> = {
  title: 'title',
  ti: 'title',
  author: 'author',
  au: 'author',
  subject: 'subject',
  su: 'subject',
  isbn: 'isbn',
  issn: 'issn',
  oclc: 'oclc',
  publisher: 'publisher',
  series: 'series',
};
const IDENTIFIER_FIELDS = new Set<SearchField>(['isbn', 'issn', 'oclc']);

type Token =
  | { kind: 'and' | 'or' | 'not' | 'minus' | 'lparen' | 'rparen'; pos: number }
  | { kind: 'field'; field: SearchField; pos: number }
  | { kind: 'word' | 'phrase'; text: string; pos: number; end: number };

/** "(OCoLC)" opens no group: it is part of an OCLC number. */
const OCLC_PREFIX = /^\(ocolc\)[^\s()"]/i;

function lex(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) i++;
    else if ((c === '(' && !OCLC_PREFIX.test(q.slice(i, i + 8))) || c === ')')
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', pos: i++ });
    else if (c === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) throw new QuerySyntaxError('This quotation mark is not closed.', i);
      tokens.push({ kind: 'phrase', text: q.slice(i + 1, close), pos: i, end: close + 1 });
      i = close + 1;
    } else {
      let j = i;
      while (j < q.length) {
        if (q[j] === '(' && OCLC_PREFIX.test(q.slice(j, j + 8))) j += 7;
        else if (/[\s()"]/.test(q[j]!)) break;
        else j++;
      }
      lexChunk(q, i, j, tokens);
      i = j;
    }
  }
  return tokens;
}

/** A run of non-space characters: operator, -prefix, field: prefix and/or a word. */
function lexChunk(q: string, start: number, end: number, tokens: Token[]): void {
  let s = start;
  const chunk = q.slice(start, end);
  if (chunk === 'AND' || chunk === 'OR' || chunk === 'NOT') {
    tokens.push({ kind: chunk === 'AND' ? 'and' : chunk === 'OR' ? 'or' : 'not', pos: start });
    return;
  }
  if (q[s] === '-' && (s + 1 < end || q[end] === '(' || q[end] === '"')) {
    tokens.push({ kind: 'minus', pos: s });
    s++;
  }
  const field = /^([A-Za-z]+):/.exec(q.slice(s, end));
  if (field) {
    const known = FIELD_NAMES[field[1]!.toLowerCase()];
    const followed = s + field[0].length < end || q[end] === '(' || q[end] === '"';
    if (known) {
      tokens.push({ kind: 'field', field: known, pos: s });
      s += field[0].length;
    } else if (followed) {
      throw new QuerySyntaxError(
        `Unknown field "${field[1]}". Use title, author, subject, isbn, issn, oclc, publisher or series ` +
          '(or put the words in quotes).',
        s,
      );
    }
  }
  if (s < end) {
    const text = q.slice(s, end);
    // Stray punctuation ("&", "--") is not a word: drop it rather than fail.
    if (words(text.replace(/\*+$/, '')).length > 0 || looksLikeIdentifier(text))
      tokens.push({ kind: 'word', text, pos: s, end });
  }
}

const OPERATOR_NAME = { and: 'AND', or: 'OR', not: 'NOT', minus: '-' } as const;

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(field: SearchField): QueryNode {
    if (this.tokens.length === 0) return { type: 'all' };
    const node = this.or(field);
    const next = this.tokens[this.at];
    if (next) {
      if (next.kind === 'rparen')
        throw new QuerySyntaxError('This closing parenthesis has no opening one.', next.pos);
      throw new QuerySyntaxError('Unexpected text here.', next.pos);
    }
    return node;
  }

  private peek() {
    return this.tokens[this.at];
  }

  private or(field: SearchField): QueryNode {
    const children = [this.and(field)];
    for (let t = this.peek(); t?.kind === 'or'; t = this.peek()) {
      this.at++;
      this.requireOperand(t.pos, 'or');
      children.push(this.and(field));
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private and(field: SearchField): QueryNode {
    const children = [this.unary(field)];
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.kind === 'and') {
        this.at++;
        this.requireOperand(t.pos, 'and');
      } else if (t.kind === 'or' || t.kind === 'rparen') break;
      children.push(this.unary(field));
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private unary(field: SearchField): QueryNode {
    const t = this.peek();
    if (t && (t.kind === 'not' || t.kind === 'minus')) {
      this.at++;
      this.requireOperand(t.pos, t.kind);
      return { type: 'not', child: this.unary(field) };
    }
    return this.primary(field);
  }

  private requireOperand(pos: number, op: keyof typeof OPERATOR_NAME): void {
    const next = this.peek();
    if (!next || next.kind === 'rparen' || next.kind === 'and' || next.kind === 'or')
      throw new QuerySyntaxError(`${OPERATOR_NAME[op]} needs a search term after it.`, pos);
  }

  private primary(field: SearchField): QueryNode {
    const t = this.peek();
    if (!t) throw new QuerySyntaxError('A search term is missing at the end.', this.length);
    this.at++;
    switch (t.kind) {
      case 'field': {
        const next = this.peek();
        if (!next || !['word', 'phrase', 'lparen'].includes(next.kind))
          throw new QuerySyntaxError('This field needs a search term right after the colon.', t.pos);
        return this.primary(t.field);
      }
      case 'lparen': {
        if (this.peek()?.kind === 'rparen') throw new QuerySyntaxError('These parentheses are empty.', t.pos);
        const inner = this.or(field);
        if (this.peek()?.kind !== 'rparen')
          throw new QuerySyntaxError('This opening parenthesis is not closed.', t.pos);
        this.at++;
        return inner;
      }
      case 'rparen':
        throw new QuerySyntaxError('This closing parenthesis has no opening one.', t.pos);
      case 'and':
      case 'or':
        throw new QuerySyntaxError(`${OPERATOR_NAME[t.kind]} needs a search term before it.`, t.pos);
      case 'word':
        return wordNode(t.text, field, t.pos, t.end);
      case 'phrase':
        return phraseNode(t.text, field, t.pos, t.end);
      default:
        throw new QuerySyntaxError('Unexpected operator here.', t.pos);
    }
  }
}

const compact = (text: string) => text.replace(/[\s-]/g, '').toLowerCase();

function wordNode(text: string, field: SearchField, start: number, end: number): QueryNode {
  if (IDENTIFIER_FIELDS.has(field) || (field === 'all' && looksLikeIdentifier(text)))
    return { type: 'term', field, word: compact(text), start, end };
  if (text.endsWith('*')) {
    const parts = words(text.replace(/\*+$/, ''));
    const last = parts.pop()!;
    if (last.length < 3)
      throw new QuerySyntaxError('Truncation with * needs at least 3 letters before the *.', end - 1);
    const prefix: QueryNode = { type: 'prefix', field, word: last, start, end };
    if (parts.length === 0) return prefix;
    return { type: 'and', children: [...parts.map((word) => termNode(word, field, start, end)), prefix] };
  }
  const parts = words(text);
  if (parts.length === 1) return termNode(parts[0]!, field, start, end);
  // "post-war", "U.S.": the pieces of one chunk stay together, as a phrase.
  return { type: 'phrase', field, words: parts, quoted: false, start, end };
}

const termNode = (word: string, field: SearchField, start: number, end: number): QueryNode => ({
  type: 'term',
  field,
  word,
  start,
  end,
});

function phraseNode(text: string, field: SearchField, start: number, end: number): QueryNode {
  if (IDENTIFIER_FIELDS.has(field)) return { type: 'term', field, word: compact(text), start, end };
  const parts = words(text);
  // An empty pair of quotes is ignored like stray punctuation: the whole query may become "all".
  if (parts.length === 0) return { type: 'and', children: [] };
  return { type: 'phrase', field, words: parts, quoted: true, start, end };
}

/** Parses a one-box query; throws QuerySyntaxError (message + position) when it is malformed. */
export function parseQuery(q: string, defaultField: SearchField = 'all'): QueryNode {
  return new Parser(lex(q), q.length).parse(defaultField);
}
