import type { CqlNode, CqlQuery, SearchClause } from './parser.ts';
import { hasMasking, termText } from './parser.ts';

/**
 * Maps a parsed CQL query onto the catalog search engine's one-box syntax (the engine's own parser then
 * does folding, stemming and identifier normalisation, so SRU and the web search agree on what matches).
 * Clauses that are filters rather than text (dc.date ranges, holding library) must be ANDed at the top.
 */
export class UnsupportedCql extends Error {
  constructor(
    readonly diagnostic: number,
    message: string,
    readonly details: string,
  ) {
    super(message);
  }
}

export type SearchPlan = {
  q: string;
  yearFrom?: number;
  yearTo?: number;
  languages: string[];
  librarySymbols: string[];
  sort?: 'relevance' | 'newest' | 'oldest' | 'title';
};

/** CQL index → one-box field (null = any field). */
const TEXT_INDEXES: Record<string, string | null> = {
  'cql.serverchoice': null,
  'cql.anywhere': null,
  'dc.title': 'title',
  'dc.creator': 'author',
  'dc.author': 'author',
  'bath.name': 'author',
  'dc.subject': 'subject',
  'dc.publisher': 'publisher',
  'dc.identifier': null,
  'bath.isbn': 'isbn',
  'bath.issn': 'issn',
  'rec.id': 'oclc',
};
export const SUPPORTED_INDEXES = [
  ...Object.keys(TEXT_INDEXES),
  'dc.date',
  'dc.language',
  'bath.possessinginstitution',
  'cql.allrecords',
];

/** Strip what the one-box syntax would read as operators; CQL terms are data here. */
function oneBoxWords(term: string): string[] {
  return termText(term)
    .replace(/["():]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^-+/, ''))
    .filter((w) => w !== '')
    .map((w) => (/^(AND|OR|NOT)$/.test(w) ? w.toLowerCase() : w));
}

function textClause(c: SearchClause, field: string | null): string {
  const base = c.relation.base;
  const prefix = field ? `${field}:` : '';
  // Truncation: keep a trailing * (the engine does right truncation), drop other masking.
  const masked = hasMasking(c.term);
  const words = oneBoxWords(c.term).map((w) => (masked ? w.replace(/\?/g, '') : w.replace(/\*/g, '')));
  if (words.length === 0) throw new UnsupportedCql(27, 'Empty term unsupported', c.term);
  if (base === 'any') return `(${words.map((w) => prefix + w).join(' OR ')})`;
  if (base === '==' || base === 'exact' || base === 'adj')
    return `${prefix}"${words.join(' ').replace(/\*/g, '')}"`;
  if (base === '=' || base === 'all') return `(${words.map((w) => prefix + w).join(' ')})`;
  throw new UnsupportedCql(19, 'Unsupported relation', base);
}

function yearOf(c: SearchClause): number {
  const year = Number(termText(c.term).trim().slice(0, 4));
  if (!/^\d{4}/.test(termText(c.term).trim()) || !Number.isInteger(year)) {
    throw new UnsupportedCql(36, 'Term in invalid format for index or relation', c.term);
  }
  return year;
}

/** Filters: only valid as conjuncts of the top-level AND chain. */
function applyFilter(c: SearchClause, plan: SearchPlan): boolean {
  if (c.index === 'dc.date') {
    const y = yearOf(c);
    const r = c.relation.base;
    const from = r === '>' ? y + 1 : r === '>=' || r === '=' || r === '==' ? y : undefined;
    const to = r === '<' ? y - 1 : r === '<=' || r === '=' || r === '==' ? y : undefined;
    if (from === undefined && to === undefined) throw new UnsupportedCql(19, 'Unsupported relation', r);
    if (from !== undefined) plan.yearFrom = Math.max(plan.yearFrom ?? from, from);
    if (to !== undefined) plan.yearTo = Math.min(plan.yearTo ?? to, to);
    return true;
  }
  if (c.index === 'dc.language') {
    plan.languages.push(termText(c.term).trim().toLowerCase());
    return true;
  }
  if (c.index === 'bath.possessinginstitution') {
    plan.librarySymbols.push(termText(c.term).trim().toUpperCase());
    return true;
  }
  return false;
}

const FILTER_INDEXES = new Set(['dc.date', 'dc.language', 'bath.possessinginstitution']);

function textOf(n: CqlNode): string {
  if (n.type === 'clause') {
    if (n.index === 'cql.allrecords') return '';
    if (FILTER_INDEXES.has(n.index)) {
      throw new UnsupportedCql(19, `${n.index} can only be ANDed with the rest of the query`, n.index);
    }
    if (!(n.index in TEXT_INDEXES)) throw new UnsupportedCql(16, 'Unsupported index', n.index);
    return textClause(n, TEXT_INDEXES[n.index]!);
  }
  if (n.op === 'prox') throw new UnsupportedCql(37, 'Unsupported boolean operator', 'prox');
  const left = textOf(n.left);
  const right = textOf(n.right);
  if (n.op === 'and') return [left, right].filter((s) => s !== '').join(' ');
  if (n.op === 'not') return `${left === '' ? '' : `(${left}) `}NOT (${right})`;
  if (left === '' || right === '') return '';
  return `(${left}) OR (${right})`;
}

/** Splits the top-level AND chain into filter clauses and text, then renders the text. */
export function planSearch(query: CqlQuery): SearchPlan {
  const plan: SearchPlan = { q: '', languages: [], librarySymbols: [] };
  const texts: string[] = [];
  const walk = (n: CqlNode) => {
    if (n.type === 'boolean' && n.op === 'and') {
      walk(n.left);
      walk(n.right);
    } else if (n.type === 'clause' && applyFilter(n, plan)) {
      // consumed as a filter
    } else {
      texts.push(textOf(n));
    }
  };
  walk(query.root);
  plan.q = texts.filter((t) => t !== '').join(' ');
  const key = query.sortKeys[0];
  if (key)
    plan.sort = sortFor(
      key.index,
      key.modifiers.some((m) => m.name === 'sort.descending'),
    );
  return plan;
}

export function sortFor(index: string, descending: boolean): SearchPlan['sort'] {
  if (index === 'dc.date') return descending ? 'newest' : 'oldest';
  if (index === 'dc.title') return 'title';
  if (index === 'cql.serverchoice' || index === 'rec.id') return 'relevance';
  throw new UnsupportedCql(16, 'Unsupported index', index);
}
