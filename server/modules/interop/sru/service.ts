import type { AppContext } from '../../../platform/context.ts';
import { searchFeedFor } from '../../catalog/index.ts';
import type { MarcRecord } from '../../catalog/marc/index.ts';
import { parseCql } from '../cql/parser.ts';
import { CqlSyntaxError } from '../cql/lexer.ts';
import { planSearch, sortFor, UnsupportedCql, SUPPORTED_INDEXES } from '../cql/to-search.ts';
import * as q from '../queries.ts';
import { scan } from './scan.ts';
import { diag, diagnosticsXml, document, el, type Diagnostic, type SruVersion } from './envelope.ts';
import { renderRecord, schemaFor, SCHEMAS, withHoldings, xml } from './records.ts';

export const DEFAULT_RECORDS = 10;
export const MAX_RECORDS = 100;

const KNOWN = new Set([
  'operation',
  'version',
  'query',
  'startRecord',
  'maximumRecords',
  'recordSchema',
  'recordPacking',
  'recordXMLEscaping',
  'sortKeys',
  'stylesheet',
  'scanClause',
  'responsePosition',
  'maximumTerms',
  'resultSetTTL',
  'queryType',
  'httpAccept',
  'renderedBy',
  'extraRequestData',
]);

type Params = Record<string, string | undefined>;

/** SRU over the union catalog (or, with `symbol`, one library's holdings within it). */
export class SruService {
  constructor(private readonly ctx: AppContext) {}

  async handle(params: Params, symbol?: string): Promise<string> {
    try {
      return await this.dispatch(params, symbol);
    } catch (e) {
      // SRU clients expect an SRU answer, never an HTTP 500: diagnostic 1, details in our log only.
      this.ctx.log.error({ err: e }, 'SRU request failed');
      const version: SruVersion = params.version === '2.0' || !params.operation ? '2.0' : '1.2';
      return document(
        version,
        'searchRetrieveResponse',
        el('numberOfRecords', 0) + diagnosticsXml(version, [diag(1)]),
      );
    }
  }

  private async dispatch(params: Params, symbol?: string): Promise<string> {
    const version: SruVersion =
      params.version === '1.2' || params.version === '1.1'
        ? '1.2'
        : params.version === '2.0'
          ? '2.0'
          : params.operation
            ? '1.2'
            : '2.0';
    const operation =
      params.operation ??
      (params.query !== undefined ? 'searchRetrieve' : params.scanClause !== undefined ? 'scan' : 'explain');
    const problems: Diagnostic[] = [];
    if (params.version !== undefined && !['1.1', '1.2', '2.0'].includes(params.version))
      problems.push(diag(5, params.version, 'Unsupported version'));
    for (const key of Object.keys(params))
      if (!KNOWN.has(key) && !key.startsWith('x-')) problems.push(diag(8, key));
    if (operation === 'explain') return this.explain(version, symbol, problems);
    if (operation === 'searchRetrieve') return this.searchRetrieve(version, params, symbol, problems);
    if (operation === 'scan') return scan(this.ctx.db, version, params, problems);
    return document(
      version,
      operation === 'scan' ? 'scanResponse' : 'explainResponse',
      diagnosticsXml(version, [...problems, diag(4, operation)]),
    );
  }

  private explain(version: SruVersion, symbol: string | undefined, problems: Diagnostic[]) {
    const host = new URL(this.ctx.env.baseUrl);
    const indexes = SUPPORTED_INDEXES.map((name) => {
      const [set, idx] = name.split('.') as [string, string];
      return `<index><title>${xml(name)}</title><map><name set="${set}">${xml(idx)}</name></map></index>`;
    }).join('');
    const schemas = Object.entries(SCHEMAS)
      .map(([name, s]) => `<schema identifier="${s.uri}" name="${name}"><title>${s.title}</title></schema>`)
      .join('');
    const zeerex =
      '<explain xmlns="http://explain.z3950.org/dtd/2.0/">' +
      `<serverInfo protocol="SRU" version="${version}"><host>${xml(host.hostname)}</host><port>${host.port || (host.protocol === 'https:' ? 443 : 80)}</port><database>${symbol ? `sru/${xml(symbol)}` : 'sru'}</database></serverInfo>` +
      `<databaseInfo><title>${symbol ? `Amigos Commons: ${xml(symbol)} holdings` : 'Amigos Commons union catalog'}</title></databaseInfo>` +
      '<indexInfo><set identifier="info:srw/cql-context-set/1/cql-v1.2" name="cql"/><set identifier="info:srw/cql-context-set/1/dc-v1.1" name="dc"/>' +
      '<set identifier="http://zing.z3950.org/cql/bath/2.0/" name="bath"/><set identifier="info:srw/cql-context-set/2/rec-1.1" name="rec"/>' +
      `${indexes}</indexInfo><schemaInfo>${schemas}</schemaInfo>` +
      `<configInfo><default type="numberOfRecords">${DEFAULT_RECORDS}</default><setting type="maximumRecords">${MAX_RECORDS}</setting></configInfo></explain>`;
    const record = `<zs:record>${el('recordSchema', 'http://explain.z3950.org/dtd/2.0/')}${el(version === '1.2' ? 'recordPacking' : 'recordXMLEscaping', 'xml')}<zs:recordData>${zeerex}</zs:recordData></zs:record>`;
    return document(version, 'explainResponse', record + diagnosticsXml(version, problems));
  }

