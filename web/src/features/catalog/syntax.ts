import type { Locale } from '../../api/enums.ts';
import { translate } from '../../i18n/core.ts';
import type { MessageKey } from '../../i18n/en.ts';

/**
 * A query syntax error (400 QUERY_SYNTAX) in the reader's language. The server says what is wrong in English
 * and where ("… (at character 12)"); the parser's few messages are known here, anything else is shown as sent.
 */
const KNOWN: Array<[RegExp, MessageKey]> = [
  [/^This quotation mark is not closed/, 'catalog.syntax.quote'],
  [/^This closing parenthesis has no opening one/, 'catalog.syntax.closeParen'],
  [/^This opening parenthesis is not closed/, 'catalog.syntax.openParen'],
  [/^These parentheses are empty/, 'catalog.syntax.emptyParens'],
  [/^(AND|OR|NOT|-) needs a search term after it/, 'catalog.syntax.after'],
  [/^(AND|OR|NOT|-) needs a search term before it/, 'catalog.syntax.before'],
  [/^A search term is missing at the end/, 'catalog.syntax.missingEnd'],
  [/^This field needs a search term right after the colon/, 'catalog.syntax.fieldEmpty'],
  [/^Unexpected operator here/, 'catalog.syntax.unexpectedOperator'],
  [/^Unexpected text here/, 'catalog.syntax.unexpected'],
  [/^Truncation with \* needs at least (\d+) letters/, 'catalog.syntax.truncation'],
  [/^Unknown field "([^"]*)"/, 'catalog.syntax.unknownField'],
];

export type SyntaxProblem = { message: string; position: number | undefined };

export function syntaxProblem(detail: string, locale: Locale): SyntaxProblem {
  const at = /\s*\(at character (\d+)\)\s*$/.exec(detail);
  const text = at ? detail.slice(0, at.index) : detail;
  const position = at ? Number(at[1]) : undefined;
  for (const [pattern, key] of KNOWN) {
    const match = pattern.exec(text);
    if (match) {
      const value = match[1] ?? '';
      return { message: translate(locale, key, { op: value, field: value, count: value }), position };
    }
  }
  return { message: text, position };
}
