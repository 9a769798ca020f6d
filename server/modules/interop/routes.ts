import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { SruService } from './sru/service.ts';
import { OaiService } from './oai/service.ts';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportLibrary,
  exportSearch,
  type ExportFormat,
} from './export/export.ts';
import * as q from './queries.ts';
import { AppError } from '../../platform/errors.ts';

const everyone = { level: 'public' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** First value of each query parameter (SRU parameters are single-valued). */
function flat(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    out[k] = Array.isArray(v) ? String(v[0]) : String(v);
  }
  return out;
}

/** Standards endpoints, outside /api/v1 because clients expect these paths and XML, not our JSON API. */
export async function interopRoutes(app: FastifyInstance, ctx: AppContext) {
  const sru = new SruService(ctx);
  // Documented in OpenAPI, unvalidated: these protocols answer bad parameters with their own diagnostics.
  const doc = (summary: string) => ({ schema: { summary, tags: ['standards'] } });
  app.get(
    '/sru',
    {
      config: { access: everyone },
      ...doc('SRU 1.2/2.0 (explain, searchRetrieve, scan) over the union catalog; XML'),
    },
    async (request, reply) => {
      const body = await sru.handle(flat(request.query));
      return reply.type('application/xml; charset=utf-8').send(body);
    },
  );
  app.get<{ Params: { symbol: string } }>(
    '/sru/:symbol',
    { config: { access: everyone }, ...doc('SRU over one library’s holdings in the union catalog; XML') },
    async (request, reply) => {
      const body = await sru.handle(flat(request.query), request.params.symbol.toUpperCase());
      return reply.type('application/xml; charset=utf-8').send(body);
    },
  );
  const oai = new OaiService(ctx);
  const answer = async (params: Record<string, string>, repeated: Set<string>, reply: FastifyReply) =>
    reply.type('text/xml; charset=utf-8').send(await oai.handle(params, repeated));
  app.get(
    '/oai',
    { config: { access: everyone }, ...doc('OAI-PMH 2.0 repository of library records; XML') },
    async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const repeated = new Set(Object.keys(query).filter((k) => Array.isArray(query[k])));
      return answer(flat(query), repeated, reply);
    },
  );
  // A library's whole set: its own staff or consortium staff (ownLibrary admits both).
  app.get<{ Params: { libraryId: string }; Querystring: { format?: string } }>(
    '/api/v1/libraries/:libraryId/catalog/export',
    {
      config: { access: { level: 'ownLibrary', param: 'libraryId' } },
      ...doc('A library’s catalog records as ISO 2709, MARCXML or MARC-in-JSON (streamed)'),
    },
    async (request, reply) => {
      const format = (request.query.format ?? 'marcxml') as ExportFormat;
      if (!EXPORT_FORMATS.includes(format) || !UUID.test(request.params.libraryId)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `format must be one of ${EXPORT_FORMATS.join(', ')}; libraryId a uuid.`,
        );
      }
      const { type, ext } = CONTENT_TYPES[format];
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="catalog.${ext}"`)
        .send(exportLibrary(ctx.db, request.params.libraryId, format));
    },
  );
  // A search result, for anyone (the search itself is public): q in the one-box syntax, library = symbols.
  app.get<{ Querystring: { q?: string; library?: string | string[]; format?: string } }>(
    '/api/v1/catalog/export',
    {
      config: { access: everyone },
      ...doc('A search result as ISO 2709, MARCXML or MARC-in-JSON (streamed)'),
    },
    async (request, reply) => {
      const format = (request.query.format ?? 'marcxml') as ExportFormat;
      const q0 = request.query.q ?? '';
      if (!EXPORT_FORMATS.includes(format) || typeof q0 !== 'string' || q0.length > 1000) {
        throw new AppError(
          'VALIDATION_FAILED',
          `format must be one of ${EXPORT_FORMATS.join(', ')}; q at most 1000 characters.`,
        );
      }
      const symbols = [request.query.library ?? []].flat().map((s) => String(s).toUpperCase());
      const libraries = await q.librariesBySymbol(ctx.db, symbols);
      if (libraries.length < new Set(symbols).size)
        throw new AppError('VALIDATION_FAILED', 'Unknown library symbol.');
      let stream;
      try {
        stream = await exportSearch(ctx, { q: q0, libraryIds: libraries.map((l) => l.id) }, format);
      } catch (e) {
        if (e instanceof Error && e.name === 'QuerySyntaxError')
          throw new AppError('VALIDATION_FAILED', e.message);
        throw e;
      }
      const { type, ext } = CONTENT_TYPES[format];
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="search.${ext}"`)
        .send(stream);
    },
  );
}
