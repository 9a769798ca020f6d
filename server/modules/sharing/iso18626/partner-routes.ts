import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../../shared/contracts/common.ts';
import {
  partnerCreateSchema,
  partnerListSchema,
  partnerMessagesQuerySchema,
  partnerMessagesSchema,
  partnerParamsSchema,
  partnerSchema,
  partnerUpdateSchema,
} from '../../../../shared/contracts/iso18626.ts';
import type { MessageLog } from './message-log.ts';
import type { PartnerService } from './partners.ts';

const tags = ['sharing'];
const errors = errorResponses;
const consortiumStaff = { level: 'consortiumStaff' } as const;

/** ISO 18626 partners (libraries on other systems): configured and watched by consortium staff. */
export function partnerRoutes(api: FastifyInstance, partners: PartnerService, log: MessageLog) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/sharing/partners', {
    config: { access: consortiumStaff },
    schema: {
      tags,
      summary: 'ISO 18626 partners with their status (reachable, unreachable since …, disabled)',
      response: { 200: partnerListSchema, ...errors },
    },
    handler: async () => partners.list(),
  });

  r.post('/sharing/partners', {
    config: { access: consortiumStaff },
    schema: {
      tags,
      summary: 'Add an ISO 18626 partner (an organisation of kind partner with its settings)',
      description: 'Credentials are write-only: responses only say whether each is set.',
      body: partnerCreateSchema,
      response: { 201: partnerSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await partners.create(request.principal!, request.body, request.ip)),
  });

  r.get('/sharing/partners/:partnerId', {
    config: { access: consortiumStaff },
    schema: {
      tags,
      summary: 'One ISO 18626 partner',
      params: partnerParamsSchema,
      response: { 200: partnerSchema, ...errors },
    },
    handler: async (request) => partners.get(request.params.partnerId),
  });

  r.patch('/sharing/partners/:partnerId', {
    config: { access: consortiumStaff },
    schema: {
      tags,
      summary: 'Change a partner (optimistic version; a credential omitted is kept, null clears it)',
      params: partnerParamsSchema,
      body: partnerUpdateSchema,
      response: { 200: partnerSchema, ...errors },
    },
    handler: async (request) =>
      partners.update(request.principal!, request.params.partnerId, request.body, request.ip),
  });

  r.get('/sharing/partners/:partnerId/messages', {
    config: { access: consortiumStaff },
    schema: {
      tags,
      summary: 'Recent ISO 18626 traffic with one partner, newest first, by status',
      params: partnerParamsSchema,
      querystring: partnerMessagesQuerySchema,
      response: { 200: partnerMessagesSchema, ...errors },
    },
    handler: async (request) => log.ofPartner(request.params.partnerId, request.query),
  });
}
