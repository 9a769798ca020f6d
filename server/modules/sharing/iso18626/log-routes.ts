import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../../shared/contracts/common.ts';
import { requestMessageParamsSchema, requestMessagesSchema } from '../../../../shared/contracts/iso18626.ts';
import { requestParamsSchema } from '../../../../shared/contracts/sharing.ts';
import type { MessageLog } from './message-log.ts';

const tags = ['sharing'];
const errors = errorResponses;

/** The ISO 18626 messages of a request, for staff troubleshooting an outside library. */
export function logRoutes(api: FastifyInstance, log: MessageLog) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/sharing/requests/:requestId/iso-messages', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Messages exchanged with outside libraries about a request, in order, pretty-printed',
      description:
        'The borrowing library and consortium staff see every message; a lending member only those of its ' +
        'own attempts. Bodies are stored without patron data; credentials are masked.',
      params: requestParamsSchema,
      response: { 200: requestMessagesSchema, ...errors },
    },
    handler: async (request) => log.ofRequest(request.principal!, request.params.requestId),
  });

  r.post('/sharing/requests/:requestId/iso-messages/:messageId/resend', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Queue a failed or rejected message again (staff of our library on the request)',
      params: requestMessageParamsSchema,
      response: { 200: requestMessagesSchema, ...errors },
    },
    handler: async (request) =>
      log.resend(request.principal!, request.params.requestId, request.params.messageId),
  });
}