  private async searchRetrieve(
    version: SruVersion,
    p: Params,
    symbol: string | undefined,
    problems: Diagnostic[],
  ) {
    const fatal = (d: Diagnostic) =>
      document(
        version,
        'searchRetrieveResponse',
        el('numberOfRecords', 0) + diagnosticsXml(version, [...problems, d]),
      );
    if (p.query === undefined || p.query.trim() === '') return fatal(diag(7, 'query'));
    const start = p.startRecord === undefined ? 1 : Number(p.startRecord);
    if (!Number.isInteger(start) || start < 1) return fatal(diag(6, 'startRecord'));
    let max = p.maximumRecords === undefined ? DEFAULT_RECORDS : Number(p.maximumRecords);
    if (!Number.isInteger(max) || max < 0) return fatal(diag(6, 'maximumRecords'));
    if (max > MAX_RECORDS) {
      problems.push(diag(6, 'maximumRecords', `maximumRecords capped at ${MAX_RECORDS}`));
      max = MAX_RECORDS;
    }
    const schema = schemaFor(p.recordSchema);
    if (!schema) return fatal(diag(66, p.recordSchema));
    const packingParam = version === '1.2' ? p.recordPacking : (p.recordXMLEscaping ?? p.recordPacking);
    const packing = packingParam ?? 'xml';
    if (
      packing !== 'xml' &&
      packing !== 'string' &&
      !(
        version === '2.0' &&
        p.recordXMLEscaping === undefined &&
        (packing === 'packed' || packing === 'unpacked')
      )
    ) {
      return fatal(diag(71, packing));
    }
    const escaped = packing === 'string';

    let plan;
    try {
      const parsed = parseCql(p.query);
      plan = planSearch(parsed);
      if (p.sortKeys && parsed.sortKeys.length === 0) {
        const [path, , ascending] = p.sortKeys.trim().split(/\s+/)[0]!.split(',');
        plan.sort = sortFor(path!.toLowerCase(), ascending === '0');
      }
    } catch (e) {
      if (e instanceof CqlSyntaxError) return fatal(diag(10, String(e.position), e.message));
      if (e instanceof UnsupportedCql) return fatal(diag(e.diagnostic, e.details, e.message));
      throw e;
    }
    if (symbol) plan.librarySymbols.push(symbol);
    const libs = await q.librariesBySymbol(this.ctx.db, [...new Set(plan.librarySymbols)]);
    if (libs.length < new Set(plan.librarySymbols).size)
      return document(
        version,
        'searchRetrieveResponse',
        el('numberOfRecords', 0) + diagnosticsXml(version, problems),
      );
    // Several possessing institutions ANDed: the engine's library filter is an OR, so each extra one is a
    // narrowing we cannot express; answer honestly rather than widen.
    if (libs.length > 1)
      return fatal(diag(19, 'bath.possessingInstitution', 'Only one possessing institution per query'));

    const feed = searchFeedFor(this.ctx);
    await feed.fresh();
    if (start - 1 + max > 10_000) return fatal(diag(61, String(start)));
    let result;
    try {
      result = feed.index.search({
        q: plan.q,
        filters: {
          library: libs.map((l) => l.id),
          language: plan.languages.length > 0 ? plan.languages : undefined,
          yearFrom: plan.yearFrom,
          yearTo: plan.yearTo,
        },
        sort: plan.sort ?? 'relevance',
        offset: start - 1,
        limit: max,
        facetLimit: 1,
      });
    } catch (e) {
      // The engine's own parser can still refuse what CQL allowed (e.g. a lone backslash): a syntax error.
      if (e instanceof Error && e.name === 'QuerySyntaxError') return fatal(diag(10, p.query, e.message));
      throw e;
    }
    if (start > 1 && start > result.total) return fatal(diag(61, String(start)));
    const ids = result.hits.map((h) => h.id);
    const [records, holdings] = await Promise.all([
      q.displayRecords(this.ctx.db, ids),
      q.clusterHoldings(this.ctx.db, ids),
    ]);
    const parts = records.map((r, i) => {
      const held = holdings.filter((h) => h.clusterId === r.clusterId);
      const body = renderRecord(withHoldings(r.marc as MarcRecord, held), schema);
      const packed =
        version === '1.2'
          ? el('recordPacking', escaped ? 'string' : 'xml')
          : el('recordXMLEscaping', escaped ? 'string' : 'xml');
      return `<zs:record>${el('recordSchema', SCHEMAS[schema].uri)}${packed}<zs:recordData>${escaped ? xml(body) : body}</zs:recordData>${el('recordPosition', start + i)}</zs:record>`;
    });
    const next =
      start + records.length <= result.total && records.length > 0
        ? el('nextRecordPosition', start + records.length)
        : '';
    return document(
      version,
      'searchRetrieveResponse',
      el('numberOfRecords', result.total) +
        (parts.length ? `<zs:records>${parts.join('')}</zs:records>` : '') +
        next +
        diagnosticsXml(version, problems),
    );
  }
}
