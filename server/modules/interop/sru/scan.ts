import type { Db } from '../../../platform/db/client.ts';
import { parseCql, termText } from '../cql/parser.ts';
import { CqlSyntaxError } from '../cql/lexer.ts';
import * as q from '../queries.ts';
import { diag, diagnosticsXml, document, el, type Diagnostic, type SruVersion } from './envelope.ts';

export const SCAN_NAMESPACE = 'http://docs.oasis-open.org/ns/search-ws/scan';
const SCAN_INDEXES: Record<string, 'title' | 'author'> = {
  'dc.title': 'title',
  'cql.serverchoice': 'title',
  'dc.creator': 'author',
  'dc.author': 'author',
  'bath.name': 'author',
};
const MAX_TERMS = 100;

/**
 * SRU scan over display titles and main authors (browse lists, as catalogues show them), counted in
 * clusters; responsePosition puts the scanned term at that place in the list.
 */
export async function scan(
  db: Db,
  version: SruVersion,
  p: Record<string, string | undefined>,
  problems: Diagnostic[],
) {
  const ns = version === '2.0' ? SCAN_NAMESPACE : undefined;
  const fail = (d: Diagnostic) =>
    document(version, 'scanResponse', diagnosticsXml(version, [...problems, d]), ns);
  if (!p.scanClause) return fail(diag(7, 'scanClause'));
  const position = p.responsePosition === undefined ? 1 : Number(p.responsePosition);
  const max = p.maximumTerms === undefined ? 20 : Number(p.maximumTerms);
  if (!Number.isInteger(position) || position < 0) return fail(diag(6, 'responsePosition'));
  if (!Number.isInteger(max) || max < 1) return fail(diag(6, 'maximumTerms'));
  let clause;
  try {
    clause = parseCql(p.scanClause).root;
  } catch (e) {
    if (e instanceof CqlSyntaxError) return fail(diag(10, String(e.position), e.message));
    throw e;
  }
  if (clause.type !== 'clause')
    return fail(diag(10, p.scanClause, 'A scan clause is one index, relation and term'));
  const column = SCAN_INDEXES[clause.index];
  if (!column) return fail(diag(16, clause.index));
  const terms = Math.min(max, MAX_TERMS);
  if (max > MAX_TERMS) problems.push(diag(6, 'maximumTerms', `maximumTerms capped at ${MAX_TERMS}`));
  const start = termText(clause.term).toLowerCase();
  const before = Math.min(Math.max(position - 1, 0), terms);
  const [down, up] = await Promise.all([
    before > 0 ? q.scanTerms(db, column, start, 'down', before) : Promise.resolve([]),
    q.scanTerms(db, column, start, 'up', terms - before),
  ]);
  const list = [...down, ...up]
    .map((t) => `<zs:term>${el('value', t.value)}${el('numberOfRecords', t.count)}</zs:term>`)
    .join('');
  return document(
    version,
    'scanResponse',
    (list ? `<zs:terms>${list}</zs:terms>` : '') + diagnosticsXml(version, problems),
    ns,
  );
}
