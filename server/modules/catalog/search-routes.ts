import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, uuidSchema } from '../../../shared/contracts/common.ts';
import {
  marcViewSchema,
  recordPageSchema,
  searchQuerySchema,
  searchResponseSchema,
} from '../../../shared/contracts/catalog-search.ts';
import type { CatalogSearchService } from './search-service.ts';

const tags = ['catalog'];
const everyone = { level: 'public' } as const;

/** Search and the record page are public: a union catalog is for everyone to see what members hold. */
export async function catalogSearchRoutes(api: FastifyInstance, service: CatalogSearchService) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/catalog/search', {
    config: { access: everyone },
    schema: {
      tags,
      summary: 'Search the union catalog (clusters), with facets, sorting and paging',
      description:
        'Words are ANDed; use "quoted phrases", AND / OR / NOT (upper case), -word, parentheses, ' +
        'field:word or field:(…) with title, author, subject, isbn, issn, oclc, publisher, series, and word* ' +
        'for truncation. ISBN-10 and ISBN-13 find each other, with or without hyphens; accents are ignored. ' +
        'Repeat a facet parameter to OR values (format=book&format=ebook); facets are ANDed with each other.',
      querystring: searchQuerySchema,
      response: { 200: searchResponseSchema, ...errorResponses },
    },
    handler: async (request) => service.search(request.query),
  });

  r.get('/catalog/clusters/:clusterId/display', {
    config: { access: everyone },
    schema: {
      tags,
      summary: 'The record page: full display of the chosen record and every holding library',
      params: z.object({ clusterId: uuidSchema }),
      response: { 200: recordPageSchema, ...errorResponses },
    },
    handler: async (request) => service.display(request.params.clusterId),
  });

  r.get('/catalog/records/:recordId/marc', {
    config: { access: everyone },
    schema: {
      tags,
      summary: "One library's MARC record as loaded (leader, fields, indicators, subfields)",
      params: z.object({ recordId: uuidSchema }),
      response: { 200: marcViewSchema, ...errorResponses },
    },
    handler: async (request) => service.marc(request.params.recordId),
  });
}
