import type { SearchField } from '../../api/catalog.ts';

/**
 * Advanced search writes the one-box syntax (`title:(war peace) AND author:tolstoy`), so a search made with
 * the form can be read, edited in the box, shared and bookmarked like any other.
 */
export type Match = 'all' | 'any' | 'phrase';
export type Join = 'AND' | 'OR' | 'NOT';
export type AdvancedRow = { field: SearchField; words: string; match: Match; join: Join };

export const emptyRow = (join: Join = 'AND'): AdvancedRow => ({
  field: 'all',
  words: '',
  match: 'all',
  join,
});

/** The words of a row as the parser should read them: "quoted phrases" kept, everything else a plain word. */
export function rowTokens(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== undefined) {
      const phrase = m[1].replace(/\s+/g, ' ').trim();
      if (phrase) tokens.push(`"${phrase}"`);
      continue;
    }
    // Parentheses and stray quotes belong to the syntax, not to a word.
    let word = (m[2] ?? '').replace(/[()"]/g, '');
    if (!word || word === '-') continue;
    // Upper-case AND / OR / NOT typed as words are words here; the rows say how terms combine.
    if (word === 'AND' || word === 'OR' || word === 'NOT') word = word.toLowerCase();
    // "re:birth" would read as an unknown field: a colon inside a word makes it a phrase.
    if (word.includes(':')) word = `"${word.replace(/:/g, ' ').trim()}"`;
    tokens.push(word);
  }
  return tokens;
}

/** One row as a query term, or null when it has no words. */
export function rowTerm(row: AdvancedRow): string | null {
  let tokens = rowTokens(row.words);
  if (!tokens.length) return null;
  if (row.match === 'phrase') tokens = [`"${tokens.map((t) => t.replace(/"/g, '')).join(' ')}"`];
  const body = row.match === 'any' ? tokens.join(' OR ') : tokens.join(' ');
  const grouped = tokens.length > 1 ? `(${body})` : body;
  return row.field === 'all' ? grouped : `${row.field}:${grouped}`;
}

/**
 * The rows joined left to right, as people read them: "A AND B OR C" means "(A AND B) OR C". Parentheses are
 * added only where the parser's precedence (NOT > AND > OR) would read it otherwise. The first row's join is
 * ignored, except NOT, which excludes it (`-term`… is written as NOT after the others).
 */
export function composeQuery(rows: AdvancedRow[]): string {
  const terms = rows
    .map((row) => ({ join: row.join, term: rowTerm(row) }))
    .filter((r): r is { join: Join; term: string } => r.term !== null);
  if (!terms.length) return '';
  // A leading NOT row has nothing before it: move it after the first positive one.
  const firstPositive = terms.findIndex((t) => t.join !== 'NOT');
  if (firstPositive > 0) terms.unshift(...terms.splice(firstPositive, 1));
  let query = terms[0]!.term;
  if (firstPositive < 0) {
    // Only exclusions: nothing to exclude from.
    return terms.map((t) => `-${t.term}`).join(' ');
  }
  let previous: Join | null = null;
  for (const { join, term } of terms.slice(1)) {
    // Wrap what came before when the operator changes, so it is evaluated first.
    if (previous !== null && join !== previous) query = `(${query})`;
    query = `${query} ${join} ${term}`;
    previous = join;
  }
  return query;
}
