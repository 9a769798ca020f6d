/**
 * CQL tokens. Positions are 1-based character offsets into the query so that SRU diagnostic 10 can name
 * exactly where parsing failed (clients show it to the person who typed the query).
 */
export type Token =
  | { kind: 'lparen' | 'rparen' | 'slash' | 'end'; pos: number }
  | { kind: 'symbol'; value: '=' | '==' | '<' | '>' | '<=' | '>=' | '<>'; pos: number }
  | { kind: 'word'; value: string; pos: number }
  | { kind: 'quoted'; value: string; pos: number };

export class CqlSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based character position of the offending input. */
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'CqlSyntaxError';
  }
}

const SPECIAL = new Set(['(', ')', '/', '=', '<', '>', '"']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    const pos = i + 1;
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(') {
      tokens.push({ kind: 'lparen', pos });
      i++;
    } else if (ch === ')') {
      tokens.push({ kind: 'rparen', pos });
      i++;
    } else if (ch === '/') {
      tokens.push({ kind: 'slash', pos });
      i++;
    } else if (ch === '=' || ch === '<' || ch === '>') {
      const two = input.slice(i, i + 2);
      if (two === '==' || two === '<=' || two === '>=' || two === '<>') {
        tokens.push({ kind: 'symbol', value: two, pos });
        i += 2;
      } else {
        tokens.push({ kind: 'symbol', value: ch, pos });
        i++;
      }
    } else if (ch === '"') {
      i = readQuoted(input, i, tokens);
    } else {
      let j = i;
      while (j < input.length && !SPECIAL.has(input[j]!) && !isSpace(input[j]!)) j++;
      tokens.push({ kind: 'word', value: input.slice(i, j), pos });
      i = j;
    }
  }
  tokens.push({ kind: 'end', pos: input.length + 1 });
  return tokens;
}

/**
 * A quoted string: `\"` is a literal quote and `\\` a literal backslash; any other escape (`\*`, `\?`, `\^`) is
 * kept as written because CQL gives it meaning later (a masking character taken literally).
 */
function readQuoted(input: string, start: number, tokens: Token[]): number {
  let value = '';
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '\\') {
      const next = input[i + 1];
      if (next === undefined) break;
      value += next === '"' ? '"' : next === '\\' ? '\\\\' : `\\${next}`;
      i += 2;
    } else if (ch === '"') {
      tokens.push({ kind: 'quoted', value, pos: start + 1 });
      return i + 1;
    } else {
      value += ch;
      i++;
    }
  }
  throw new CqlSyntaxError('Unterminated quoted string', start + 1);
}
