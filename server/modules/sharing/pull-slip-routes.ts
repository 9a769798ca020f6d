import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, libraryParamsSchema } from '../../../shared/contracts/common.ts';
import { MAX_PULL_SLIPS, pullSlipQuerySchema } from '../../../shared/contracts/sharing-pull-slips.ts';
import type { PullSlips } from './pull-slip-service.ts';

/** Pull slips of the lending queue as one PDF (the web's print page stays for printing from the browser). */
export function pullSlipRoutes(api: FastifyInstance, slips: PullSlips) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get('/sharing/libraries/:libraryId/pull-slips.pdf', {
    config: { access: { level: 'ownLibrary', param: 'libraryId', capability: 'sharing' } },
    schema: {
      tags: ['sharing'],
      summary: `Lender: pull slips of up to ${MAX_PULL_SLIPS} requests as one PDF (two per page)`,
      description:
        'Only requests currently asked of this library; any other id refuses the batch (404). No patron data.',
      params: libraryParamsSchema,
      querystring: pullSlipQuerySchema,
      produces: ['application/pdf'],
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { ids, lang } = request.query;
      const locale = lang ?? request.principal!.locale;
      const pdf = await slips.pdf(request.principal!, request.params.libraryId, ids, locale);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="pull-slips.pdf"')
        .send(pdf);
    },
  });
}
