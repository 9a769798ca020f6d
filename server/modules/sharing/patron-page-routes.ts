import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, libraryParamsSchema } from '../../../shared/contracts/common.ts';
import {
  patronPageSettingsSchema,
  patronPageUpdateSchema,
  patronRequestInputSchema,
  patronRequestReceiptSchema,
  publicPatronPageSchema,
  symbolParamsSchema,
} from '../../../shared/contracts/sharing-patron.ts';
import type { PatronPages } from './patron-page.ts';

const tags = ['sharing'];
const errors = errorResponses;

/**
 * A library's public patron request page: its settings (the library's ILL staff read them, its admins and
 * consortium staff change them, as with the lending policy) and the anonymous page and form.
 */
export function patronPageRoutes(api: FastifyInstance, pages: PatronPages) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/sharing/libraries/:libraryId/patron-page', {
    config: { access: { level: 'ownLibrary', param: 'libraryId', capability: 'sharing' } },
    schema: {
      tags,
      summary: 'The library’s patron request page settings (off until turned on)',
      params: libraryParamsSchema,
      response: { 200: patronPageSettingsSchema, ...errors },
    },
    handler: async (request) => pages.settings(request.params.libraryId),
  });

  r.put('/sharing/libraries/:libraryId/patron-page', {
    config: { access: { level: 'ownLibrary', param: 'libraryId', admin: true } },
    schema: {
      tags,
      summary: 'Change the patron request page (library admins; optimistic version)',
      params: libraryParamsSchema,
      body: patronPageUpdateSchema,
      response: { 200: patronPageSettingsSchema, ...errors },
    },
    handler: async (request) => pages.updateSettings(request.params.libraryId, request.body),
  });

  r.get('/public/sharing/:symbol/patron-page', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'A library’s public request page: card-number rules, pickup locations, introduction',
      description: '404 when the library has no page or has turned it off.',
      params: symbolParamsSchema,
      response: { 200: publicPatronPageSchema, ...errors },
    },
    handler: async (request) => pages.publicPage(request.params.symbol),
  });

  r.post('/public/sharing/:symbol/patron-requests', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'A patron asks for a loan or a copy (no sign-in); staff review it before it goes out',
      description:
        'The card number is checked against the library’s rules; 10 submissions an hour per connection ' +
        'and per card (429 RATE_LIMITED). Cross-site posts are refused (CSRF) like every write.',
      params: symbolParamsSchema,
      body: patronRequestInputSchema,
      response: { 201: patronRequestReceiptSchema, ...errors },
    },
    handler: async (request, reply) => {
      const receipt = await pages.submit(request.params.symbol, request.body, request.ip);
      return reply.status(201).send(receipt);
    },
  });
}
